import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';
import { AuthService } from './auth.service';
import type { User } from '../accounts/user.entity';

@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy) {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  /** `request.ip` is the connecting address unless it is a trusted proxy (TRUSTED_PROXIES). */
  validate(request: FastifyRequest, email: string, password: string): Promise<User> {
    return this.auth.logIn(email, password, request.ip);
  }
}
