import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Business days as data, so turnaround is counted in SQL: for each region and day, whether it is a
 * business day and how many business days there have been up to it. The business days between two
 * dates are then one subtraction, at any table size. The holiday table drives it through a trigger,
 * so an admin's holiday edit is reflected at once.
 */
export class CalendarDays1763900250000 implements MigrationInterface {
  name = 'CalendarDays1763900250000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION region_time_zone(region text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE region
          WHEN 'CA' THEN 'America/Los_Angeles'
          WHEN 'CO' THEN 'America/Denver'
          ELSE 'America/New_York'
        END
      $$`);
    await q.query(`
      CREATE TABLE calendar_day (
        region text NOT NULL,
        day date NOT NULL,
        is_business_day boolean NOT NULL,
        business_ordinal integer NOT NULL,
        PRIMARY KEY (region, day)
      )`);
    await q.query(`
      CREATE FUNCTION refresh_calendar_days(target_region text) RETURNS void LANGUAGE sql AS $$
        DELETE FROM calendar_day WHERE region = target_region;
        INSERT INTO calendar_day (region, day, is_business_day, business_ordinal)
        SELECT target_region, d.day, d.business, sum(d.business::int) OVER (ORDER BY d.day)::int
        FROM (
          SELECT g::date AS day,
                 extract(isodow FROM g) < 6
                   AND NOT EXISTS (SELECT 1 FROM holiday h WHERE h.region = target_region AND h.date = g::date) AS business
          FROM generate_series(DATE '2015-01-01', DATE '2060-12-31', INTERVAL '1 day') AS g
        ) d;
      $$`);
    // One trigger per event: transition tables cannot be shared across several events.
    await q.query(`
      CREATE FUNCTION holiday_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE changed text;
      BEGIN
        FOR changed IN SELECT DISTINCT region FROM new_rows LOOP PERFORM refresh_calendar_days(changed); END LOOP;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION holiday_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE changed text;
      BEGIN
        FOR changed IN SELECT DISTINCT region FROM old_rows LOOP PERFORM refresh_calendar_days(changed); END LOOP;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER holiday_inserted AFTER INSERT ON holiday
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION holiday_inserted()`);
    await q.query(`
      CREATE TRIGGER holiday_deleted AFTER DELETE ON holiday
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION holiday_deleted()`);
    await q.query(`CREATE FUNCTION holiday_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM refresh_calendar_days(NEW.region);
        IF OLD.region IS DISTINCT FROM NEW.region THEN PERFORM refresh_calendar_days(OLD.region); END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER holiday_updated AFTER UPDATE ON holiday FOR EACH ROW EXECUTE FUNCTION holiday_updated()`);
    for (const region of ['CA', 'CO', 'GA', 'MAS']) await q.query(`SELECT refresh_calendar_days($1)`, [region]);

    // Turnaround metrics read approvals by date.
    await q.query(`CREATE INDEX submission_decided_idx ON submission (region, decided_at) WHERE state = 'APPROVED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX submission_decided_idx`);
    await q.query(`DROP TRIGGER holiday_updated ON holiday`);
    await q.query(`DROP TRIGGER holiday_deleted ON holiday`);
    await q.query(`DROP TRIGGER holiday_inserted ON holiday`);
    await q.query(`DROP FUNCTION holiday_updated(), holiday_deleted(), holiday_inserted()`);
    await q.query(`DROP FUNCTION refresh_calendar_days(text)`);
    await q.query(`DROP TABLE calendar_day`);
    await q.query(`DROP FUNCTION region_time_zone(text)`);
  }
}
