import fc from 'fast-check';
import {
  defineAbilityFor,
  type OpenState,
  REGIONS,
  type Region,
  TURNAROUND_AGE_BUCKETS,
  TURNAROUND_TARGET_BUSINESS_DAYS,
  type TurnaroundFigures,
} from '@sbo/shared';
import { addDays, BusinessCalendar, regionToday } from '../src/calendar/business-calendar';
import { Clock } from '../src/calendar/clock';
import { REGION_TIME_ZONES } from '../src/calendar/region-time-zones';
import { TurnaroundMetricsService } from '../src/metrics/turnaround-metrics.service';
import { clockOf, dueDate, resumeClock, turnaroundOn, type TurnaroundClock } from '../src/submissions/turnaround';
import { startTestApp, type TestApp } from './support/test-app';

/*
 * The business-day calendar and the turnaround clock, in TypeScript (business-calendar.ts,
 * turnaround.ts) and in SQL (calendar_day, region_date, the turnaround trigger, the metrics
 * queries): on the same generated cases, on a real PostgreSQL, both must give the same answers.
 * Cases reach across weekends, holidays (the seeded ones and extra ones added for the case),
 * daylight-saving changes and instants a few minutes either side of a region's midnight.
 */

/** Fixed, so a failure reproduces; fast-check prints the counterexample. */
const SEED = 1763901750;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

let t: TestApp;
let staffId: string;
let metrics: TurnaroundMetricsService;
let clock: Clock;
const lead = defineAbilityFor({ id: 'lead', email: 'lead@example.com', name: 'Lead', roles: ['lead'], regions: [...REGIONS] });

beforeAll(async () => {
  t = await startTestApp();
  [{ id: staffId }] = await t.ownerQuery(`SELECT id FROM app_user WHERE email = 'rep.co@example.com'`);
  // Only the generated submissions, so the dashboard's figures are exactly theirs.
  await t.ownerQuery(`DELETE FROM submission`);
  metrics = t.app.get(TurnaroundMetricsService);
  clock = t.app.get(Clock);
});
afterAll(() => t.close());

/** Every region's calendar as the API builds it: from the holiday table. */
async function calendars(): Promise<Map<Region, BusinessCalendar>> {
  const rows: { region: Region; date: string }[] = await t.ownerQuery(
    `SELECT region, to_char(date, 'YYYY-MM-DD') AS date FROM holiday`,
  );
  return new Map(REGIONS.map((r) => [r, new BusinessCalendar(rows.filter((h) => h.region === r).map((h) => h.date))]));
}

const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * A day of 2020-2049 (the seeded holiday years), most often near a daylight-saving change or a
 * federal holiday, as a day number from 1970-01-01.
 */
const SPECIAL_DAYS: [number, number][] = [
  [3, 10], [11, 3], [12, 25], [1, 1], [7, 4], [11, 25], [5, 28], [9, 4], [1, 18], [2, 18], [10, 12], [11, 11], [6, 19],
];
const days = fc
  .tuple(
    fc.integer({ min: 2020, max: 2049 }),
    fc.oneof(
      fc.integer({ min: 0, max: 364 }).map((n) => ({ month: 1, day: 1 + n })),
      fc.tuple(fc.constantFrom(...SPECIAL_DAYS), fc.integer({ min: -8, max: 8 })).map(([[month, day], d]) => ({ month, day: day + d })),
    ),
  )
  .map(([year, { month, day }]) => Date.UTC(year, month - 1, day) / DAY_MS);

/** Minutes after UTC midnight: anywhere in the day, or a few minutes either side of a US midnight (04:00-08:00 UTC). */
const minutes = fc.oneof(
  fc.integer({ min: 0, max: 1439 }),
  fc.tuple(fc.integer({ min: 4, max: 8 }), fc.integer({ min: -3, max: 2 })).map(([h, m]) => h * 60 + m),
);

/** `days` whole days after the UTC day of `from`, at `minute`, and never before `from`. */
const after = (from: number, step: { days: number; minute: number }) =>
  Math.max(from, Math.floor(from / DAY_MS) * DAY_MS + step.days * DAY_MS + step.minute * MINUTE_MS);
const step = (maxDays: number) => fc.record({ days: fc.integer({ min: 0, max: maxDays }), minute: minutes });

