import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { APP_ROLE } from '../../src/database/app-role';
import { withCredentials } from '../../src/database/runtime-role';

const adminUrl = () => {
  const port = process.env.TEST_PG_PORT;
  if (!port) throw new Error('TEST_PG_PORT is unset: run API tests through jest, whose global setup starts PostgreSQL');
  return `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
};

export interface TestDatabase {
  /** The owner's (postgres, a superuser). */
  url: string;
  /** The application role's, as DATABASE_APP_URL gives it in production. */
  appUrl: string;
  name: string;
  drop(): Promise<void>;
}

/** A database of its own for one test file: a copy of the migrated, demo-seeded template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `sbo_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE sbo_template`);
  } finally {
    await admin.end();
  }
  const url = adminUrl().replace(/\/postgres$/, `/${name}`);
  return {
    name,
    url,
    appUrl: withCredentials(url, APP_ROLE, process.env.TEST_APP_PASSWORD!),
    drop: async () => {
      const client = new Client({ connectionString: adminUrl() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Two raw connections to a test database of its own: as the owner, and as the application role. */
export interface DatabaseClients {
  /** As the owner (a superuser): arranges what the application role may not, triggers off included. */
  owner: Client;
  /** As the application role, as the API logs in. */
  app: Client;
}

/** A test database with both connections, opened before the file's tests and dropped after them. */
export function databaseClients(): DatabaseClients {
  const clients = {} as DatabaseClients;
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
    clients.owner = new Client({ connectionString: db.url });
    clients.app = new Client({ connectionString: db.appUrl });
    await Promise.all([clients.owner.connect(), clients.app.connect()]);
  });
  afterAll(async () => {
    await Promise.all([clients.owner?.end(), clients.app?.end()]);
    await db?.drop();
  });
  return clients;
}
