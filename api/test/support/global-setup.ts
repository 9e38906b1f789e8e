import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/database/embedded-database';
import { runMigrations, withDataSource } from '../../src/database/data-source';
import { setAppRolePassword } from '../../src/database/runtime-role';
import { seedDemoData } from '../../src/seed/demo-data';

export const TEMPLATE_DATABASE = 'sbo_template';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * One throwaway PostgreSQL cluster for the whole run. A migrated template database with the demo data
 * is built once; each test file then gets its own copy of it (see test-app.ts).
 */
export default async function globalSetup(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sbo-test-pg-'));
  const port = await freePort();
  const db = await startEmbeddedPostgres({ dataDir: join(dir, 'data'), port, database: TEMPLATE_DATABASE, persistent: false });
  await runMigrations(db.url);
  await withDataSource(db.url, seedDemoData);
  // Roles belong to the cluster: one password for every test file's app, set once, so parallel
  // workers never change it under each other (see test-app.ts).
  const appPassword = randomBytes(24).toString('base64url');
  if (!(await setAppRolePassword(db.url, appPassword))) throw new Error('The test cluster has no sbo_app role to log in as');
  // A template cannot be copied while anyone is connected to it.
  const admin = new Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  await admin.query(`ALTER DATABASE ${TEMPLATE_DATABASE} WITH ALLOW_CONNECTIONS false IS_TEMPLATE true`);
  await admin.end();
  process.env.TEST_PG_PORT = String(port);
  process.env.TEST_APP_PASSWORD = appPassword;
  (globalThis as Record<string, unknown>).__SBO_TEST_PG__ = { db, dir };
}
