import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type AppAbility,
  CARRIER_STATES,
  type OpenState,
  OPEN_STATES,
  type Region,
  REGIONS,
  TURNAROUND_AGE_BUCKETS,
  TURNAROUND_TARGET_BUSINESS_DAYS,
  type TurnaroundFigures,
  type TurnaroundReport,
} from '@sbo/shared';
import { DataSource } from 'typeorm';
import { accessibleSql } from '../authorization/accessible-sql';
import { addDays, regionToday } from '../calendar/business-calendar';
import { Clock } from '../calendar/clock';
import { validationError } from '../common/validation';
import type { TurnaroundQueryDto } from './turnaround-query.dto';

const MAX_RANGE_DAYS = 366;

const emptyFigures = (): TurnaroundFigures => ({
  approved: 0,
  medianBusinessDays: null,
  p90BusinessDays: null,
  approvedLate: 0,
  open: {},
  overdue: 0,
  ageBuckets: { '0': 0, '1': 0, '2': 0, '3': 0, '4+': 0 },
});

/*
 * Business days come from calendar_day (see its migration): the business days between two dates are the
 * difference of their ordinals. Approvals carry their turnaround already (stored when decided); the open
 * backlog is aged on today's ordinal in each region.
 */
/** Turnaround against the 1 to 3 business day target, computed in SQL over the caller's regions only. */
@Injectable()
export class TurnaroundMetricsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async report(ability: AppAbility, query: TurnaroundQueryDto): Promise<TurnaroundReport> {
    const now = this.clock.now();
    const today = now.toISOString().slice(0, 10);
    const to = query.to ?? today;
    const from = query.from ?? addDays(to, -30);
    if (from > to) throw validationError([{ field: 'from', messages: ['from must not be after to'] }]);
    if (addDays(from, MAX_RANGE_DAYS) < to) {
      throw validationError([{ field: 'from', messages: [`the period may span at most ${MAX_RANGE_DAYS} days`] }]);
    }

    const visible = accessibleSql(ability, 'read', 'Metrics', { region: 's.region' });
    const scope = [visible.sql, ...(query.region ? ['s.region = :region'] : [])].join(' AND ');
    const params = { ...visible.params, region: query.region, from, toExclusive: addDays(to, 1) };

    // Each approval's business days are stored when it is decided (see the turnaround-days migration).
    const approvals = this.dataSource
      .createQueryBuilder()
      .select('s.region', 'region')
      .addSelect('count(*)::int', 'approved')
      .addSelect('percentile_cont(0.5) WITHIN GROUP (ORDER BY s.turnaround_business_days)', 'median')
      .addSelect('percentile_cont(0.9) WITHIN GROUP (ORDER BY s.turnaround_business_days)', 'p90')
      .addSelect(`count(*) FILTER (WHERE s.turnaround_business_days > ${TURNAROUND_TARGET_BUSINESS_DAYS})::int`, 'late')
      .from('submission', 's')
      .where(scope)
      .andWhere(`s.state = 'APPROVED' AND s.decided_at >= CAST(:from AS timestamptz) AND s.decided_at < CAST(:toExclusive AS timestamptz)`)
      .groupBy('GROUPING SETS ((s.region), ())')
      .setParameters(params);

    // Each region's date today, by the injected clock, joined to its business-day ordinal.
    const todayRows = REGIONS.map((region, i) => `(:todayRegion${i}, CAST(:todayDay${i} AS date))`).join(', ');
    const todayParams = Object.fromEntries(
      REGIONS.flatMap((region, i) => [
        [`todayRegion${i}`, region],
        [`todayDay${i}`, regionToday(region, now)],
      ]),
    );
    // The due date is the clock start plus the target plus the paused days, in business days, so the
    // age of work the carrier holds is the target less the business days left until it is due. It is
    // overdue once a business day has passed its due date, as `businessDaysLeft` < 0 (turnaround.ts):
    // the weekend after a Friday due date is not yet (test/turnaround-rules.spec.ts compares both).
    const backlog = this.dataSource
      .createQueryBuilder()
      .select('s.region', 'region')
      .addSelect('s.state', 'state')
      .addSelect('count(*)::int', 'count')
      .addSelect(`count(*) FILTER (WHERE s.state IN (:...carrier) AND due.business_ordinal < today.business_ordinal)::int`, 'overdue')
      .addSelect(
        `CASE WHEN s.state IN (:...carrier) AND due.business_ordinal IS NOT NULL
           THEN least(4, greatest(0, ${TURNAROUND_TARGET_BUSINESS_DAYS} + today.business_ordinal - due.business_ordinal)) END`,
        'age',
      )
      .from('submission', 's')
      .innerJoin(`(VALUES ${todayRows})`, 't', 't.column1 = s.region')
      .innerJoin('calendar_day', 'today', 'today.region = s.region AND today.day = t.column2')
      .leftJoin('calendar_day', 'due', 'due.region = s.region AND due.day = s.due_date')
      .where(scope)
      .andWhere('s.state IN (:...open)')
      .groupBy('s.region')
      .addGroupBy('s.state')
      .addGroupBy('age')
      .setParameters({ ...params, ...todayParams, carrier: CARRIER_STATES, open: OPEN_STATES });

    const [approvalRows, backlogRows] = await Promise.all([approvals.getRawMany(), backlog.getRawMany()]);

    const byRegion = new Map<Region, TurnaroundFigures>();
    const overall = emptyFigures();
    const figuresOf = (region: Region | null) => {
      if (!region) return overall;
      if (!byRegion.has(region)) byRegion.set(region, emptyFigures());
      return byRegion.get(region)!;
    };
    for (const row of approvalRows) {
      const f = figuresOf(row.region);
      f.approved = row.approved;
      f.medianBusinessDays = row.median === null ? null : Number(row.median);
      f.p90BusinessDays = row.p90 === null ? null : Number(row.p90);
      f.approvedLate = row.late;
    }
    for (const row of backlogRows) {
      for (const f of [figuresOf(row.region), overall]) {
        f.open[row.state as OpenState] = (f.open[row.state as OpenState] ?? 0) + row.count;
        f.overdue += row.overdue;
        if (row.age !== null) f.ageBuckets[TURNAROUND_AGE_BUCKETS[row.age]] += row.count;
      }
    }
    const regions = [...byRegion.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([region, figures]) => ({ region, ...figures }));
    return { from, to, targetBusinessDays: TURNAROUND_TARGET_BUSINESS_DAYS, regions, overall };
  }
}
