import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';

/**
 * Review workflow: queue indexes, group-name search, and the application's database role, which may
 * read and append to the audit trail but never change or remove it. The trigger of the foundation
 * migration refuses UPDATE, DELETE and TRUNCATE on audit_event for everyone, owners included; the role
 * takes the privileges away too wherever the connecting user may create roles.
 */
export class Review1763900300000 implements MigrationInterface {
  name = 'Review1763900300000';

  async up(q: QueryRunner): Promise<void> {
    // queue/next: the oldest-due unassigned submission of a region, found without scanning the rest.
    await q.query(`
      CREATE INDEX submission_unassigned_queue_idx ON submission (region, due_date, submitted_at, id)
      WHERE state = 'SUBMITTED' AND assignee_id IS NULL`);
    // "My work": what a rep holds, by state.
    await q.query(`CREATE INDEX submission_assignee_state_idx ON submission (assignee_id, state) WHERE assignee_id IS NOT NULL`);
    await q.query(`DROP INDEX submission_assignee_idx`);
    // The staff list's default order (due date), read in order and cut at the page size.
    await q.query(`CREATE INDEX submission_due_idx ON submission (due_date, id)`);

    // Text search over group names ("contains"); without pg_trgm it still works, by a scan.
    await q.query(`
      DO $$
      BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE INDEX submission_group_name_trgm_idx ON submission USING gin (group_name gin_trgm_ops);
      EXCEPTION WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
        RAISE NOTICE 'pg_trgm is not available (%): group name search scans instead of using an index', SQLERRM;
      END $$`);

    await q.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          BEGIN
            CREATE ROLE ${APP_ROLE} NOLOGIN;
          EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE '% may not create roles: the audit trigger alone keeps audit_event append-only', current_user;
            RETURN;
          END;
        END IF;
        -- The connecting user must be able to SET ROLE to it (PostgreSQL 16 does not let a role's
        -- creator do so by default).
        BEGIN
          EXECUTE format('GRANT ${APP_ROLE} TO %I', current_user);
        EXCEPTION WHEN insufficient_privilege OR invalid_grant_operation THEN
          RAISE NOTICE '% may not join ${APP_ROLE}: the application keeps working as %', current_user, current_user;
        END;
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO ${APP_ROLE}', current_schema());
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO ${APP_ROLE}', current_schema());
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO ${APP_ROLE}', current_schema());
        -- Tables later migrations create get the same grants.
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}', current_schema());
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO ${APP_ROLE}', current_schema());
        -- The audit trail: read and append, nothing else.
        REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_event FROM ${APP_ROLE};
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The role is shared by every database of the cluster: only this database's grants go.
    await q.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE ALL ON TABLES FROM ${APP_ROLE}', current_schema());
          EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE ALL ON SEQUENCES FROM ${APP_ROLE}', current_schema());
          EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM ${APP_ROLE}', current_schema());
          EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM ${APP_ROLE}', current_schema());
          EXECUTE format('REVOKE ALL ON SCHEMA %I FROM ${APP_ROLE}', current_schema());
        END IF;
      END $$`);
    await q.query(`DROP INDEX IF EXISTS submission_group_name_trgm_idx`);
    await q.query(`DROP INDEX submission_due_idx`);
    await q.query(`CREATE INDEX submission_assignee_idx ON submission (assignee_id) WHERE assignee_id IS NOT NULL`);
    await q.query(`DROP INDEX submission_assignee_state_idx`);
    await q.query(`DROP INDEX submission_unassigned_queue_idx`);
  }
}
