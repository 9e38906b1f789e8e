import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { type AppConfig, loadConfig } from '../../src/config/app-config';
import { DEMO_PASSWORD } from '../../src/seed/demo-data';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestApp {
  app: NestFastifyApplication;
  db: TestDatabase;
  config: AppConfig;
  /** The app's own TypeORM connection, for arranging and inspecting data. */
  dataSource: DataSource;
  http(): ReturnType<typeof request>;
  /** Logs in a demo account (password demo1234 unless given) and returns its bearer token. */
  login(email: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** The real application on a database of its own, with the demo data in it. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', LOGIN_ATTEMPTS_PER_MINUTE: '1000', ...env });
  const app = await createApp(config, db.url);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const server = app.getHttpServer();
  const tokens = new Map<string, string>();
  return {
    app,
    db,
    config,
    dataSource: app.get(DataSource),
    http: () => request(server),
    async login(email, password = DEMO_PASSWORD) {
      const key = `${email}\n${password}`;
      const cached = tokens.get(key);
      if (cached) return cached;
      const res = await request(server).post('/api/auth/login').send({ email, password });
      if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
      tokens.set(key, res.body.accessToken);
      return res.body.accessToken as string;
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
