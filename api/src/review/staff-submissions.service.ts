import { Injectable } from '@nestjs/common';
import {
  type AppAbility,
  type AuditEventRecord,
  type Region,
  REVIEW_ACTIONS,
  type SessionUser,
  type StaffMember,
  type StaffSubmissionDetail,
  type StaffSubmissionRecord,
} from '@sbo/shared';
import type { EntityManager } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { AuditService } from '../audit/audit.service';
import { accessibleSql } from '../authorization/accessible-sql';
import { CalendarService } from '../calendar/calendar.service';
import type { ListResult } from '../common/list-query.dto';
import { canTransition } from '../submissions/review-state-machine';
import type { Submission } from '../submissions/submission.entity';
import { SUBMISSION_RULE_COLUMNS, type SubmissionSortField, SubmissionsRepository } from '../submissions/submissions.repository';
import { SubmissionsService, submissionSubject } from '../submissions/submissions.service';
import { toStaffSubmission } from './staff-submission.view';
import type { StaffSubmissionListQueryDto } from './staff-submission-list-query.dto';
import { clockOf, turnaroundOn } from '../submissions/turnaround';

/** What the review list sorts by. */
const STAFF_SORTS: readonly SubmissionSortField[] = [
  'dueAt',
  'submittedAt',
  'createdAt',
  'updatedAt',
  'decidedAt',
  'requestedEffectiveDate',
  'groupName',
  'groupId',
  'state',
  'region',
  'type',
  'channel',
];

/**
 * What reviewers read: the list of their regions' submissions, one record with everything hanging off
 * it, its audit trail, and the staff shape of a record (assignee, due date, age) every review answer uses.
 */
@Injectable()
export class StaffSubmissionsService {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly repository: SubmissionsRepository,
    private readonly calendar: CalendarService,
    private readonly accounts: AccountsService,
    private readonly trail: AuditService,
  ) {}

  /**
   * The CASL read rules become the WHERE clause, so nothing of another region is loaded or counted;
   * the filters narrow inside it. One query for the page (assignee joined), one plain count.
   */
  async list(user: SessionUser, ability: AppAbility, query: StaffSubmissionListQueryDto): Promise<ListResult<StaffSubmissionRecord<Date>>> {
    const { rows, total, assignees } = await this.repository.page(
      accessibleSql(ability, 'read', 'Submission', SUBMISSION_RULE_COLUMNS),
      {
        states: query.state?.length ? query.state : undefined,
        region: query.region,
        type: query.type,
        assigneeId: query.assigneeId === 'none' ? null : query.assigneeId === 'me' ? user.id : query.assigneeId,
        dueBefore: query.dueBefore,
        search: query.q?.trim(),
      },
      query,
      { fields: STAFF_SORTS, default: { field: 'dueAt', order: 'ASC' } },
      true,
    );
    return { data: await this.present(rows, (s) => assignees.get(s.id) ?? null), total };
  }

  async get(ability: AppAbility, id: string): Promise<StaffSubmissionDetail<Date>> {
    return this.details(ability, await this.submissions.findVisible(ability, id));
  }

  /** The full record: census summary, documents, what is missing, history and the actions open to the caller. */
  async details(ability: AppAbility, s: Submission, manager?: EntityManager): Promise<StaffSubmissionDetail<Date>> {
    // One after the other: inside a transaction they share one connection.
    const record = await this.presentOne(s, manager);
    const details = await this.submissions.details(s, manager);
    const history = await this.trail.forEntity('Submission', s.id, manager);
    const subject = submissionSubject(s);
    return {
      ...record,
      ...details,
      history,
      availableActions: REVIEW_ACTIONS.filter((action) => canTransition(s.state, action) && ability.can(action, subject)),
    };
  }

  async audit(ability: AppAbility, id: string): Promise<ListResult<AuditEventRecord<Date>>> {
    const s = await this.submissions.findVisible(ability, id);
    const data = await this.trail.forEntity('Submission', s.id);
    return { data, total: data.length };
  }

  /** One record in the staff shape, its assignee looked up. */
  /** `knownAssignee` spares the lookup when the caller already has them (the reviewer who just claimed it). */
  async presentOne(
    s: Submission,
    manager?: EntityManager,
    knownAssignee?: StaffMember,
  ): Promise<StaffSubmissionRecord<Date>> {
    const assignee =
      knownAssignee?.id === s.assigneeId && knownAssignee
        ? knownAssignee
        : s.assigneeId
          ? await this.accounts.findById(s.assigneeId, manager)
          : null;
    const [record] = await this.present([s], () => assignee && { id: assignee.id, name: assignee.name, email: assignee.email });
    return record;
  }

  private async present(rows: Submission[], assigneeOf: (s: Submission) => StaffMember | null): Promise<StaffSubmissionRecord<Date>[]> {
    const regions = [...new Set(rows.map((s) => s.region))];
    const calendars = new Map(await Promise.all(regions.map(async (r) => [r, await this.calendar.calendarFor(r)] as const)));
    const today = new Map<Region, string>(regions.map((r) => [r, this.calendar.today(r)]));
    return rows.map((s) =>
      toStaffSubmission(
        s,
        assigneeOf(s),
        turnaroundOn(clockOf(s), today.get(s.region)!, calendars.get(s.region)!),
      ),
    );
  }
}
