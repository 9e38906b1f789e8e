import type { MigrationInterface, QueryRunner } from 'typeorm';
import { WEEKEND_ISO_WEEKDAYS } from '../../calendar/business-calendar';
import { REGION_TIME_ZONES } from '../../calendar/region-time-zones';

/**
 * The SQL calendar takes its values from the TypeScript definitions instead of literals of the
 * calendar-days and turnaround-days migrations:
 *
 * - `region_time_zone(region)` is generated from REGION_TIME_ZONES (calendar/region-time-zones.ts),
 *   the map `regionToday` formats in; `region_date(instant, region)` is the SQL `regionToday`, the day
 *   boundary rule, and the turnaround trigger uses it (both IMMUTABLE and inlined, so no cost per row).
 * - `refresh_calendar_days` counts business days with WEEKEND_ISO_WEEKDAYS, the weekend of
 *   BusinessCalendar.
 *
 * Same values as before, so no stored row changes. test/turnaround-rules.spec.ts runs the TypeScript
 * and SQL rules on generated cases. The values are written into the functions when this runs: changing
 * a constant needs a migration that re-creates them (and, for the weekend, refreshes calendar_day).
 */
export const regionTimeZoneFunction = (zones: Record<string, string>): string => {
  const cases = Object.entries(zones).map(([region, zone]) => {
    if (!/^[A-Z]+$/.test(region) || !/^[A-Za-z_]+(\/[A-Za-z_]+)+$/.test(zone)) {
      throw new Error(`Not a region and time zone: ${region} → ${zone}`);
    }
    return `WHEN '${region}' THEN '${zone}'`;
  });
  return `
    CREATE OR REPLACE FUNCTION region_time_zone(region text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT CASE region ${cases.join(' ')} END
    $$`;
};

const REGION_DATE_FUNCTION = `
  CREATE OR REPLACE FUNCTION region_date(instant timestamptz, region text) RETURNS date LANGUAGE sql IMMUTABLE AS $$
    SELECT (instant AT TIME ZONE region_time_zone(region))::date
  $$`;

const refreshCalendarDaysFunction = (weekend: readonly number[]): string => {
  if (weekend.length === 0 || !weekend.every((d) => Number.isInteger(d) && d >= 1 && d <= 7)) {
    throw new Error(`Weekend days must be ISO weekdays 1-7, not ${weekend.join(', ')}`);
  }
  return `
    CREATE OR REPLACE FUNCTION refresh_calendar_days(target_region text) RETURNS void LANGUAGE sql AS $$
      DELETE FROM calendar_day WHERE region = target_region;
      INSERT INTO calendar_day (region, day, is_business_day, business_ordinal)
      SELECT target_region, d.day, d.business, sum(d.business::int) OVER (ORDER BY d.day)::int
      FROM (
        SELECT g::date AS day,
               extract(isodow FROM g) NOT IN (${weekend.join(', ')})
                 AND NOT EXISTS (SELECT 1 FROM holiday h WHERE h.region = target_region AND h.date = g::date) AS business
        FROM generate_series(DATE '2015-01-01', DATE '2060-12-31', INTERVAL '1 day') AS g
      ) d;
    $$`;
};

/** The trigger of the turnaround-days migration, with a region's dates from `dateOf`. */
const turnaroundTriggerFunction = (dateOf: (instant: string) => string) => `
  CREATE OR REPLACE FUNCTION submission_turnaround_days() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF NEW.state = 'APPROVED' AND NEW.decided_at IS NOT NULL AND NEW.complete_submitted_at IS NOT NULL THEN
      SELECT greatest(0, cd.business_ordinal - (cs.business_ordinal + (NOT cs.is_business_day)::int) - NEW.paused_business_days)
        INTO NEW.turnaround_business_days
        FROM calendar_day cs, calendar_day cd
       WHERE cs.region = NEW.region AND cs.day = ${dateOf('NEW.complete_submitted_at')}
         AND cd.region = NEW.region AND cd.day = ${dateOf('NEW.decided_at')};
    ELSE
      NEW.turnaround_business_days := NULL;
    END IF;
    RETURN NEW;
  END $$`;

export class CalendarRulesFromTs1763901750000 implements MigrationInterface {
  name = 'CalendarRulesFromTs1763901750000';

  async up(q: QueryRunner): Promise<void> {
    // A zone PostgreSQL does not know would only fail when a row is written: refuse it now.
    const zones = [...new Set(Object.values(REGION_TIME_ZONES))];
    const known: { name: string }[] = await q.query(`SELECT name FROM pg_timezone_names WHERE name = ANY($1)`, [zones]);
    const unknown = zones.filter((zone) => !known.some((k) => k.name === zone));
    if (unknown.length) throw new Error(`REGION_TIME_ZONES: PostgreSQL does not know ${unknown.join(', ')}`);

    await q.query(regionTimeZoneFunction(REGION_TIME_ZONES));
    await q.query(REGION_DATE_FUNCTION);
    await q.query(refreshCalendarDaysFunction(WEEKEND_ISO_WEEKDAYS));
    await q.query(turnaroundTriggerFunction((instant) => `region_date(${instant}, NEW.region)`));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(turnaroundTriggerFunction((instant) => `(${instant} AT TIME ZONE region_time_zone(NEW.region))::date`));
    await q.query(`DROP FUNCTION region_date(timestamptz, text)`);
    await q.query(refreshCalendarDaysFunction([6, 7]));
    await q.query(`
      CREATE OR REPLACE FUNCTION region_time_zone(region text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE region
          WHEN 'CA' THEN 'America/Los_Angeles'
          WHEN 'CO' THEN 'America/Denver'
          ELSE 'America/New_York'
        END
      $$`);
  }
}
