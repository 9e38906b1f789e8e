import type { Region } from '@sbo/shared';
import { addDays, BusinessCalendar } from '../src/calendar/business-calendar';
import { startTestApp, type TestApp } from './support/test-app';

describe('turnaround metrics and the SQL business-day calendar (API)', () => {
  let t: TestApp;
  let lead: string;
  let staffId: string;
  beforeAll(async () => {
    t = await startTestApp();
    lead = `Bearer ${await t.login('lead.ca@example.com')}`;
    [{ id: staffId }] = await t.dataSource.query(`SELECT id FROM app_user WHERE email = 'rep.co@example.com'`);
  });
  afterAll(() => t.close());

  const sqlBusinessDays = async (region: Region, from: string, to: string): Promise<number> => {
    const [{ days }] = await t.dataSource.query(
      `SELECT b.business_ordinal - a.business_ordinal AS days FROM calendar_day a, calendar_day b
       WHERE a.region = $1 AND b.region = $1 AND a.day = $2 AND b.day = $3`,
      [region, from, to],
    );
    return days;
  };
  const holidaysOf = async (region: Region) =>
    new BusinessCalendar(
      (await t.dataSource.query(`SELECT to_char(date, 'YYYY-MM-DD') AS d FROM holiday WHERE region = $1`, [region])).map(
        (r: { d: string }) => r.d,
      ),
    );

  it.each<[Region, string, string]>([
    ['CA', '2026-07-02', '2026-07-07'], // observed Independence Day (Friday July 3)
    ['CO', '2026-12-23', '2027-01-04'], // Christmas and New Year
    ['GA', '2027-01-01', '2027-01-08'], // the 5th business day of January 2027
    ['MAS', '2026-11-25', '2026-11-30'], // Thanksgiving
    ['CA', '2027-12-23', '2028-01-03'], // Christmas 2027 and New Year 2028 observed in 2027
    ['CO', '2026-02-27', '2026-03-02'], // month end over a weekend
    ['GA', '2026-06-01', '2026-06-01'], // the same day
  ])('counts the same business days in SQL as the calendar does (%s %s → %s)', async (region, from, to) => {
    expect(await sqlBusinessDays(region, from, to)).toBe((await holidaysOf(region)).businessDaysBetween(from, to));
  });

  it('follows an admin holiday edit at once', async () => {
    const admin = `Bearer ${await t.login('admin@example.com')}`;
    expect(await sqlBusinessDays('CO', '2026-03-09', '2026-03-11')).toBe(2);
    const added = await t.http().post('/api/holidays').set('Authorization', admin).send({ region: 'CO', date: '2026-03-10', name: 'Blizzard day' });
    expect(added.status).toBe(201);
    expect(await sqlBusinessDays('CO', '2026-03-09', '2026-03-11')).toBe(1);
    expect(await sqlBusinessDays('CA', '2026-03-09', '2026-03-11')).toBe(2);
    expect((await t.http().delete(`/api/holidays/${added.body.id}`).set('Authorization', admin)).status).toBe(204);
    expect(await sqlBusinessDays('CO', '2026-03-09', '2026-03-11')).toBe(2);
  });

  /** Approved submissions in January 2025, far from the demo data, with known turnarounds. */
  const approve = async (region: Region, arrived: string, decided: string, paused = 0) => {
    await t.dataSource.query(
      `INSERT INTO submission (created_by_id, type, channel, region, state, group_name, submitted_at,
         complete_submitted_at, due_date, decided_at, paused_business_days, bypass_reason)
       VALUES ($1, 'NEW_GROUP', 'OFFLINE', $2, 'APPROVED', 'Metrics Test Co', $3::timestamptz, $3::timestamptz, ($3::timestamptz)::date + 3, $4, $5, 'metrics test')`,
      [staffId, region, arrived, decided, paused],
    );
  };

  it('reports median, p90 and late approvals in business days, region by region', async () => {
    // CA: Mon 2025-01-06 noon Pacific arrivals, approved after 0, 1, 2, 3 and 5 business days.
    await approve('CA', '2025-01-06T20:00:00Z', '2025-01-06T23:00:00Z');
    await approve('CA', '2025-01-06T20:00:00Z', '2025-01-07T20:00:00Z');
    await approve('CA', '2025-01-06T20:00:00Z', '2025-01-08T20:00:00Z');
    await approve('CA', '2025-01-06T20:00:00Z', '2025-01-09T20:00:00Z');
    await approve('CA', '2025-01-06T20:00:00Z', '2025-01-13T20:00:00Z');
    // Arrived Saturday: the clock starts Monday, so approval on Tuesday is 1 day.
    await approve('CA', '2025-01-11T18:00:00Z', '2025-01-14T18:00:00Z');
    // Five business days, two of them waiting on the submitter: 3.
    await approve('CA', '2025-01-13T18:00:00Z', '2025-01-20T18:00:00Z', 2);
    // Another region the CA lead must not see.
    await approve('CO', '2025-01-06T18:00:00Z', '2025-01-20T18:00:00Z');

    const res = await t.http().get('/api/metrics/turnaround?from=2025-01-01&to=2025-01-31').set('Authorization', lead);
    expect(res.status).toBe(200);
    expect(res.body.regions.map((r: { region: string }) => r.region)).toEqual(['CA']);
    // Business days: [0, 1, 2, 3, 5, 1, 2] (2025-01-20 is Martin Luther King Day: 5 - 1 holiday - 2 paused = 2).
    expect(res.body.regions[0]).toMatchObject({ region: 'CA', approved: 7, medianBusinessDays: 2, approvedLate: 1 });
    expect(res.body.regions[0].p90BusinessDays).toBeCloseTo(3.8, 5);
    expect(res.body.overall).toMatchObject({ approved: 7, medianBusinessDays: 2, approvedLate: 1 });
    expect(res.body).toMatchObject({ from: '2025-01-01', to: '2025-01-31', targetBusinessDays: 3 });
  });

  it('shows a lead the open backlog of their regions only', async () => {
    const res = await t.http().get('/api/metrics/turnaround').set('Authorization', lead);
    expect(res.status).toBe(200);
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM submission WHERE region = 'CA' AND state IN ('SUBMITTED', 'IN_REVIEW', 'RETURNED', 'PENDING_ITEMS')`,
    );
    const open = Object.values(res.body.overall.open as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(open).toBe(count);
    const ages = Object.values(res.body.overall.ageBuckets as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(ages).toBe((res.body.overall.open.SUBMITTED ?? 0) + (res.body.overall.open.IN_REVIEW ?? 0));
    const other = await t.http().get('/api/metrics/turnaround?region=CO').set('Authorization', lead);
    expect(other.body.regions).toEqual([]);
    expect(other.body.overall.open).toEqual({});
  });

  it('counts an overdue submission with the carrier', async () => {
    const before = (await t.http().get('/api/metrics/turnaround').set('Authorization', lead)).body.overall.overdue;
    const yesterday = addDays(new Date().toISOString().slice(0, 10), -5);
    await t.dataSource.query(
      `INSERT INTO submission (created_by_id, type, channel, region, state, group_name, submitted_at, complete_submitted_at, due_date, bypass_reason)
       VALUES ($1, 'NEW_GROUP', 'EMAIL', 'CA', 'SUBMITTED', 'Overdue Co', now() - interval '9 days', now() - interval '9 days', $2, 'metrics test')`,
      [staffId, yesterday],
    );
    const after = (await t.http().get('/api/metrics/turnaround').set('Authorization', lead)).body.overall;
    expect(after.overdue).toBe(before + 1);
    expect(after.ageBuckets['4+']).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['rep.ca@example.com', 403],
    ['admin@example.com', 403],
    ['broker.ca@example.com', 403],
    ['lead.ca@example.com', 200],
  ])('GET /api/metrics/turnaround as %s → %i', async (email, status) => {
    const res = await t.http().get('/api/metrics/turnaround').set('Authorization', `Bearer ${await t.login(email)}`);
    expect(res.status).toBe(status);
  });

  it.each([
    ['from=2025-02-01&to=2025-01-01', 'from'],
    ['from=2023-01-01&to=2025-01-01', 'from'],
    ['from=2025-02-30', 'from'],
    ['region=TX', 'region'],
  ])('refuses %s with 400 on %s', async (query, field) => {
    const res = await t.http().get(`/api/metrics/turnaround?${query}`).set('Authorization', lead);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toContain(field);
  });
});
