import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { AppAbility, SessionUser } from '@sbo/shared';

export type PolicyHandler = (ability: AppAbility) => boolean;

export const PUBLIC_ROUTE = 'publicRoute';
export const POLICIES = 'policies';

/** Anyone may call this route, logged in or not. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * The route's authorization: each handler must allow the caller (by subject type).
 * Record-level checks happen in services, on instances, and in SQL for lists.
 */
export const CheckPolicies = (...handlers: PolicyHandler[]) => SetMetadata(POLICIES, handlers);

/** Any logged-in user may call this route (their own profile, their own session). */
export const Authenticated = () => CheckPolicies(() => true);

interface AuthorizedRequest {
  user?: SessionUser;
  ability?: AppAbility;
}

export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<AuthorizedRequest>().user,
);

export const CurrentAbility = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<AuthorizedRequest>().ability,
);
