import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiErrorBody, ErrorCode } from '@sbo/shared';
import type { FastifyReply } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { AppError } from './app-error';
import { validationError } from './validation';

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

const STATUS_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** PostgreSQL error classes that mean the database is away, not that the request was wrong. */
const UNAVAILABLE_SQLSTATES = /^(08|53|57P0[1-3])/;
const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code;
  if (code && (CONNECTION_ERRORS.has(code) || UNAVAILABLE_SQLSTATES.test(code))) return true;
  return /Connection terminated|timeout exceeded when trying to connect|the database system is (shutting down|starting up)/i.test(
    e?.message ?? '',
  );
}

/**
 * PostgreSQL data exceptions a request value causes (a number out of the column's range, text that
 * cannot be stored, a malformed literal) when no DTO bound it: the request is wrong, not the server.
 */
const INPUT_DATA_SQLSTATES = new Set(['22001', '22003', '22007', '22008', '22021', '22P02', '22P05']);

export function isInputDataError(error: unknown): boolean {
  const e = error as { driverError?: { code?: string }; code?: string };
  return error instanceof QueryFailedError && INPUT_DATA_SQLSTATES.has(e.driverError?.code ?? e.code ?? '');
}

/**
 * A column's CHECK that a request value broke: PostgreSQL names an unnamed column check
 * `<table>_<column>_check`, so the column, and the request field (camelCase), follow from it.
 * Named table checks are invariants the API keeps itself (or answers with its own code), not matched.
 */
export function checkViolationField(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const { code, table, constraint } = (error.driverError ?? {}) as { code?: string; table?: string; constraint?: string };
  if (code !== '23514' || !table || !constraint?.startsWith(`${table}_`) || !constraint.endsWith('_check')) return undefined;
  const column = constraint.slice(table.length + 1, -'_check'.length);
  return column ? column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()) : undefined;
}

/** Builds the one error body of docs/api.md from anything thrown (Nest maps Fastify's own errors to HttpException). */
export function toErrorBody(exception: unknown): ApiErrorBody {
  if (exception instanceof AppError) {
    const { errors } = exception;
    return {
      statusCode: exception.status,
      error: STATUS_NAMES[exception.status] ?? 'Error',
      message: exception.message,
      code: exception.code,
      ...(exception.details === undefined ? {} : { details: exception.details }),
      ...(errors ? { errors } : {}),
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const raw = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    const message = Array.isArray(raw) ? raw.join('; ') : String(raw ?? exception.message);
    return {
      statusCode: status,
      error: STATUS_NAMES[status] ?? 'Error',
      message: status === 404 && /^Cannot /.test(message) ? 'No such route.' : message,
      code: STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_FAILED'),
    };
  }
  const checkedField = checkViolationField(exception);
  if (checkedField) {
    return toErrorBody(validationError([{ field: checkedField, messages: [`${checkedField} is not an accepted value`] }]));
  }
  if (isInputDataError(exception)) {
    return {
      statusCode: 400,
      error: STATUS_NAMES[400],
      message: 'A value in the request is out of range or cannot be stored (too large a number, too long or malformed text). Check the values and try again.',
      code: 'VALIDATION_FAILED',
    };
  }
  if (isDatabaseUnavailable(exception)) {
    return {
      statusCode: 503,
      error: STATUS_NAMES[503],
      message: 'The database is not reachable right now. Nothing was changed; try again in a moment.',
      code: 'SERVICE_UNAVAILABLE',
    };
  }
  return {
    statusCode: 500,
    error: STATUS_NAMES[500],
    message: 'Something went wrong on our side. It has been logged; try again, and tell support if it persists.',
    code: 'INTERNAL_ERROR',
  };
}

@Catch()
export class ErrorBodyFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost) {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = toErrorBody(exception);
    if (isInputDataError(exception) || checkViolationField(exception)) {
      // A 400 for the client, but a DTO is missing a bound: worth a look.
      const e = exception as QueryFailedError;
      this.logger.warn(`Request value refused by PostgreSQL (${(e.driverError as { code?: string }).code}): ${e.message} in ${e.query}`);
    } else if (body.statusCode >= 500) {
      const logged = exception instanceof QueryFailedError ? { query: exception.query, err: exception } : exception;
      this.logger.error(logged instanceof Error ? logged.stack : JSON.stringify(logged));
    }
    if (body.statusCode === 401) reply.header('WWW-Authenticate', 'Bearer');
    reply.status(body.statusCode).send(body);
  }
}
