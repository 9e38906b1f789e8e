import { HttpStatus } from '@nestjs/common';
import type { ErrorCode } from '@sbo/shared';

/** An error the caller can act on: it carries the HTTP status, a machine code and a human message. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** Validation only: `{field: message}`. */
    readonly errors?: Record<string, string>,
  ) {
    super(message);
  }
}

/** Not found, or not visible to the caller: the two are never told apart. */
export const notFound = (what = 'Record') =>
  new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND', `${what} not found.`);

export const forbidden = (message = 'You are not allowed to do this.') =>
  new AppError(HttpStatus.FORBIDDEN, 'FORBIDDEN', message);

export const versionConflict = (currentVersion?: number) =>
  new AppError(
    HttpStatus.CONFLICT,
    'VERSION_CONFLICT',
    'Someone else changed this record since you opened it. Reload it to see their changes, then try again.',
    currentVersion === undefined ? undefined : { currentVersion },
  );

/** A business rule refused the request (422). */
export const ruleRefused = (code: ErrorCode, message: string, details?: unknown) =>
  new AppError(HttpStatus.UNPROCESSABLE_ENTITY, code, message, details);