describe('the business-day calendar: BusinessCalendar and regionToday against calendar_day and region_date', () => {
  it('region_time_zone is REGION_TIME_ZONES, and nothing for an unknown region', async () => {
    const rows: { region: string; zone: string | null }[] = await t.ownerQuery(
      `SELECT r AS region, region_time_zone(r) AS zone FROM unnest($1::text[]) r`,
      [[...REGIONS, 'TX']],
    );
    expect(Object.fromEntries(rows.map((r) => [r.region, r.zone]))).toEqual({ ...REGION_TIME_ZONES, TX: null });
  });

  it('on any region, instants and dates, both give the same local dates, business days between and due dates', async () => {
    const cal = await calendars();
    const cases = fc.record({
      region: fc.constantFrom(...REGIONS),
      from: days,
      span: fc.oneof(fc.integer({ min: -10, max: 40 }), fc.integer({ min: -1800, max: 3000 })),
      minute: minutes,
      n: fc.integer({ min: 0, max: 12 }),
    });
    await fc.assert(
      fc.asyncProperty(cases, async ({ region, from, span, minute, n }) => {
        const a = isoDay(from);
        const b = isoDay(from + span);
        const instant = new Date(from * DAY_MS + minute * MINUTE_MS);
        const [sql] = await t.ownerQuery(
          `SELECT to_char(region_date($2::timestamptz, $1), 'YYYY-MM-DD') AS local_date,
                  (SELECT y.business_ordinal - x.business_ordinal FROM calendar_day x, calendar_day y
                    WHERE x.region = $1 AND x.day = $3 AND y.region = $1 AND y.day = $4) AS between,
                  (SELECT to_char(d.day, 'YYYY-MM-DD') FROM calendar_day s, calendar_day d
                    WHERE s.region = $1 AND s.day = $3 AND d.region = $1 AND d.is_business_day
                      AND d.business_ordinal = s.business_ordinal + (NOT s.is_business_day)::int + $5) AS due`,
          [region, instant.toISOString(), a, b, n],
        );
        const calendar = cal.get(region)!;
        expect(sql).toEqual({
          local_date: regionToday(region, instant),
          between: calendar.businessDaysBetween(a, b),
          // The SQL form of "n business days after the clock start", which the dashboard's ages rely on.
          due: calendar.addBusinessDays(calendar.businessDayOnOrAfter(a), n),
        });
      }),
      { seed: SEED, numRuns: 400 },
    );
  });
});

type Outcome = 'SUBMITTED' | 'IN_REVIEW' | 'APPROVED' | 'WAITING';

interface GeneratedSubmission {
  region: Region;
  arrives: { days: number; minute: number };
  /** Sent back to the submitter after `sentBack`, answered `answered` later. */
  waits: { sentBack: { days: number; minute: number }; answered: { days: number; minute: number } }[];
  outcome: Outcome;
  /** When it was decided (APPROVED) or last sent back (WAITING). */
  last: { days: number; minute: number };
}

const submissions: fc.Arbitrary<GeneratedSubmission> = fc.record({
  region: fc.constantFrom(...REGIONS),
  arrives: step(5),
  waits: fc.array(fc.record({ sentBack: step(5), answered: step(7) }), { maxLength: 2 }),
  outcome: fc.constantFrom<Outcome>('SUBMITTED', 'IN_REVIEW', 'APPROVED', 'WAITING'),
  last: step(8),
});

const turnaroundCases = fc.record({
  base: days,
  /**
   * Holidays an admin added for this case, up to three weeks after its first day. In one case of five:
   * each edit rebuilds the region's calendar_day rows (about 0.1 s).
   */
  extraHolidays: fc.oneof(
    { arbitrary: fc.constant<{ region: Region; days: number }[]>([]), weight: 4 },
    {
      arbitrary: fc.array(fc.record({ region: fc.constantFrom(...REGIONS), days: fc.integer({ min: 0, max: 20 }) }), { minLength: 1, maxLength: 2 }),
      weight: 1,
    },
  ),
  submissions: fc.array(submissions, { minLength: 1, maxLength: 3 }),
  now: step(8),
});

/** PostgreSQL's percentile_cont. */
const percentile = (sorted: number[], p: number): number | null => {
  if (!sorted.length) return null;
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  return sorted[lo] + (sorted[Math.ceil(pos)] - sorted[lo]) * (pos - lo);
};

