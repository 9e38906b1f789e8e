import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { SessionUser } from '@sbo/shared';
import { AccountsService } from '../accounts/accounts.service';
import { verifyPassword } from '../accounts/password';
import { toSessionUser } from '../accounts/session-user';
import type { User } from '../accounts/user.entity';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { LOGIN_WINDOW_SECONDS } from './login-throttle';
import { LoginThrottleService } from './login-throttle.service';

export interface AccessTokenPayload {
  sub: string;
  /** The user's token version when the token was issued; raising it revokes the token. */
  tv: number;
}

/** Refused because of too many failed logins; the caller may retry after `retryAfterSeconds`. */
export class LoginLocked extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'TOO_MANY_REQUESTS', `Too many failed logins. Wait ${retryAfterSeconds} seconds, then try again.`, { retryAfterSeconds });
  }
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
    private readonly accounts: AccountsService,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottleService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The user behind an email and password, from `address`. Refused (401) for a wrong email or
   * password or an inactive account, and (429) once the account or the address has failed too often
   * within the window, even with the right password. Only failures use the budget up.
   */
  async logIn(email: string, password: string, address: string): Promise<User> {
    const account = email.trim().toLowerCase();
    const attempt = await this.throttle.begin(account, address);
    const { verdict } = attempt;
    if (!verdict.allowed) {
      await this.throttle.giveBack(attempt);
      throw new LoginLocked(verdict.retryAfterSeconds);
    }
    let user: User | null;
    let passwordMatches: boolean;
    try {
      user = await this.accounts.forLogin(account);
      passwordMatches = await verifyPassword(user?.passwordHash, password);
    } catch (error) {
      await this.throttle.giveBack(attempt);
      throw error;
    }
    if (user && passwordMatches && user.active) {
      await this.throttle.giveBack(attempt);
      return user;
    }
    const actor = { id: user?.id ?? null, email: account };
    const entityId = user?.id ?? 'unknown';
    await this.audit.record([
      {
        actor,
        action: 'auth.login_failed',
        entityType: 'User',
        entityId,
        reason: user && passwordMatches ? 'account inactive' : 'wrong email or password',
      },
      ...verdict.locksOnFailure.map((scope) => ({
        actor,
        action: 'auth.login_locked',
        ...(scope === 'account' ? { entityType: 'User', entityId } : { entityType: 'LoginAddress', entityId: address }),
        reason: `Too many failed logins for this ${scope}: further attempts are refused for up to ${LOGIN_WINDOW_SECONDS} seconds`,
      })),
    ]);
    throw new AppError(401, 'UNAUTHENTICATED', 'Email or password is incorrect.');
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
    const user = await this.accounts.findById(session.id);
    if (!user) throw new Error(`The account ${session.id} of a live session is gone`);
    return this.sign(user);
  }

  private async sign(user: User): Promise<IssuedToken> {
    const payload: AccessTokenPayload = { sub: user.id, tv: user.tokenVersion };
    const accessToken = await this.jwt.signAsync(payload);
    return { accessToken, expiresIn: this.config.jwtTtlSeconds, user: toSessionUser(user) };
  }

  /** The session behind a verified token, or null when the user is gone, inactive, or the token was revoked. */
  sessionFor(payload: AccessTokenPayload): Promise<SessionUser | null> {
    return this.accounts.sessionFor(payload.sub, payload.tv);
  }

  /** Logout ends every token the user holds. */
  async revokeSessions(user: SessionUser): Promise<void> {
    await this.accounts.endSessions(user.id);
    await this.audit.record({
      actor: { id: user.id, email: user.email },
      action: 'auth.logout',
      entityType: 'User',
      entityId: user.id,
    });
  }
}
