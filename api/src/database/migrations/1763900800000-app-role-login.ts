import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';

/**
 * The API now logs in as the application role instead of switching to it from the owner's session
 * (which `RESET ROLE` undid). The role may hold only its own grants: no membership in another role
 * (the owner's, whose tables it could then alter), no attribute beyond LOGIN. Login and password are
 * set at every start (runtime-role.ts), never stored here. A user who may not alter roles leaves it
 * to whoever administers them; the start-up check reports what is left.
 */
export class AppRoleLogin1763900800000 implements MigrationInterface {
  name = 'AppRoleLogin1763900800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      DECLARE
        m record;
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          RETURN;
        END IF;
        BEGIN
          ALTER ROLE ${APP_ROLE} NOINHERIT NOCREATEDB NOCREATEROLE;
          -- Only a superuser may name these attributes at all: touch them only when one is set.
          IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}' AND (rolsuper OR rolreplication OR rolbypassrls)) THEN
            ALTER ROLE ${APP_ROLE} NOSUPERUSER NOREPLICATION NOBYPASSRLS;
          END IF;
          FOR m IN
            SELECT granted.rolname AS role, grantor.rolname AS grantor
            FROM pg_auth_members a
            JOIN pg_roles granted ON granted.oid = a.roleid
            JOIN pg_roles grantor ON grantor.oid = a.grantor
            WHERE a.member = '${APP_ROLE}'::regrole
          LOOP
            EXECUTE format('REVOKE %I FROM ${APP_ROLE} GRANTED BY %I', m.role, m.grantor);
          END LOOP;
        EXCEPTION WHEN insufficient_privilege THEN
          RAISE NOTICE '% may not alter ${APP_ROLE} (%): the API checks the role at start', current_user, SQLERRM;
        END;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    // As before: the owner switches to the role, which does not log in. Revoked memberships stay revoked.
    await q.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          ALTER ROLE ${APP_ROLE} INHERIT NOLOGIN;
        END IF;
      EXCEPTION WHEN insufficient_privilege THEN
        RAISE NOTICE '% may not alter ${APP_ROLE}', current_user;
      END $$`);
  }
}
