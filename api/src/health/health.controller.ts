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
  async health(@Res() reply: FastifyReply): Promise<void> {
    // Terminus reports a failed ping as a "down" result rather than throwing.
    const result = await this.db.pingCheck('db', { timeout: 1500 }).catch(() => undefined);
    const up = result?.db?.status === 'up';
    await reply
      .status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .send(up ? { status: 'ok', db: 'up' } : { status: 'error', db: 'down' });
  }
}
