import type { ClientBase } from 'pg';

/**
 * The role the application works as: every table's rows, but the audit trail only read and appended
 * (granted by the review migration). Migrations and seeding keep connecting as the owner.
 */
export const APP_ROLE = 'sbo_app';

/**
 * Run on every new pool connection: switch to the application role when it exists and the
 * connecting user may use it; otherwise (a user who may not create roles) stay as the connecting
 * user, and the audit trigger alone keeps the trail append-only.
 */
export const useAppRole = (client: ClientBase) =>
  client.query(`
    DO $$
    BEGIN
      IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
        SET ROLE ${APP_ROLE};
      END IF;
    EXCEPTION WHEN insufficient_privilege THEN NULL;
    END $$`);
