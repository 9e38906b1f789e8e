import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/app-config';
import { runMigrations, withDataSource } from '../src/database/prepare-database';
import { seedDemoData } from '../src/seed/demo-data';
import { freePort } from './support/global-setup';
import { PostgresProcess } from './support/postgres-process';

/** PostgreSQL goes away under a running API and comes back: the API answers 503 meanwhile and recovers by itself. */
describe('database faults (API on its own PostgreSQL)', () => {
  let dir: string;
  let pg: PostgresProcess;
  let app: NestFastifyApplication;

  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sbo-faults-'));
    pg = new PostgresProcess(join(dir, 'pg'), await freePort());
    await pg.start();
    await pg.createDatabase('faults');
    const url = pg.url('faults');
    await runMigrations(url);
    await withDataSource(url, seedDemoData);
    app = await createApp(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), url);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 while PostgreSQL is down and recovers without a restart', async () => {
    const login = await http().post('/api/auth/login').send({ email: 'admin@example.com', password: 'demo1234' });
    expect(login.status).toBe(200);
    const auth = `Bearer ${login.body.accessToken}`;
    expect((await http().get('/api/contacts').set('Authorization', auth)).status).toBe(200);

    await pg.stop();

    const health = await http().get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toEqual({ status: 'error', db: 'down' });
    for (const call of [
      () => http().get('/api/contacts').set('Authorization', auth),
      () => http().post('/api/auth/login').send({ email: 'admin@example.com', password: 'demo1234' }),
    ]) {
      const res = await call();
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
      expect(res.body.message).toContain('database');
      expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|at .*\.js|SELECT/);
    }

    await pg.start();

    // The pool reconnects on its own; give it a few seconds.
    let status = 0;
    for (let i = 0; i < 30 && status !== 200; i++) {
      status = (await http().get('/api/health')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 500));
    }
    expect(status).toBe(200);
    expect((await http().get('/api/contacts').set('Authorization', auth)).status).toBe(200);
  });
});
