import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { QueryRunner } from 'typeorm';
import { loadConfig } from '../src/config/app-config';
import { prepareDatabase } from '../src/prepare-database';
import { runtimeRoleProblems } from '../src/database/runtime-role';
import { startTestApp, type TestApp } from './support/test-app';

const REWRITE = `UPDATE audit_event SET reason = 'rewritten' WHERE id = (SELECT min(id) FROM audit_event)`;

/** The API logs in as sbo_app, which owns nothing: through its own connection the audit trail cannot be rewritten. */
describe('the API database role (API, real PostgreSQL)', () => {
  let t: TestApp;
  let runner: QueryRunner;
  beforeAll(async () => {
    t = await startTestApp();
    // Something in the trail to rewrite (the demo data has none).
    await t.dataSource.query(`INSERT INTO audit_event (action, entity_type, entity_id) VALUES ('test.recorded', 'Test', '0')`);
  });
  afterAll(async () => {
    await t.close();
  });
  // One of the API pool's own connections, as a request gets it.
  beforeEach(async () => {
    runner = t.dataSource.createQueryRunner();
    await runner.connect();
  });
  afterEach(async () => {
    await runner.release();
  });

  const auditRows = async () => (await t.ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event`))[0].n;

  it('logs in as sbo_app, which is not a superuser', async () => {
    const [who] = await runner.query(
      `SELECT current_user AS role, session_user AS login, rolsuper AS superuser FROM pg_roles WHERE rolname = session_user`,
    );
    expect(who).toEqual({ role: 'sbo_app', login: 'sbo_app', superuser: false });
    const [attributes] = await runner.query(
      `SELECT rolinherit, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls,
              (SELECT count(*)::int FROM pg_auth_members WHERE member = r.oid) AS memberships
       FROM pg_roles r WHERE rolname = 'sbo_app'`,
    );
    expect(attributes).toEqual({ rolinherit: false, rolcreaterole: false, rolcreatedb: false, rolreplication: false, rolbypassrls: false, memberships: 0 });
  });

  it('cannot leave the role: RESET ROLE keeps sbo_app, SET ROLE and SET SESSION AUTHORIZATION to the owner fail', async () => {
    const [{ owner }] = await runner.query(`SELECT tableowner AS owner FROM pg_tables WHERE tablename = 'audit_event'`);
    expect(owner).toBe('postgres');
    await runner.query(`RESET ROLE`);
    expect(await runner.query(`SELECT current_user AS role`)).toEqual([{ role: 'sbo_app' }]);
    await expect(runner.query(REWRITE)).rejects.toThrow('permission denied for table audit_event');
    await expect(runner.query(`SET ROLE ${owner}`)).rejects.toThrow(`permission denied to set role "${owner}"`);
    await expect(runner.query(`SET SESSION AUTHORIZATION ${owner}`)).rejects.toThrow('permission denied to set session authorization');
    expect(await runner.query(`SELECT current_user AS role`)).toEqual([{ role: 'sbo_app' }]);
  });

  it.each([
    ['UPDATE', REWRITE, 'permission denied for table audit_event'],
    ['DELETE', `DELETE FROM audit_event WHERE id = (SELECT min(id) FROM audit_event)`, 'permission denied for table audit_event'],
    ['TRUNCATE', `TRUNCATE audit_event`, 'permission denied for table audit_event'],
    ['ALTER TABLE … DISABLE TRIGGER ALL', `ALTER TABLE audit_event DISABLE TRIGGER ALL`, 'must be owner of table audit_event'],
    ['DROP TRIGGER', `DROP TRIGGER audit_event_no_update_delete ON audit_event`, 'must be owner of relation audit_event'],
    [
      'replacing the trigger function',
      `CREATE OR REPLACE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
      'permission denied for schema public',
    ],
    ['DROP TABLE', `DROP TABLE audit_event`, 'must be owner of table audit_event'],
    ['SET session_replication_role = replica', `SET session_replication_role = replica`, 'permission denied to set parameter "session_replication_role"'],
    ['making itself a superuser', `ALTER ROLE sbo_app SUPERUSER`, 'permission denied to alter role'],
    ['creating a table of its own', `CREATE TABLE audit_copy (id int)`, 'permission denied for schema public'],
  ])('%s fails and the trail is unchanged', async (_, sql, error) => {
    const before = await auditRows();
    expect(before).toBeGreaterThan(0);
    await expect(runner.query(sql)).rejects.toThrow(error);
    expect(await auditRows()).toBe(before);
    expect(await runner.query(`SHOW session_replication_role`)).toEqual([{ session_replication_role: 'origin' }]);
    const [trigger] = await t.ownerQuery(`SELECT tgenabled FROM pg_trigger WHERE tgname = 'audit_event_no_update_delete'`);
    expect(trigger).toEqual({ tgenabled: 'O' });
  });

  it('may read and append to the audit trail', async () => {
    const [{ id }] = await runner.query(
      `INSERT INTO audit_event (action, entity_type, entity_id) VALUES ('test.appended', 'Test', '1') RETURNING id`,
    );
    expect(await runner.query(`SELECT action FROM audit_event WHERE id = $1`, [id])).toEqual([{ action: 'test.appended' }]);
  });

  describe('start-up check', () => {
    // Production, on this test's database (migrated already; production seeds nothing).
    const production = (databaseAppUrl: string) => ({
      ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
      production: true,
      databaseUrl: t.db.url,
      databaseAppUrl,
    });

    it('DATABASE_APP_URL is required in production', () => {
      expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: randomBytes(48).toString('base64') })).toThrow(
        /DATABASE_APP_URL is required when NODE_ENV=production/,
      );
    });

    it('finds nothing wrong with sbo_app and names what is wrong with the owner', async () => {
      expect(await runtimeRoleProblems(t.db.appUrl)).toEqual([]);
      expect(await runtimeRoleProblems(t.db.url)).toEqual(
        expect.arrayContaining(['postgres is a superuser', 'postgres owns the tables', 'postgres may UPDATE, DELETE or TRUNCATE audit_event']),
      );
    });

    it('in production, refuses to start when DATABASE_APP_URL is the owner', async () => {
      await expect(prepareDatabase(production(t.db.url), () => undefined)).rejects.toThrow(
        /^Refusing to start: the API's database role could rewrite the audit trail: postgres is a superuser;.*DATABASE_APP_URL/,
      );
    });

    it('in production, sets sbo_app to the password of DATABASE_APP_URL, stored only as a SCRAM verifier', async () => {
      // The password every test app logs in with, so the other test files running meanwhile keep working.
      const password = decodeURIComponent(new URL(t.db.appUrl).password);
      const verifier = async () => (await t.ownerQuery(`SELECT rolpassword FROM pg_authid WHERE rolname = 'sbo_app'`))[0].rolpassword;
      const before = await verifier();
      const lines: string[] = [];
      const db = await prepareDatabase(production(t.db.appUrl), (line) => lines.push(line));
      expect(db).toMatchObject({ url: t.db.appUrl, ownerUrl: t.db.url });
      expect(lines).toEqual([]);
      const after = await verifier();
      expect(after).not.toBe(before);
      expect(after).toMatch(/^SCRAM-SHA-256\$4096:/);
      expect(after).not.toContain(password);
      const client = new Client({ connectionString: db.url });
      await client.connect();
      try {
        expect((await client.query(`SELECT current_user AS role`)).rows).toEqual([{ role: 'sbo_app' }]);
      } finally {
        await client.end();
      }
    });
  });
});
