import { Logger, runMigrations } from 'graphile-worker';
import type { PoolClient } from 'pg';
import type { QueryRunner } from 'typeorm';
import { APP_ROLE } from './app-role';

/** graphile-worker's schema; the API never creates or alters it at run time (see installJobQueue). */
export const JOB_QUEUE_SCHEMA = 'graphile_worker';

/** A migration logs only what went wrong. */
const migrationLogger = new Logger(() => (level, message) => {
  if (level === 'error') console.error(message);
  else if (level === 'warning') console.warn(message);
});

/**
 * Brings graphile-worker's schema up to the installed version, inside the migration's transaction,
 * then grants the application role what the worker needs. Its own migrator runs each step between
 * `begin` and `commit`; here those become a savepoint, so a failure rolls back the whole migration.
 * Upgrading graphile-worker to a version with new schema steps: add a migration that calls this again.
 */
export async function installJobQueue(q: QueryRunner): Promise<void> {
  const client = (await q.connect()) as PoolClient;
  let inStep = false;
  const savepoint = async (name: string, statement: () => Promise<unknown>) => {
    await client.query(`SAVEPOINT ${name}`);
    try {
      const result = await statement();
      await client.query(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await client.query(`ROLLBACK TO SAVEPOINT ${name}`);
      await client.query(`RELEASE SAVEPOINT ${name}`);
      throw error;
    }
  };
  const inMigration = {
    query: async (text: unknown, values?: unknown[]) => {
      const statement = typeof text === 'string' ? text.trim().toLowerCase() : '';
      if (statement === 'begin') {
        inStep = true;
        return client.query('SAVEPOINT job_queue_step');
      }
      if (statement === 'commit' || statement === 'rollback') {
        inStep = false;
        await client.query(statement === 'commit' ? 'RELEASE SAVEPOINT job_queue_step' : 'ROLLBACK TO SAVEPOINT job_queue_step');
        return statement === 'rollback' ? client.query('RELEASE SAVEPOINT job_queue_step') : undefined;
      }
      const run = () => client.query(text as string, values);
      // Outside a step graphile-worker expects each statement to commit alone (its first one may fail, on a
      // schema not made yet): a savepoint each, so a failure leaves the migration's transaction usable.
      return inStep ? run() : savepoint('job_queue_statement', run);
    },
    release: () => undefined,
  };
  const pool = { connect: async () => inMigration, on: () => pool, removeListener: () => pool, options: { max: 1 } };
  await runMigrations({
    pgPool: pool as never,
    schema: JOB_QUEUE_SCHEMA,
    logger: migrationLogger,
  });
  await grantJobQueue(q);
}

/**
 * The application role works the queue: rows of its tables (which have row-level security on, so
 * also a policy letting it see them) and its functions; the migrations table only read (the worker
 * checks the schema version at start and must never change it). It creates nothing.
 */
async function grantJobQueue(q: QueryRunner): Promise<void> {
  await q.query(`
    DO $$
    DECLARE
      t record;
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
        RETURN;
      END IF;
      GRANT USAGE ON SCHEMA ${JOB_QUEUE_SCHEMA} TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_QUEUE_SCHEMA} TO ${APP_ROLE};
      REVOKE INSERT, UPDATE, DELETE ON ${JOB_QUEUE_SCHEMA}.migrations FROM ${APP_ROLE};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${JOB_QUEUE_SCHEMA} TO ${APP_ROLE};
      GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${JOB_QUEUE_SCHEMA} TO ${APP_ROLE};
      FOR t IN
        SELECT c.relname FROM pg_class c
        WHERE c.relnamespace = '${JOB_QUEUE_SCHEMA}'::regnamespace AND c.relkind = 'r' AND c.relrowsecurity
          AND NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = '${APP_ROLE}_works_queue')
      LOOP
        EXECUTE format('CREATE POLICY ${APP_ROLE}_works_queue ON ${JOB_QUEUE_SCHEMA}.%I TO ${APP_ROLE} USING (true) WITH CHECK (true)', t.relname);
      END LOOP;
    END $$`);
}
