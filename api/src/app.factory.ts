import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppModule } from './app.module';
import { AppError } from './common/app-error';
import { toErrorBody } from './common/error-body.filter';
import { appValidationPipe, hostileInputProblem, validationError } from './common/validation';
import type { AppConfig } from './config/app-config';

/** The built console, served from `/` by the API in production shape. */
export const CONSOLE_DIST = resolve(__dirname, '../../console/dist');

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const NEST_LEVELS: Record<string, LogLevel[]> = {
  silent: [],
  fatal: ['fatal'],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  // Nest's own start-up chatter (every mapped route) is debug-level noise for us.
  info: ['fatal', 'error', 'warn'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  trace: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

/**
 * Builds the whole HTTP application; `main.ts` and the API tests both use it. `databaseUrl` logs in
 * as the application role, never the owner (prepareDatabase's `url`).
 */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: 1024 * 1024,
    // X-Forwarded-For names the client only when it comes from a configured proxy: anyone else could
    // claim any address and escape the per-address login throttle.
    trustProxy: config.trustedProxies.length ? config.trustedProxies : false,
    // A path Fastify cannot decode (e.g. %C0%AE) is answered before any route: keep the error shape.
    frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
      const body = toErrorBody(new AppError(400, 'VALIDATION_FAILED', `The URL is not valid (${error.code}): check its escapes.`));
      void reply.status(400).send(body);
    },
    logger:
      config.logLevel === 'silent'
        ? false
        : { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, databaseUrl), adapter, {
    logger: new ConsoleLogger({ json: config.production, logLevels: NEST_LEVELS[config.logLevel] }),
    abortOnError: false,
  });

  app.setGlobalPrefix('api');
  app.useGlobalPipes(appValidationPipe());
  // Before any guard or pipe: input no route can take (NUL characters, very deep nesting) is a 400.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('preHandler', async (request, reply) => {
      const problem = hostileInputProblem(request.body) ?? hostileInputProblem(request.query) ?? hostileInputProblem(request.params);
      if (problem) await reply.status(400).send(toErrorBody(validationError([problem])));
    });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Material UI injects its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  const origins = config.corsOrigins.length ? config.corsOrigins : config.production ? [] : ['http://localhost:5173'];
  // @fastify/cors allows only GET, HEAD and POST unless told: the console also PATCHes and DELETEs.
  app.enableCors({ origin: origins, methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'], credentials: false, maxAge: 600 });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, parts: 12 } });

  const openApi = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Small Business Back Office API')
      .setDescription('Review, intake, delegation and registration routes (see docs/api.md in the repository).')
      .setVersion('1.0.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, openApi, { jsonDocumentUrl: 'api/docs-json' });

  if (existsSync(resolve(CONSOLE_DIST, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: CONSOLE_DIST,
      wildcard: false,
      index: ['index.html'],
      cacheControl: false,
      // Hashed bundles never change; index.html must be fresh so it never points at removed bundles.
      setHeaders: (reply, path) =>
        reply.header('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  }
  return app;
}
