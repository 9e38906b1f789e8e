import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, firms, the append-only audit trail, the notification outbox and the contact mailboxes. */
export class Foundation1763900000000 implements MigrationInterface {
  name = 'Foundation1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE firm (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        tax_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('GENERAL_AGENCY', 'BROKER_AGENCY')),
        region text NOT NULL CHECK (region IN ('CA', 'CO', 'GA', 'MAS')),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT firm_tax_id_unique UNIQUE (tax_id)
      )`);
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email)),
        name text NOT NULL,
        phone text,
        password_hash text,
        roles text[] NOT NULL DEFAULT '{}',
        regions text[] NOT NULL DEFAULT '{}',
        firm_id uuid REFERENCES firm(id),
        firm_role text CHECK (firm_role IN ('ADMIN', 'DELEGATE')),
        granted_by_id uuid REFERENCES app_user(id),
        active boolean NOT NULL DEFAULT true,
        deactivated_at timestamptz,
        token_version integer NOT NULL DEFAULT 0,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT app_user_email_unique UNIQUE (email),
        CONSTRAINT app_user_firm_role_needs_firm CHECK (firm_role IS NULL OR firm_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX app_user_firm_idx ON app_user (firm_id) WHERE firm_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE audit_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_email text,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        region text,
        firm_id uuid,
        before jsonb,
        after jsonb,
        reason text
      )`);
    await q.query(`CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id, id)`);
    // The trail is append-only: the database itself refuses to change or remove history.
    await q.query(`
      CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only()`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM PUBLIC`);

    await q.query(`
      CREATE TABLE notification (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        recipient text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        template text NOT NULL,
        entity_type text,
        entity_id text,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX notification_due_idx ON notification (next_attempt_at) WHERE status = 'PENDING'`);

    await q.query(`
      CREATE TABLE contact (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        team text NOT NULL CHECK (team IN ('SALES', 'ENROLLMENT', 'EBS', 'GA_SUPPORT')),
        region text CHECK (region IN ('CA', 'CO', 'GA', 'MAS')),
        label text NOT NULL,
        email text NOT NULL,
        phone text,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT contact_team_region_unique UNIQUE NULLS NOT DISTINCT (team, region)
      )`);
    // Reference data from the GA self-service FAQ; admins edit it from the console.
    await q.query(`
      INSERT INTO contact (team, region, label, email, phone) VALUES
        ('SALES', 'CA', 'CA quoting (Regional Sales)', 'GASBUNEWGROUP@kp.org', NULL),
        ('SALES', 'CO', 'CO quoting (Regional Sales)', 'CO-SBU-Sales-New@kp.org', NULL),
        ('SALES', 'GA', 'GA quoting (Regional Sales)', 'BrokerQuotes.GA@kp.org', NULL),
        ('SALES', 'MAS', 'MAS quoting (Regional Sales)', 'MAS-SMALL-GROUP-NEW-BUSINESS@kp.org', NULL),
        ('ENROLLMENT', 'CA', 'CA enrollment (Shared Service)', 'GASBUNewgroup@kp.org', NULL),
        ('ENROLLMENT', 'CO', 'CO enrollment (Shared Service)', 'KPSBUBrokerNewGroups@kp.org', NULL),
        ('ENROLLMENT', 'GA', 'GA enrollment (Shared Service)', 'KPSBUBrokerNewGroups@kp.org', NULL),
        ('ENROLLMENT', 'MAS', 'MAS enrollment (Shared Service)', 'KPSBUBrokerNewGroups@kp.org', NULL),
        ('EBS', NULL, 'Employer Broker Services', 'ebs-web-support@kp.org', '855-327-0507'),
        ('GA_SUPPORT', NULL, 'GA support (delegation administrators)', 'GAsupport@kp.org', NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE contact`);
    await q.query(`DROP TABLE notification`);
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP FUNCTION audit_event_is_append_only`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE firm`);
  }
}
