import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import type { SessionUser } from '@sbo/shared';
import { Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { verifyPassword } from './password';
import { toSessionUser } from './session-user';
import { User } from './user.entity';

export interface AccessTokenPayload {
  sub: string;
  /** The user's token version when the token was issued; raising it revokes the token. */
  tv: number;
}

export interface IssuedToken {
  accessToken: string;
  /** Seconds until the token expires; refresh before then. */
  expiresIn: number;
  user: SessionUser;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The user behind an email and password, or null. Inactive users cannot log in. */
  async verifyCredentials(email: string, password: string): Promise<User | null> {
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
    const ok = await verifyPassword(user?.passwordHash, password);
    if (!user || !ok || !user.active) {
      await this.audit.record({
        actor: user ? { id: user.id, email: user.email } : { id: null, email: email.trim().toLowerCase() },
        action: 'auth.login_failed',
        entityType: 'User',
        entityId: user?.id ?? 'unknown',
        reason: !user || !ok ? 'wrong email or password' : 'account inactive',
      });
      return null;
    }
    return user;
  }

  async issueToken(user: User): Promise<IssuedToken> {
    const issued = await this.sign(user);
    await this.audit.record({
      actor: { id: user.id, email: user.email },
      action: 'auth.login',
      entityType: 'User',
      entityId: user.id,
    });
    return issued;
  }

  /** The session was checked by the JWT strategy just now (active, not revoked). */
  async refreshToken(session: SessionUser): Promise<IssuedToken> {
    return this.sign(await this.users.findOneByOrFail({ id: session.id }));
  }

  private async sign(user: User): Promise<IssuedToken> {
    const payload: AccessTokenPayload = { sub: user.id, tv: user.tokenVersion };
    const accessToken = await this.jwt.signAsync(payload);
    return { accessToken, expiresIn: this.config.jwtTtlSeconds, user: toSessionUser(user) };
  }

  /** The session behind a verified token, or null when the user is gone, inactive, or the token was revoked. */
  async sessionFor(payload: AccessTokenPayload): Promise<SessionUser | null> {
    // Every request runs this: one indexed row, only the session's columns, no entity hydration.
    const [session] = await this.users.query(
      `SELECT id, email, name, roles, regions, firm_id AS "firmId" FROM app_user
        WHERE id = $1 AND active AND token_version = $2`,
      [payload.sub, payload.tv],
    );
    return (session as SessionUser | undefined) ?? null;
  }

  /** Logout ends every token the user holds. */
  async revokeSessions(user: SessionUser): Promise<void> {
    await this.users.increment({ id: user.id }, 'tokenVersion', 1);
    await this.audit.record({
      actor: { id: user.id, email: user.email },
      action: 'auth.logout',
      entityType: 'User',
      entityId: user.id,
    });
  }
}
