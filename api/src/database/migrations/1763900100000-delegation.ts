import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Firm invitations, partner registrations, and the cap of 4 administrators of a General Agency,
 * enforced by the database itself so that no two concurrent transactions can make a fifth.
 */
export class Delegation1763900100000 implements MigrationInterface {
  name = 'Delegation1763900100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE firm_invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firm(id),
        email text NOT NULL CHECK (email = lower(email)),
        name text NOT NULL,
        firm_role text NOT NULL CHECK (firm_role IN ('ADMIN', 'DELEGATE')),
        -- Set when the account already exists (an approved registration); otherwise acceptance creates it.
        user_id uuid REFERENCES app_user(id),
        -- Only a SHA-256 of the token is kept: a leaked table opens no account.
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        revoked_at timestamptz,
        invited_by_id uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT firm_invitation_token_hash_unique UNIQUE (token_hash),
        CONSTRAINT firm_invitation_closed_once CHECK (accepted_at IS NULL OR revoked_at IS NULL)
      )`);
    await q.query(`
      CREATE UNIQUE INDEX firm_invitation_one_open_per_email ON firm_invitation (email)
      WHERE accepted_at IS NULL AND revoked_at IS NULL`);
    await q.query(`
      CREATE INDEX firm_invitation_open_by_firm_idx ON firm_invitation (firm_id)
      WHERE accepted_at IS NULL AND revoked_at IS NULL`);

    await q.query(`
      CREATE TABLE registration (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email)),
        name text NOT NULL,
        firm_name text NOT NULL,
        firm_tax_id text NOT NULL,
        status text NOT NULL DEFAULT 'PENDING'
          CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'LOCKED', 'DEACTIVATED')),
        firm_id uuid REFERENCES firm(id),
        user_id uuid REFERENCES app_user(id),
        decision_reason text,
        decided_by_id uuid REFERENCES app_user(id),
        decided_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT registration_approved_has_account
          CHECK (status IN ('PENDING', 'REJECTED') OR (firm_id IS NOT NULL AND user_id IS NOT NULL))
      )`);
    // One live registration per email; a rejected person may sign up again.
    await q.query(`
      CREATE UNIQUE INDEX registration_one_live_per_email ON registration (email) WHERE status <> 'REJECTED'`);
    await q.query(`CREATE INDEX registration_status_idx ON registration (status, created_at)`);

    // Administrator seats of a firm: active administrators plus open invitations to become one.
    await q.query(`
      CREATE FUNCTION firm_admin_seats_taken(p_firm_id uuid) RETURNS integer LANGUAGE sql STABLE AS $$
        SELECT (SELECT count(*) FROM app_user
                 WHERE firm_id = p_firm_id AND firm_role = 'ADMIN' AND active)::int
             + (SELECT count(*) FROM firm_invitation
                 WHERE firm_id = p_firm_id AND firm_role = 'ADMIN' AND user_id IS NULL
                   AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now())::int
      $$`);
    // Locking the firm row serializes every change to its seats; the count that follows runs in a
    // new snapshot (READ COMMITTED), so it sees what a concurrent transaction committed meanwhile.
    // 4 is GA_ADMIN_CAP of @sbo/shared; broker agencies have no cap.
    await q.query(`
      CREATE FUNCTION firm_admin_cap_check() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_kind text;
      BEGIN
        SELECT kind INTO v_kind FROM firm WHERE id = NEW.firm_id FOR UPDATE;
        IF v_kind = 'GENERAL_AGENCY' AND firm_admin_seats_taken(NEW.firm_id) > 4 THEN
          RAISE EXCEPTION 'A General Agency has at most 4 administrators'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'firm_admin_cap';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER app_user_admin_cap_insert AFTER INSERT ON app_user
      FOR EACH ROW WHEN (NEW.firm_id IS NOT NULL AND NEW.firm_role = 'ADMIN' AND NEW.active)
      EXECUTE FUNCTION firm_admin_cap_check()`);
    await q.query(`
      CREATE TRIGGER app_user_admin_cap_update AFTER UPDATE OF firm_id, firm_role, active ON app_user
      FOR EACH ROW WHEN (NEW.firm_id IS NOT NULL AND NEW.firm_role = 'ADMIN' AND NEW.active AND (
        OLD.firm_id IS DISTINCT FROM NEW.firm_id OR OLD.firm_role IS DISTINCT FROM NEW.firm_role OR NOT OLD.active))
      EXECUTE FUNCTION firm_admin_cap_check()`);
    await q.query(`
      CREATE TRIGGER firm_invitation_admin_cap_insert AFTER INSERT ON firm_invitation
      FOR EACH ROW WHEN (NEW.firm_role = 'ADMIN' AND NEW.user_id IS NULL)
      EXECUTE FUNCTION firm_admin_cap_check()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER firm_invitation_admin_cap_insert ON firm_invitation`);
    await q.query(`DROP TRIGGER app_user_admin_cap_update ON app_user`);
    await q.query(`DROP TRIGGER app_user_admin_cap_insert ON app_user`);
    await q.query(`DROP FUNCTION firm_admin_cap_check`);
    await q.query(`DROP FUNCTION firm_admin_seats_taken`);
    await q.query(`DROP TABLE registration`);
    await q.query(`DROP TABLE firm_invitation`);
  }
}
