import { type ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { validationError } from '../common/validation';
import { LoginLocked } from './auth.service';
import { LoginDto } from './login.dto';

/**
 * Validates the login body first (400 with field errors), then checks the credentials with
 * passport-local; a throttled login (429) tells the caller when to retry in Retry-After.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  async canActivate(context: ExecutionContext): Promise<boolean> {
    const body: unknown = context.switchToHttp().getRequest<{ body?: unknown }>().body;
    const dto = plainToInstance(LoginDto, body && typeof body === 'object' ? body : {});
    const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) {
      throw validationError(errors.map((e) => ({ field: e.property, messages: Object.values(e.constraints ?? {}) })));
    }
    try {
      return (await super.canActivate(context)) as boolean;
    } catch (error) {
      if (error instanceof LoginLocked) {
        context.switchToHttp().getResponse<FastifyReply>().header('Retry-After', String(error.retryAfterSeconds));
      }
      throw error;
    }
  }
}
