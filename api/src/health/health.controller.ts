import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { Public } from '../authorization/policies.decorator';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly db: TypeOrmHealthIndicator) {}

  /** `{"status":"ok","db":"up"}`, or 503 with `db: "down"` while PostgreSQL is unreachable. */
  @Get()
  @Public()
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    try {
      await this.db.pingCheck('db', { timeout: 1500 });
      return { status: 'ok', db: 'up' };
    } catch {
      reply.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'error', db: 'down' };
    }
  }
}
