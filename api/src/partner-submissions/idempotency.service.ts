import { createHash } from 'node:crypto';
import { createParamDecorator, type ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { ApiHeader } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SessionUser } from '@sbo/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import { validationError } from '../common/validation';
import type { Upload } from './multipart-upload';

/** How long a key is remembered; after that it may be used again for a new request. */
const KEY_TTL = '24 hours';
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;

export interface IdempotentRequest {
  user: SessionUser;
  /** The `Idempotency-Key` header; without one the request simply runs. */
  key: string | undefined;
  /** Method and path, e.g. `POST /partner/submissions/<id>/submit`: a key belongs to one route. */
  route: string;
  /** What identifies the request's content (the JSON body, or a file's digest). */
  payload: unknown;
  /** The status the route answers with, replayed as it was. */
  status: number;
  reply?: FastifyReply;
}

/**
 * The idempotency of a partner POST, read off the request: the caller, the `Idempotency-Key` header,
 * method and path, the status of its `@HttpCode`, and with `'body'` the JSON body as what identifies
 * it (routes without a body leave it null; uploads name their file with `withUpload`).
 */
export const Idempotent = createParamDecorator(
  (payload: 'body' | undefined, ctx: ExecutionContext): IdempotentRequest => {
    const req = ctx.switchToHttp().getRequest<FastifyRequest & { user: SessionUser }>();
    return {
      user: req.user,
      key: req.headers['idempotency-key'] as string | undefined,
      route: `${req.method} ${req.url.split('?')[0]}`,
      payload: payload === 'body' ? req.body : null,
      status: Reflect.getMetadata(HTTP_CODE_METADATA, ctx.getHandler()) as number,
      reply: ctx.switchToHttp().getResponse<FastifyReply>(),
    };
  },
  [
    (target, key) =>
      ApiHeader({
        name: 'Idempotency-Key',
        required: false,
        description: 'Retrying with the same key replays the first response instead of acting twice.',
      })(target, key!, Object.getOwnPropertyDescriptor(target, key!)!),
  ],
);

/** An upload is the same request again when its fields, file name and content digest are. */
export const withUpload = (request: IdempotentRequest, { file, fields }: Upload): IdempotentRequest => ({
  ...request,
  payload: { ...fields, fileName: file.fileName, sha256: createHash('sha256').update(file.content).digest('hex') },
});

/** JSON with object keys sorted, so the same body in another key order hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * `Idempotency-Key` for partner POSTs (the API channel retries over flaky networks): the key is
 * claimed in the same transaction as the work and its response stored there too, so a retry,
 * even one racing the first attempt, replays the stored response instead of acting twice.
 * A refused request (an error) stores nothing: it may be retried once the problem is fixed.
 */
@Injectable()
export class IdempotencyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(request: IdempotentRequest, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const { key } = request;
    if (key === undefined) return this.dataSource.transaction(work);
    if (!KEY_FORMAT.test(key)) {
      throw validationError([
        { field: 'Idempotency-Key', messages: ['Idempotency-Key must be 1 to 255 visible ASCII characters (a UUID is best).'] },
      ]);
    }
    const requestHash = createHash('sha256').update(canonicalJson({ route: request.route, payload: request.payload })).digest('hex');
    return this.dataSource.transaction(async (manager) => {
      // A concurrent first attempt holds the row uncommitted: this insert waits for it to finish.
      const claimed: unknown[] = await manager.query(
        `INSERT INTO idempotency_key (user_id, key, route, request_hash, response_status)
         VALUES ($1, $2, $3, $4, 0)
         ON CONFLICT (user_id, key) DO UPDATE
           SET route = EXCLUDED.route, request_hash = EXCLUDED.request_hash, response_status = 0,
               response_body = NULL, created_at = now()
           WHERE idempotency_key.created_at < now() - interval '${KEY_TTL}'
         RETURNING key`,
        [request.user.id, key, request.route, requestHash],
      );
      if (!claimed.length) return this.replay<T>(manager, request, requestHash);

      const body = JSON.parse(JSON.stringify((await work(manager)) ?? null)) as T;
      await manager.query(
        `UPDATE idempotency_key SET response_status = $3, response_body = $4::jsonb WHERE user_id = $1 AND key = $2`,
        [request.user.id, key, request.status, JSON.stringify(body)],
      );
      return body;
    });
  }

  private async replay<T>(manager: EntityManager, request: IdempotentRequest, requestHash: string): Promise<T> {
    const [stored] = await manager.query(
      `SELECT request_hash, response_status, response_body FROM idempotency_key WHERE user_id = $1 AND key = $2`,
      [request.user.id, request.key],
    );
    if (stored.request_hash !== requestHash) {
      throw new AppError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'CONFLICT',
        'This Idempotency-Key was already used for a different request. Use a new key for each new request, ' +
          'and the same key only to retry exactly the same one.',
      );
    }
    request.reply?.status(stored.response_status).header('Idempotent-Replayed', 'true');
    return stored.response_body as T;
  }
}
