import type { MigrationInterface, QueryRunner } from 'typeorm';
import { defaultHolidays } from '../../calendar/business-calendar';

/** Years of US federal holidays each region's calendar starts with; admins edit them afterwards. */
const FIRST_HOLIDAY_YEAR = 2020;
const LAST_HOLIDAY_YEAR = 2050;

/**
 * Partner intake: submissions with their census and documents, the per-region holiday calendar,
 * idempotency keys of the API channel, and the outbox's "being sent" lease.
 */
export class Intake1763900200000 implements MigrationInterface {
  name = 'Intake1763900200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE holiday (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region text NOT NULL CHECK (region IN ('CA', 'CO', 'GA', 'MAS')),
        date date NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT holiday_region_date_unique UNIQUE (region, date)
      )`);
    const dates: string[] = [];
    const names: string[] = [];
    for (let year = FIRST_HOLIDAY_YEAR; year <= LAST_HOLIDAY_YEAR; year++) {
      for (const h of defaultHolidays(year)) {
        dates.push(h.date);
        names.push(h.name);
      }
    }
    await q.query(
      `INSERT INTO holiday (region, date, name)
       SELECT r.region, h.date, h.name
       FROM unnest(ARRAY['CA', 'CO', 'GA', 'MAS']) AS r(region)
       CROSS JOIN unnest($1::date[], $2::text[]) AS h(date, name)`,
      [dates, names],
    );

    await q.query(`
      CREATE TABLE submission (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version integer NOT NULL DEFAULT 1,
        firm_id uuid REFERENCES firm(id),
        created_by_id uuid NOT NULL REFERENCES app_user(id),
        submitted_by_id uuid REFERENCES app_user(id),
        type text NOT NULL CHECK (type IN ('NEW_GROUP', 'QUOTE', 'REQUOTE', 'RENEWAL', 'PURCHASE')),
        channel text NOT NULL CHECK (channel IN ('PORTAL', 'API', 'EMAIL', 'OFFLINE')),
        region text NOT NULL CHECK (region IN ('CA', 'CO', 'GA', 'MAS')),
        state text NOT NULL DEFAULT 'DRAFT' CHECK (state IN
          ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'RETURNED', 'PENDING_ITEMS', 'APPROVED', 'REFERRED_OFFLINE', 'WITHDRAWN')),
        requested_effective_date date,
        payment_method text CHECK (payment_method IN ('EFT', 'CHECK_COPY')),
        group_name text,
        group_id text,
        group_tax_id text,
        group_employee_count integer CHECK (group_employee_count >= 0),
        group_multi_market boolean NOT NULL DEFAULT false,
        group_guaranteed_availability boolean NOT NULL DEFAULT false,
        group_address jsonb,
        plans jsonb NOT NULL DEFAULT '[]',
        instructions text,
        pending_items jsonb NOT NULL DEFAULT '[]',
        assignee_id uuid REFERENCES app_user(id),
        last_reviewer_id uuid REFERENCES app_user(id),
        submitted_at timestamptz,
        complete_submitted_at timestamptz,
        due_date date,
        paused_business_days integer NOT NULL DEFAULT 0 CHECK (paused_business_days >= 0),
        waiting_since date,
        decided_at timestamptz,
        bypass_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT submission_partner_needs_firm CHECK (channel NOT IN ('PORTAL', 'API') OR firm_id IS NOT NULL)
      )`);
    // The review queue: a region's submissions by state, oldest due first.
    await q.query(`CREATE INDEX submission_queue_idx ON submission (region, state, due_date)`);
    // The broker dashboard: a firm's transactions, newest first.
    await q.query(`CREATE INDEX submission_firm_created_idx ON submission (firm_id, created_at DESC)`);
    // Group ID search is a case-insensitive prefix match.
    await q.query(`CREATE INDEX submission_group_id_idx ON submission (lower(group_id) text_pattern_ops)`);
    await q.query(`CREATE INDEX submission_assignee_idx ON submission (assignee_id) WHERE assignee_id IS NOT NULL`);

    // One current census per submission: a new upload replaces it, rows and errors included.
    await q.query(`
      CREATE TABLE census (
        submission_id uuid PRIMARY KEY REFERENCES submission(id) ON DELETE CASCADE,
        file_name text NOT NULL,
        mime_type text NOT NULL,
        size_bytes integer NOT NULL,
        content bytea NOT NULL,
        row_count integer NOT NULL,
        accepted_count integer NOT NULL,
        rejected_count integer NOT NULL,
        employee_count integer NOT NULL,
        dependent_count integer NOT NULL,
        uploaded_by_id uuid NOT NULL REFERENCES app_user(id),
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE census_row (
        submission_id uuid NOT NULL REFERENCES census(submission_id) ON DELETE CASCADE,
        row_number integer NOT NULL,
        employee_id text NOT NULL,
        relationship text NOT NULL CHECK (relationship IN ('EMPLOYEE', 'SPOUSE', 'DOMESTIC_PARTNER', 'CHILD')),
        first_name text NOT NULL,
        last_name text NOT NULL,
        date_of_birth date NOT NULL,
        gender text NOT NULL CHECK (gender IN ('M', 'F', 'X')),
        zip text NOT NULL,
        PRIMARY KEY (submission_id, row_number)
      )`);
    await q.query(`
      CREATE TABLE census_row_error (
        submission_id uuid NOT NULL REFERENCES census(submission_id) ON DELETE CASCADE,
        row_number integer NOT NULL,
        column_name text NOT NULL,
        message text NOT NULL,
        PRIMARY KEY (submission_id, row_number, column_name)
      )`);

    await q.query(`
      CREATE TABLE document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        submission_id uuid NOT NULL REFERENCES submission(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('SIGNED_APPLICATION', 'EFT_AUTHORIZATION', 'OTHER')),
        file_name text NOT NULL,
        mime_type text NOT NULL CHECK (mime_type IN ('application/pdf', 'image/png', 'image/jpeg')),
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL,
        content bytea NOT NULL,
        uploaded_by_id uuid NOT NULL REFERENCES app_user(id),
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX document_submission_idx ON document (submission_id, uploaded_at)`);

    // A retried partner POST replays the stored response instead of acting twice.
    await q.query(`
      CREATE TABLE idempotency_key (
        user_id uuid NOT NULL REFERENCES app_user(id),
        key text NOT NULL,
        route text NOT NULL,
        request_hash text NOT NULL,
        response_status integer NOT NULL,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);

    // SENDING marks a row claimed by a worker; the lease says until when the claim holds.
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_status_check`);
    await q.query(`
      ALTER TABLE notification
        ADD CONSTRAINT notification_status_check CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED')),
        ADD COLUMN locked_until timestamptz`);
    await q.query(`CREATE INDEX notification_sending_idx ON notification (locked_until) WHERE status = 'SENDING'`);
    await q.query(`CREATE INDEX notification_created_idx ON notification (created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notification_created_idx`);
    await q.query(`DROP INDEX notification_sending_idx`);
    await q.query(`UPDATE notification SET status = 'FAILED' WHERE status = 'SENDING'`);
    await q.query(`ALTER TABLE notification DROP COLUMN locked_until, DROP CONSTRAINT notification_status_check`);
    await q.query(
      `ALTER TABLE notification ADD CONSTRAINT notification_status_check CHECK (status IN ('PENDING', 'SENT', 'FAILED'))`,
    );
    await q.query(`DROP TABLE idempotency_key`);
    await q.query(`DROP TABLE document`);
    await q.query(`DROP TABLE census_row_error`);
    await q.query(`DROP TABLE census_row`);
    await q.query(`DROP TABLE census`);
    await q.query(`DROP TABLE submission`);
    await q.query(`DROP TABLE holiday`);
  }
}
