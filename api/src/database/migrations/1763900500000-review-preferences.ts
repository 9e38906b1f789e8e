import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Review preferences: each staff member's saved list filters (kept on the server, so they follow the
 * person to any machine) and the instruction templates leads keep per region for returns and
 * pending-item requests, which reps pick and edit.
 */
export class ReviewPreferences1763900500000 implements MigrationInterface {
  name = 'ReviewPreferences1763900500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE saved_filter (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        resource text NOT NULL CHECK (resource ~ '^[a-z][a-z/-]{0,63}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        filter jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (user_id, resource, name)
      )`);
    await q.query(`
      CREATE TABLE instruction_template (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region text NOT NULL CHECK (region IN ('CA', 'CO', 'GA', 'MAS')),
        kind text NOT NULL CHECK (kind IN ('RETURN', 'PENDING_ITEMS')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX instruction_template_region_kind_idx ON instruction_template (region, kind, title)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE instruction_template`);
    await q.query(`DROP TABLE saved_filter`);
  }
}
