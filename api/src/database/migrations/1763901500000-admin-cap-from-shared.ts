import { GA_ADMIN_CAP } from '@sbo/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The administrator cap trigger takes its cap from GA_ADMIN_CAP (@sbo/shared), the constant the API
 * and the console decide by, instead of the literal 4 of the delegation migration. `firm_admin_cap`
 * is the SQL form of `adminCapFor`; test/sql-rules.spec.ts runs both rules on generated firms.
 * The value is written into the function when this runs: changing the constant needs a migration
 * that re-creates `firm_admin_cap` with it.
 */
const adminCapFunction = (cap: number): string => {
  if (!Number.isSafeInteger(cap) || cap < 0) throw new Error(`The administrator cap must be a whole number, not ${cap}`);
  return `
    CREATE OR REPLACE FUNCTION firm_admin_cap(p_kind text) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
      SELECT CASE WHEN p_kind = 'GENERAL_AGENCY' THEN ${cap} END
    $$`;
};

export class AdminCapFromShared1763901500000 implements MigrationInterface {
  name = 'AdminCapFromShared1763901500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(adminCapFunction(GA_ADMIN_CAP));
    // Same locking as before: the firm row first, so the seat count sees every committed change.
    await q.query(`
      CREATE OR REPLACE FUNCTION firm_admin_cap_check() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_cap integer;
      BEGIN
        SELECT firm_admin_cap(kind) INTO v_cap FROM firm WHERE id = NEW.firm_id FOR UPDATE;
        IF v_cap IS NOT NULL AND firm_admin_seats_taken(NEW.firm_id) > v_cap THEN
          RAISE EXCEPTION 'A General Agency has at most % administrators', v_cap
            USING ERRCODE = 'check_violation', CONSTRAINT = 'firm_admin_cap';
        END IF;
        RETURN NULL;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION firm_admin_cap_check() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await q.query(`DROP FUNCTION firm_admin_cap(text)`);
  }
}
