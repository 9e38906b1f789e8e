import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/app-config';
import { prepareDatabase } from '../src/prepare-database';
import { setNow } from './support/intake';
import { asReviewer, heldSubmission, REP } from './support/review';
import { startTestApp, type TestApp } from './support/test-app';

/** The audit trail is append-only at the database, whoever asks: the application's role and the owner alike. */
describe('audit trail (API, real PostgreSQL)', () => {
  let t: TestApp;
  let owner: Client;
  beforeAll(async () => {
    t = await startTestApp();
    owner = new Client({ connectionString: t.db.url });
    await owner.connect();
  });
  afterAll(async () => {
    await owner.end();
    await t.close();
  });
  beforeEach(() => setNow(t, '2027-01-05T18:00:00Z'));

  it('the application logs in as sbo_app, which may read and append to audit_event only', async () => {
    const [who] = await t.dataSource.query(`SELECT current_user AS role, session_user AS login`);
    expect(who).toEqual({ role: 'sbo_app', login: 'sbo_app' });
    const [grants] = await t.dataSource.query(
      `SELECT has_table_privilege('audit_event', 'SELECT') AS select, has_table_privilege('audit_event', 'INSERT') AS insert,
              has_table_privilege('audit_event', 'UPDATE') AS update, has_table_privilege('audit_event', 'DELETE') AS delete,
              has_table_privilege('audit_event', 'TRUNCATE') AS truncate, has_table_privilege('submission', 'UPDATE') AS "submissionUpdate"`,
    );
    expect(grants).toEqual({ select: true, insert: true, update: false, delete: false, truncate: false, submissionUpdate: true });
  });

  it.each([
    ['UPDATE', `UPDATE audit_event SET reason = 'rewritten' WHERE id = (SELECT min(id) FROM audit_event)`],
    ['DELETE', `DELETE FROM audit_event WHERE id = (SELECT min(id) FROM audit_event)`],
    ['TRUNCATE', `TRUNCATE audit_event`],
  ])('%s fails at the database, for the application and for the owner', async (_, sql) => {
    await heldSubmission(t, 'CO');
    const [{ before }] = await t.dataSource.query(`SELECT count(*)::int AS before FROM audit_event`);
    await expect(t.dataSource.query(sql)).rejects.toThrow(/permission denied|append-only/);
    // The owner (here a superuser) bypasses privileges; the trigger still refuses.
    await expect(owner.query(sql)).rejects.toThrow(/audit_event is append-only/);
    const [{ after }] = await t.dataSource.query(`SELECT count(*)::int AS after FROM audit_event`);
    expect(after).toBe(before);
    expect(before).toBeGreaterThan(0);
  });

  it('records every review step with actor, time, before and after; GET /audit answers {data, total}', async () => {
    const { id, version } = await heldSubmission(t, 'CO');
    const rep = await asReviewer(t, REP.CO);
    await rep.release(id, version);
    const res = await rep.audit(id);
    expect(res.status).toBe(200);
    const actions = res.body.data.map((e: { action: string }) => e.action);
    expect(actions.slice(-2)).toEqual(['submission.claimed', 'submission.released']);
    const released = res.body.data.at(-1);
    expect(released).toMatchObject({
      actorEmail: REP.CO,
      entityType: 'Submission',
      entityId: id,
      region: 'CO',
      before: { state: 'IN_REVIEW', assigneeId: expect.any(String) },
      after: { state: 'SUBMITTED', assigneeId: null },
    });
    expect(new Date(released.occurredAt).getTime()).toBeGreaterThan(0);
  });
});

/**
 * A DATABASE_URL whose user may not alter roles, and no DATABASE_APP_URL (outside production):
 * migrations still run, the app works as that user with a warning, the trigger holds.
 */
describe('audit trail without the application role', () => {
  const port = () => process.env.TEST_PG_PORT!;
  const name = `sbo_norole_${process.pid}`;
  let admin: Client;
  let app: NestFastifyApplication | undefined;

  beforeAll(async () => {
    admin = new Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${port()}/postgres` });
    await admin.connect();
    await admin.query(`CREATE ROLE ${name} LOGIN PASSWORD 'plain' NOCREATEROLE NOSUPERUSER`);
    await admin.query(`CREATE DATABASE ${name} OWNER ${name}`);
  });
  afterAll(async () => {
    await app?.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`DROP OWNED BY ${name}`).catch(() => undefined);
    await admin.query(`DROP ROLE IF EXISTS ${name}`);
    await admin.end();
  });

  it('migrates, and the application keeps working as the connecting user', async () => {
    const url = `postgres://${name}:plain@127.0.0.1:${port()}/${name}`;
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: url });
    const lines: string[] = [];
    const db = await prepareDatabase(config, (line) => lines.push(line));
    expect(db.url).toBe(url);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^warning: the database user may not alter the sbo_app role, so the API works as that user/),
        expect.stringMatching(new RegExp(`^warning: the API's database role could rewrite the audit trail: ${name} owns \\d+ tables`)),
      ]),
    );
    app = await createApp(config, db.url);
    await app.init();
    const dataSource = app.get(DataSource);
    const [who] = await dataSource.query(`SELECT current_user AS role`);
    expect(who.role).toBe(name);
    await dataSource.query(`INSERT INTO audit_event (action, entity_type, entity_id) VALUES ('test', 'Test', '1')`);
    await expect(dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
  });
});