const emptyFigures = (): TurnaroundFigures => ({
  approved: 0,
  medianBusinessDays: null,
  p90BusinessDays: null,
  approvedLate: 0,
  open: {},
  overdue: 0,
  ageBuckets: { '0': 0, '1': 0, '2': 0, '3': 0, '4+': 0 },
});

describe('the turnaround clock: turnaround.ts against the turnaround trigger and the dashboard', () => {
  it('on any submissions, pauses and day, the stored turnaround, overdue work and ages are those of turnaroundOn', async () => {
    await fc.assert(
      fc.asyncProperty(turnaroundCases, async (c) => {
        const holidayIds: string[] = [];
        const submissionIds: string[] = [];
        try {
          if (c.extraHolidays.length) {
            const rows = await t.ownerQuery(
              `INSERT INTO holiday (region, date, name) SELECT DISTINCT r, d, 'Generated' FROM unnest($1::text[], $2::date[]) AS h(r, d)
               ON CONFLICT DO NOTHING RETURNING id`,
              [c.extraHolidays.map((h) => h.region), c.extraHolidays.map((h) => isoDay(c.base + h.days))],
            );
            holidayIds.push(...rows.map((r: { id: string }) => r.id));
          }
          const cal = await calendars();
          const start = c.base * DAY_MS;

          // Each submission's life as the API records it: the clock resumed after each wait (resumeClock).
          const lives = c.submissions.map((s) => {
            const calendar = cal.get(s.region)!;
            const local = (instant: number) => regionToday(s.region, new Date(instant));
            const arrivedAt = after(start, s.arrives);
            let clock: TurnaroundClock = { completeSubmittedDate: local(arrivedAt), pausedBusinessDays: 0, waitingSince: null };
            let due = dueDate(clock.completeSubmittedDate!, calendar);
            let latest = arrivedAt;
            for (const wait of s.waits) {
              latest = after(latest, wait.sentBack);
              clock = { ...clock, waitingSince: local(latest) };
              latest = after(latest, wait.answered);
              const resumed = resumeClock(clock, local(latest), calendar);
              clock = { ...clock, ...resumed };
              due = resumed.dueDate!;
            }
            const lastAt = s.outcome === 'APPROVED' || s.outcome === 'WAITING' ? after(latest, s.last) : null;
            if (lastAt) latest = lastAt;
            const state = s.outcome === 'WAITING' ? (s.region === 'CA' ? 'RETURNED' : 'PENDING_ITEMS') : s.outcome;
            const stored = {
              region: s.region,
              completeSubmittedAt: new Date(arrivedAt),
              pausedBusinessDays: clock.pausedBusinessDays,
              waitingSince: s.outcome === 'WAITING' ? local(lastAt!) : null,
              decidedAt: s.outcome === 'APPROVED' ? new Date(lastAt!) : null,
            };
            return { state, stored, due, latest };
          });
          const now = new Date(after(Math.max(...lives.map((l) => l.latest)), c.now));

          const expected = { overall: emptyFigures(), regions: new Map<Region, TurnaroundFigures>() };
          const ages: Map<Region | null, number[]> = new Map();
          for (const life of lives) {
            const [row] = await t.dataSource.query(
              `INSERT INTO submission (created_by_id, type, channel, region, state, group_name, bypass_reason, submitted_at,
                 complete_submitted_at, due_date, paused_business_days, waiting_since, decided_at)
               VALUES ($1, 'NEW_GROUP', 'OFFLINE', $2, $3, 'Rules Test Co', 'rules test', $4, $4, $5, $6, $7, $8)
               RETURNING id, turnaround_business_days`,
              [
                staffId,
                life.stored.region,
                life.state,
                life.stored.completeSubmittedAt,
                life.due,
                life.stored.pausedBusinessDays,
                life.stored.waitingSince,
                life.stored.decidedAt,
              ],
            );
            submissionIds.push(row.id);
            const region = life.stored.region;
            const seen = turnaroundOn(clockOf(life.stored), regionToday(region, now), cal.get(region)!);
            // Once the carrier holds it, the staff view's due date is the one stored, which the queue and
            // the dashboard read (a wait under way pushes the view's out from the day it began).
            if (!life.stored.waitingSince) expect(seen.dueAt).toBe(life.due);
            if (!expected.regions.has(region)) expected.regions.set(region, emptyFigures());
            for (const [key, f] of [[region, expected.regions.get(region)!], [null, expected.overall]] as const) {
              if (life.state === 'APPROVED') {
                f.approved++;
                if (seen.ageBusinessDays! > TURNAROUND_TARGET_BUSINESS_DAYS) f.approvedLate++;
                ages.set(key, [...(ages.get(key) ?? []), seen.ageBusinessDays!]);
                continue;
              }
              f.open[life.state as OpenState] = (f.open[life.state as OpenState] ?? 0) + 1;
              if (life.state === 'SUBMITTED' || life.state === 'IN_REVIEW') {
                if (seen.businessDaysLeft! < 0) f.overdue++;
                f.ageBuckets[TURNAROUND_AGE_BUCKETS[Math.min(4, seen.ageBusinessDays!)]]++;
              }
            }
            // The trigger stores what staff saw on the day it was decided.
            expect({ state: life.state, turnaround: row.turnaround_business_days }).toEqual({
              state: life.state,
              turnaround: life.state === 'APPROVED' ? seen.ageBusinessDays : null,
            });
          }
          for (const [key, values] of ages) {
            const f = key ? expected.regions.get(key)! : expected.overall;
            const sorted = [...values].sort((a, b) => a - b);
            f.medianBusinessDays = percentile(sorted, 0.5);
            f.p90BusinessDays = percentile(sorted, 0.9);
          }

          jest.spyOn(clock, 'now').mockReturnValue(now);
          const report = await metrics.report(lead, { from: addDays(isoDay(c.base), -2), to: addDays(isoDay(c.base), 80) });
          const rounded = (f: TurnaroundFigures) => ({
            ...f,
            p90BusinessDays: f.p90BusinessDays === null ? null : Math.round(f.p90BusinessDays * 1e6) / 1e6,
          });
          expect({ overall: rounded(report.overall), regions: report.regions.map(({ region, ...f }) => ({ region, ...rounded(f) })) }).toEqual({
            overall: rounded(expected.overall),
            regions: [...expected.regions.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([region, f]) => ({ region, ...rounded(f) })),
          });
        } finally {
          jest.restoreAllMocks();
          if (submissionIds.length) await t.ownerQuery(`DELETE FROM submission WHERE id = ANY($1)`, [submissionIds]);
          if (holidayIds.length) await t.ownerQuery(`DELETE FROM holiday WHERE id = ANY($1)`, [holidayIds]);
        }
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('a Friday due date is not overdue on the Saturday and Sunday after it, and is on the Monday', async () => {
    // 2026-06-05 is a Friday: submitted Tuesday 2026-06-02, due three business days later.
    const cal = (await calendars()).get('GA')!;
    expect(dueDate('2026-06-02', cal)).toBe('2026-06-05');
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO submission (created_by_id, type, channel, region, state, group_name, bypass_reason, submitted_at,
         complete_submitted_at, due_date)
       VALUES ($1, 'NEW_GROUP', 'OFFLINE', 'GA', 'SUBMITTED', 'Friday Co', 'rules test', '2026-06-02T15:00:00Z', '2026-06-02T15:00:00Z', '2026-06-05')
       RETURNING id`,
      [staffId],
    );
    try {
      const on = async (instant: string) => {
        jest.spyOn(clock, 'now').mockReturnValue(new Date(instant));
        const { overall } = await metrics.report(lead, { region: 'GA' });
        const seen = turnaroundOn(
          { completeSubmittedDate: '2026-06-02', pausedBusinessDays: 0, waitingSince: null, decidedDate: null },
          regionToday('GA', new Date(instant)),
          cal,
        );
        return { overdue: overall.overdue, ageBuckets: overall.ageBuckets, businessDaysLeft: seen.businessDaysLeft };
      };
      const ages = (bucket: string) => ({ ...emptyFigures().ageBuckets, [bucket]: 1 });
      expect(await on('2026-06-06T16:00:00Z')).toEqual({ overdue: 0, ageBuckets: ages('3'), businessDaysLeft: 0 }); // Saturday
      expect(await on('2026-06-08T03:59:00Z')).toEqual({ overdue: 0, ageBuckets: ages('3'), businessDaysLeft: 0 }); // Sunday 23:59 EDT
      expect(await on('2026-06-08T04:00:00Z')).toEqual({ overdue: 1, ageBuckets: ages('4+'), businessDaysLeft: -1 }); // Monday 00:00 EDT
    } finally {
      jest.restoreAllMocks();
      await t.ownerQuery(`DELETE FROM submission WHERE id = $1`, [id]);
    }
  });
});
