import { resolve } from 'node:path';
import type { AppConfig } from './config/app-config';
import { runMigrations, withDataSource } from './database/data-source';
import { startEmbeddedPostgres } from './database/embedded-database';
import { prepareRuntimeUrl, verifyRuntimeRole } from './database/runtime-role';
import { seedDemoDataIfEmpty } from './seed/demo-data';

/*
 * Start-up, beside main.ts rather than in database/: it seeds, and seed/ builds on the feature
 * folders, some of which build on database/.
 */

export const REPO_ROOT = resolve(__dirname, '../..');
export const DEFAULT_PG_DATA_DIR = resolve(REPO_ROOT, '.data/postgres');

export interface PreparedDatabase {
  /** What the API's pool logs in with: the application role (see runtime-role.ts). */
  url: string;
  /** The owner's: migrations and seeding. */
  ownerUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * Uses DATABASE_URL when set; otherwise starts the embedded PostgreSQL, whose data survives restarts.
 * Then, as the owner, migrates, seeds demo data into an empty database outside production and makes
 * the application role ready to log in; last, checks that role cannot rewrite the audit trail.
 */
export async function prepareDatabase(config: AppConfig, log: (line: string) => void): Promise<PreparedDatabase> {
  let url = config.databaseUrl;
  let stop = async (): Promise<void> => undefined;
  if (!url) {
    const dataDir = config.pgDataDir ?? DEFAULT_PG_DATA_DIR;
    const db = await startEmbeddedPostgres({ dataDir, port: config.pgPort, database: 'sbo', log });
    log(`Embedded PostgreSQL on port ${config.pgPort}, data in ${db.dataDir}`);
    url = db.url;
    stop = db.stop;
  }
  await runMigrations(url);
  if (!config.production) {
    const seeded = await withDataSource(url, seedDemoDataIfEmpty);
    if (seeded) log('Seeded demo data (every demo password is demo1234).');
  }
  const runtimeUrl = await prepareRuntimeUrl(url, config.databaseAppUrl, log);
  await verifyRuntimeRole(runtimeUrl, config.production, log);
  return { url: runtimeUrl, ownerUrl: url, embedded: !config.databaseUrl, stop };
}
