import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/app-config';
import { prepareDatabase } from '../src/prepare-database';
import { MAIL_TRANSPORT, type MailTransport } from '../src/notifications/mail-transport';
import { NotificationDispatcher } from '../src/notifications/notification-dispatcher.service';
import { freePort } from './support/global-setup';
import { PostgresProcess } from './support/postgres-process';

/** PostgreSQL goes away under a running API and comes back: the API answers 503 meanwhile and recovers by itself. */
describe('database faults (API on its own PostgreSQL)', () => {
  let dir: string;
  let pg: PostgresProcess;
  let app: NestFastifyApplication;
  let runtimeUrl: string;

  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sbo-faults-'));
    pg = new PostgresProcess(join(dir, 'pg'), await freePort());
    await pg.start();
    await pg.createDatabase('faults');
    // The outbox worker polls on its own, as in production, so it lives through the outage too.
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', NOTIFICATION_POLL_MS: '100', DATABASE_URL: pg.url('faults') });
    // As `npm start` does: migrated and seeded as the owner; the API logs in as sbo_app with a password
    // generated for this start (this cluster is the test's own, so no other process shares the role).
    const db = await prepareDatabase(config, () => undefined);
    runtimeUrl = db.url;
    app = await createApp(config, db.url);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Waits until `check` holds, up to `ms`. */
  async function eventually(check: () => Promise<boolean>, ms = 15_000): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (await check().catch(() => false)) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  }

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
    // The new connections logged in again as the application role.
    expect(new URL(runtimeUrl).username).toBe('sbo_app');
    expect(await app.get(DataSource).query(`SELECT session_user AS login`)).toEqual([{ login: 'sbo_app' }]);
  });

  it('the outbox worker survives the outage, resumes by itself and sends a pending email exactly once', async () => {
    const db = app.get(DataSource);
    const dispatcher = app.get(NotificationDispatcher);
    const sendMail = jest.spyOn(app.get<MailTransport>(MAIL_TRANSPORT), 'sendMail');
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      // Whatever the demo data left in the outbox goes out first.
      expect(await eventually(async () => (await db.query(`SELECT count(*)::int AS n FROM notification WHERE status IN ('PENDING', 'SENDING')`))[0].n === 0)).toBe(true);
      sendMail.mockClear();

      // An email that falls due while PostgreSQL is away.
      const [{ id }] = await db.query(
        `INSERT INTO notification (recipient, subject, body, template, next_attempt_at)
         VALUES ('outage@example.com', 'Sent once', 'Body', 'test.outage', now() + interval '1500 milliseconds') RETURNING id::text`,
      );
      await pg.stop();

      // A pass while it is down fails cleanly (the poller catches and logs it), sending nothing.
      await expect(dispatcher.dispatchDue()).rejects.toBeDefined();
      await new Promise((r) => setTimeout(r, 2500)); // ~25 failed polls, the email now overdue
      expect(sendMail).not.toHaveBeenCalled();
      expect((await http().get('/api/health')).status).toBe(503);

      await pg.start();
      // The poller resumes on its own: no restart, no manual pass.
      const row = async () => (await db.query(`SELECT status, attempts, sent_at FROM notification WHERE id = $1`, [id]))[0];
      expect(await eventually(async () => (await row()).status === 'SENT')).toBe(true);
      expect(await row()).toMatchObject({ status: 'SENT', attempts: 1, sent_at: expect.any(Date) });

      // Later passes never send it again.
      await dispatcher.dispatchDue();
      await new Promise((r) => setTimeout(r, 300));
      const toOutage = sendMail.mock.calls.filter(([message]) => message.to === 'outage@example.com');
      expect(toOutage).toHaveLength(1);
      expect(toOutage[0][0]).toMatchObject({ messageId: `<notification-${id}@sbo>` });
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      sendMail.mockRestore();
    }
  });

});
