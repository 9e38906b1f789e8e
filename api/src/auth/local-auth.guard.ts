import { type ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { validationError } from '../common/validation';
import { LoginDto } from './login.dto';

/** Validates the login body first (400 with field errors), then checks the credentials with passport-local. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  canActivate(context: ExecutionContext) {
    const body: unknown = context.switchToHttp().getRequest<{ body?: unknown }>().body;
    const dto = plainToInstance(LoginDto, body && typeof body === 'object' ? body : {});
    const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) {
      throw validationError(errors.map((e) => ({ field: e.property, messages: Object.values(e.constraints ?? {}) })));
    }
    return super.canActivate(context);
  }
}
