import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { AppError } from '../common/app-error';
import { AuthService } from './auth.service';
import type { User } from './user.entity';

@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy) {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password' });
  }

  async validate(email: string, password: string): Promise<User> {
    const user = await this.auth.verifyCredentials(email, password);
    if (!user) throw new AppError(401, 'UNAUTHENTICATED', 'Email or password is incorrect.');
    return user;
  }
}
