import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { type AppAbility, defineAbilityFor, type SessionUser } from '@sbo/shared';
import { AppError, forbidden } from '../common/app-error';
import { POLICIES, type PolicyHandler, PUBLIC_ROUTE } from './policies.decorator';

const isPublic = (reflector: Reflector, context: ExecutionContext) =>
  reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]) === true;

/** Every route needs a valid bearer token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  canActivate(context: ExecutionContext) {
    return isPublic(this.reflector, context) ? true : super.canActivate(context);
  }

  handleRequest<T>(error: unknown, user: T, info: unknown): T {
    if (error) throw error;
    if (!user) {
      const reason = info instanceof Error ? info.name : '';
      const message =
        reason === 'TokenExpiredError'
          ? 'Your session has expired. Log in again.'
          : reason === 'JsonWebTokenError'
            ? 'The access token is not valid. Log in again.'
            : 'Log in first: send your access token as "Authorization: Bearer <token>".';
      throw new AppError(401, 'UNAUTHENTICATED', message);
    }
    return user;
  }
}

/**
 * Builds the caller's CASL ability and runs the route's policies.
 * A route without a policy is refused: nothing is reachable by omission.
 */
@Injectable()
export class PoliciesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (isPublic(this.reflector, context)) return true;
    const request = context.switchToHttp().getRequest<{ user?: SessionUser; ability?: AppAbility }>();
    if (!request.user) throw new AppError(401, 'UNAUTHENTICATED', 'Log in first.');
    request.ability = defineAbilityFor(request.user);
    const handlers = this.reflector.get<PolicyHandler[] | undefined>(POLICIES, context.getHandler());
    if (!handlers?.length || !handlers.every((allow) => allow(request.ability!))) throw forbidden();
    return true;
  }
}
