import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AppAbility, Region, SessionUser } from '@sbo/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { accessibleSql } from '../authorization/accessible-sql';
import { AppError, notFound } from '../common/app-error';
import { applyListQuery, type ListResult } from '../common/list-query.dto';
import { BusinessCalendar, regionToday } from './business-calendar';
import { Clock } from './clock';
import type { CreateHolidayDto } from './create-holiday.dto';
import { Holiday } from './holiday.entity';
import { submissionDeadline } from './submission-deadline';
import type { HolidayListQueryDto } from './holiday-list-query.dto';

/**
 * How long a region's calendar is reused before it is read again. Changes made through this
 * instance apply at once; another instance picks them up within this delay.
 */
const CALENDAR_CACHE_MS = 60_000;

/** Each region's business-day calendar, built from the holiday table that admins edit. */
@Injectable()
export class CalendarService {
  private readonly cache = new Map<Region, { calendar: BusinessCalendar; expiresAt: number }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async calendarFor(region: Region): Promise<BusinessCalendar> {
    const cached = this.cache.get(region);
    if (cached && cached.expiresAt > Date.now()) return cached.calendar;
    const rows: { date: string }[] = await this.dataSource.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date FROM holiday WHERE region = $1`,
      [region],
    );
    const calendar = new BusinessCalendar(rows.map((r) => r.date));
    this.cache.set(region, { calendar, expiresAt: Date.now() + CALENDAR_CACHE_MS });
    return calendar;
  }

  /** Today's date in the region, by the injected clock. */
  today(region: Region): string {
    return regionToday(region, this.clock.now());
  }

  /** The last day the portal accepts a new group effective in `effectiveDate`'s month. */
  async submissionDeadline(region: Region, effectiveDate: string): Promise<string> {
    return submissionDeadline(effectiveDate, await this.calendarFor(region));
  }

  async listHolidays(ability: AppAbility, query: HolidayListQueryDto): Promise<ListResult<Holiday>> {
    const visible = accessibleSql(ability, 'read', 'Holiday', { region: 'h.region' });
    const qb = this.dataSource.getRepository(Holiday).createQueryBuilder('h').where(visible.sql, visible.params);
    if (query.region) qb.andWhere('h.region = :region', { region: query.region });
    if (query.year) {
      qb.andWhere('h.date >= make_date(:year, 1, 1) AND h.date < make_date(:year + 1, 1, 1)', { year: query.year });
    }
    applyListQuery(qb, query, { date: 'h.date', region: 'h.region', name: 'h.name' }, { field: 'date', order: 'ASC' });
    const [data, total] = await qb.getManyAndCount();
    return { data, total };
  }

  async addHoliday(dto: CreateHolidayDto, actor: SessionUser): Promise<Holiday> {
    const holiday = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `INSERT INTO holiday (region, date, name) VALUES ($1, $2, $3)
         ON CONFLICT (region, date) DO NOTHING RETURNING id`,
        [dto.region, dto.date, dto.name],
      );
      if (!row) {
        throw new AppError(
          HttpStatus.CONFLICT,
          'CONFLICT',
          `${dto.date} is already a holiday in ${dto.region}. Delete it first to rename it.`,
        );
      }
      const created = await manager.findOneByOrFail(Holiday, { id: row.id });
      await this.recordChange(manager, actor, 'holiday.added', created, null, { date: created.date, name: created.name });
      return created;
    });
    this.cache.delete(dto.region);
    return holiday;
  }

  async removeHoliday(id: string, actor: SessionUser): Promise<void> {
    const region = await this.dataSource.transaction(async (manager) => {
      const holiday = await manager.findOneBy(Holiday, { id });
      if (!holiday) throw notFound('Holiday');
      await manager.delete(Holiday, { id });
      await this.recordChange(manager, actor, 'holiday.removed', holiday, { date: holiday.date, name: holiday.name }, null);
      return holiday.region;
    });
    this.cache.delete(region);
  }

  private recordChange(
    manager: EntityManager,
    actor: SessionUser,
    action: string,
    holiday: Holiday,
    before: Record<string, unknown> | null,
    after: Record<string, unknown> | null,
  ): Promise<void> {
    return this.audit.record(
      { actor, action, entityType: 'Holiday', entityId: holiday.id, region: holiday.region, before, after },
      manager,
    );
  }
}
