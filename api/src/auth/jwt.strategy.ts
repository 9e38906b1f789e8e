import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { SessionUser } from '@sbo/shared';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { type AccessTokenPayload, AuthService } from './auth.service';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A key object, not the string: jsonwebtoken otherwise tries to parse the string as a public key
      // on every request first (a tenth of the API's CPU in the benchmark profile).
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as string,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  /** Checked on every request, so a deactivated user or a revoked token stops working at once. */
  async validate(payload: AccessTokenPayload & { exp?: unknown }): Promise<SessionUser> {
    // jsonwebtoken checks `exp` only when the token has one: a token without it would never expire.
    if (typeof payload.exp !== 'number') {
      throw new AppError(401, 'UNAUTHENTICATED', 'The access token is not valid: it never expires. Log in again.');
    }
    const session = await this.auth.sessionFor(payload);
    if (!session) throw new AppError(401, 'UNAUTHENTICATED', 'Your session has ended. Log in again.');
    return session;
  }
}
