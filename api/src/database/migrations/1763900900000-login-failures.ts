import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed logins per account and per address, counted in PostgreSQL so every API instance on the
 * database throttles as one. A plain table of the current schema: the review migration's default
 * privileges give the application role its row access.
 */
export class LoginFailures1763900900000 implements MigrationInterface {
  name = 'LoginFailures1763900900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_failure (
        key text PRIMARY KEY,
        window_start timestamptz NOT NULL,
        failures integer NOT NULL CHECK (failures >= 0)
      )`);
    // Finished windows are deleted as logins come in.
    await q.query(`CREATE INDEX login_failure_window_start_idx ON login_failure (window_start)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_failure`);
  }
}
