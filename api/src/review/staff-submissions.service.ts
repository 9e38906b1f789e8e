import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AppAbility, Region, SessionUser } from '@sbo/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditEvent } from '../audit/audit-event.entity';
import { User } from '../accounts/user.entity';
import { accessibleSql } from '../authorization/accessible-sql';
import { regionToday } from '../calendar/business-calendar';
import { CalendarService } from '../calendar/calendar.service';
import { applyListQuery, type ListResult } from '../common/list-query.dto';
import { Census } from '../submissions/census.entity';
import { toCensusSummary } from '../submissions/submission-record';
import { Submission } from '../submissions/submission.entity';
import { SUBMISSION_RULE_COLUMNS, SubmissionsService, submissionSubject } from '../submissions/submissions.service';
import { canTransition } from '../submissions/review-state-machine';
import {
  REVIEW_ACTIONS,
  type StaffMember,
  type StaffSubmission,
  type StaffSubmissionDetails,
  toStaffSubmission,
} from './staff-submission.view';
import type { StaffSubmissionListQueryDto } from './staff-submission-list-query.dto';
import { turnaroundOn } from '../submissions/turnaround';

const SORTABLE = {
  dueAt: 's.due_date',
  submittedAt: 's.submitted_at',
  createdAt: 's.created_at',
  updatedAt: 's.updated_at',
  decidedAt: 's.decided_at',
  requestedEffectiveDate: 's.requested_effective_date',
  groupName: 's.group_name',
  groupId: 's.group_id',
  state: 's.state',
  region: 's.region',
  type: 's.type',
  channel: 's.channel',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * What reviewers read: the list of their regions' submissions, one record with everything hanging off
 * it, its audit trail, and the staff shape of a record (assignee, due date, age) every review answer uses.
 */
@Injectable()
export class StaffSubmissionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly submissions: SubmissionsService,
    private readonly calendar: CalendarService,
  ) {}

  /**
   * The CASL read rules become the WHERE clause, so nothing of another region is loaded or counted;
   * the filters narrow inside it. One query for the page (assignee joined), one plain count.
   */
  async list(user: SessionUser, ability: AppAbility, query: StaffSubmissionListQueryDto): Promise<ListResult<StaffSubmission>> {
    const visible = accessibleSql(ability, 'read', 'Submission', SUBMISSION_RULE_COLUMNS);
    const base = this.dataSource.getRepository(Submission).createQueryBuilder('s').where(visible.sql, visible.params);
    if (query.state?.length) base.andWhere('s.state IN (:...states)', { states: query.state });
    if (query.region) base.andWhere('s.region = :region', { region: query.region });
    if (query.type) base.andWhere('s.type = :type', { type: query.type });
    if (query.assigneeId === 'none') base.andWhere('s.assignee_id IS NULL');
    else if (query.assigneeId) {
      base.andWhere('s.assignee_id = :assigneeId', { assigneeId: query.assigneeId === 'me' ? user.id : query.assigneeId });
    }
    if (query.dueBefore) base.andWhere('s.due_date < :dueBefore', { dueBefore: query.dueBefore });
    if (query.id?.length) base.andWhere('s.id IN (:...ids)', { ids: query.id });
    if (query.q) {
      const q = query.q.trim();
      base.andWhere(
        `(s.group_name ILIKE :contains OR lower(s.group_id) LIKE :prefix${UUID.test(q) ? ' OR s.id = :exactId' : ''})`,
        { contains: `%${escapeLike(q)}%`, prefix: `${escapeLike(q.toLowerCase())}%`, exactId: q },
      );
    }

    const page = base.clone().leftJoin(User, 'a', 'a.id = s.assignee_id').addSelect(['a.id', 'a.name', 'a.email']);
    applyListQuery(page, query, SORTABLE, { field: 'dueAt', order: 'ASC' });
    const [{ entities, raw }, counted] = await Promise.all([
      page.getRawAndEntities<{ s_id: string; a_id: string | null; a_name: string; a_email: string }>(),
      base.clone().select('count(*)::int', 'total').getRawOne<{ total: number }>(),
    ]);
    const assignees = new Map(
      raw.filter((r) => r.a_id).map((r) => [r.s_id, { id: r.a_id!, name: r.a_name, email: r.a_email }]),
    );
    return { data: await this.present(entities, (s) => assignees.get(s.id) ?? null), total: counted?.total ?? 0 };
  }

  async get(ability: AppAbility, id: string): Promise<StaffSubmissionDetails> {
    return this.details(ability, await this.submissions.findVisible(ability, id));
  }

  /** The full record: census summary, documents, what is missing, history and the actions open to the caller. */
  async details(ability: AppAbility, s: Submission, manager = this.dataSource.manager): Promise<StaffSubmissionDetails> {
    // One after the other: inside a transaction they share one connection.
    const record = await this.presentOne(s, manager);
    const details = await this.submissions.details(s, manager);
    const history = await this.history(s.id, manager);
    const subject = submissionSubject(s);
    return {
      ...record,
      ...details,
      history,
      availableActions: REVIEW_ACTIONS.filter((action) => canTransition(s.state, action) && ability.can(action, subject)),
    };
  }

  async census(ability: AppAbility, id: string) {
    const s = await this.submissions.findVisible(ability, id);
    const census = await this.dataSource.manager.findOneBy(Census, { submissionId: s.id });
    return { census: census && toCensusSummary(census), ...(await this.submissions.censusOf(s.id)) };
  }

  async audit(ability: AppAbility, id: string): Promise<ListResult<AuditEvent>> {
    const s = await this.submissions.findVisible(ability, id);
    const data = await this.history(s.id);
    return { data, total: data.length };
  }

  /** One record in the staff shape, its assignee looked up. */
  /** `knownAssignee` spares the lookup when the caller already has them (the reviewer who just claimed it). */
  async presentOne(
    s: Submission,
    manager: EntityManager = this.dataSource.manager,
    knownAssignee?: StaffMember,
  ): Promise<StaffSubmission> {
    const assignee =
      knownAssignee?.id === s.assigneeId && knownAssignee
        ? knownAssignee
        : s.assigneeId
          ? await manager.findOne(User, { where: { id: s.assigneeId }, select: { id: true, name: true, email: true } })
          : null;
    const [record] = await this.present([s], () => assignee && { id: assignee.id, name: assignee.name, email: assignee.email });
    return record;
  }

  private async present(rows: Submission[], assigneeOf: (s: Submission) => StaffMember | null): Promise<StaffSubmission[]> {
    const regions = [...new Set(rows.map((s) => s.region))];
    const calendars = new Map(await Promise.all(regions.map(async (r) => [r, await this.calendar.calendarFor(r)] as const)));
    const today = new Map<Region, string>(regions.map((r) => [r, this.calendar.today(r)]));
    return rows.map((s) =>
      toStaffSubmission(
        s,
        assigneeOf(s),
        turnaroundOn(
          {
            completeSubmittedDate: s.completeSubmittedAt && regionToday(s.region, s.completeSubmittedAt),
            pausedBusinessDays: s.pausedBusinessDays,
            waitingSince: s.waitingSince,
            decidedDate: s.decidedAt && regionToday(s.region, s.decidedAt),
          },
          today.get(s.region)!,
          calendars.get(s.region)!,
        ),
      ),
    );
  }

  private history(submissionId: string, manager: EntityManager = this.dataSource.manager): Promise<AuditEvent[]> {
    return manager.find(AuditEvent, { where: { entityType: 'Submission', entityId: submissionId }, order: { id: 'ASC' } });
  }
}
