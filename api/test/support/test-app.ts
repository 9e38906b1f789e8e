import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
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
  /** The app's own TypeORM connection (the application role), for arranging and inspecting data. */
  dataSource: DataSource;
  /** As the owner, for arrangements the application role may not make (DDL, rewriting the audit trail). */
  ownerQuery<T = any>(sql: string, parameters?: unknown[]): Promise<T[]>;
  http(): ReturnType<typeof request>;
  /** Logs in a demo account (password demo1234 unless given) and returns its bearer token. */
  login(email: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** The real application on a database of its own, with the demo data in it. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    LOGIN_ATTEMPTS_PER_MINUTE: '1000',
    DATABASE_URL: db.url,
    DATABASE_APP_URL: db.appUrl,
    ...env,
  });
  const app = await createApp(config, db.appUrl);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const server = app.getHttpServer();
  const tokens = new Map<string, string>();
  let owner: Promise<Client> | undefined;
  return {
    app,
    db,
    config,
    dataSource: app.get(DataSource),
    async ownerQuery(sql, parameters) {
      owner ??= (async () => {
        const client = new Client({ connectionString: db.url });
        await client.connect();
        return client;
      })();
      return (await (await owner).query(sql, parameters)).rows;
    },
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
      await (await owner)?.end();
      await app.close();
      await db.drop();
    },
  };
}
