import { applyDecorators, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Action, SubjectName } from '@sbo/shared';
import { notFound } from '../common/app-error';
import { CheckPolicies, type PolicyHandler } from './policies.decorator';

/** The caller may `action` some `subject` (type-level; the service checks the record itself). */
export const can =
  (action: Action, subject: SubjectName): PolicyHandler =>
  (ability) =>
    ability.can(action, subject);

/**
 * A route in one decorator: its method and path, its policy (so none is left without one) and the
 * summary the OpenAPI document shows for it, if any.
 */
const route =
  (method: (path: string) => MethodDecorator, status?: number) =>
  (path: string, policy: PolicyHandler, summary?: string) =>
    applyDecorators(
      method(path),
      ...(status ? [HttpCode(status)] : []),
      CheckPolicies(policy),
      ...(summary ? [ApiOperation({ summary })] : []),
    );

/** GET: a record, or a list (path ''). */
export const ReadRoute = route(Get);

/** POST answering 201: makes a record (or attaches a file). The status is declared, as idempotent replays read it. */
export const CreateRoute = route(Post, 201);

/** POST answering 200: a command on an existing record (claim, approve, promote...). */
export const ActionRoute = route(Post, 200);

/** PATCH: edits a record in place. */
export const UpdateRoute = route(Patch);

/** DELETE answering 204. */
export const DeleteRoute = route(Delete, 204);

/** The `:id` path parameter, a uuid; anything else is the 404 of a `kind` that does not exist. */
export const RecordId = (kind: string) => Param('id', new ParseUUIDPipe({ exceptionFactory: () => notFound(kind) }));
