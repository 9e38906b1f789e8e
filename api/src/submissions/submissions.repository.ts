import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Region, ReviewState, SubmissionType } from '@sbo/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { User } from '../accounts/user.entity';
import { auditInsertSql } from '../audit/audit.service';
import { escapeLike } from '../common/like-pattern';
import { applyListQuery, type ListQueryDto } from '../common/list-query.dto';
import { parseSubmissionReference } from './submission-reference';
import { Submission } from './submission.entity';

/** A WHERE condition with its named parameters, as accessibleSql makes them from CASL rules. */
export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

/** The columns CASL's submission rules name, for conditions on `submission s` (see accessibleSql). */
export const SUBMISSION_RULE_COLUMNS = {
  region: 's.region',
  state: 's.state',
  firmId: 's.firm_id',
  channel: 's.channel',
  assigneeId: 's.assignee_id',
};

/** What lists may sort by, in the API's names. */
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
export type SubmissionSortField = keyof typeof SORTABLE;

/** The narrowing a list asks for, inside what the caller may read. */
export interface SubmissionFilter {
  states?: readonly ReviewState[];
  region?: Region;
  type?: SubmissionType;
  /** Group IDs starting with this, any case, or the submission whose reference it is (`T-1000001`, `1000001`). */
  groupIdPrefix?: string;
  /** Created on these UTC days, both included. */
  createdFrom?: string;
  createdTo?: string;
  /** A user's id, or null for unassigned ones. */
  assigneeId?: string | null;
  dueBefore?: string;
  /** The group name containing it, the group ID starting with it, the submission's reference or its id. */
  search?: string;
}

export interface SubmissionPage {
  rows: Submission[];
  total: number;
  /** Each row's assignee, when asked for (rows without one are absent). */
  assignees: Map<string, { id: string; name: string; email: string }>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every statement on the submission table, with the assignee and firm reads its answers need. */
@Injectable()
export class SubmissionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** With `lock`, the row stays locked (`FOR UPDATE`) until the caller's transaction ends. */
  find(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<Submission | null> {
    return manager.findOne(Submission, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  async insert(manager: EntityManager, values: QueryDeepPartialEntity<Submission>): Promise<Submission> {
    const { identifiers } = await manager.insert(Submission, values);
    return manager.findOneByOrFail(Submission, { id: identifiers[0].id as string });
  }

  /** Writes `changes` and raises the version only if it is still `expectedVersion`; null when it is not. */
  async updateIfVersion(
    manager: EntityManager,
    id: string,
    expectedVersion: number,
    changes: QueryDeepPartialEntity<Submission>,
  ): Promise<Submission | null> {
    const result = await manager
      .createQueryBuilder()
      .update(Submission)
      .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id AND version = :version', { id, version: expectedVersion })
      .execute();
    return result.affected ? manager.findOneByOrFail(Submission, { id }) : null;
  }

  async versionOf(manager: EntityManager, id: string): Promise<number | undefined> {
    const current = await manager.findOne(Submission, { where: { id }, select: { id: true, version: true } });
    return current?.version;
  }

  /** A census or document changed: the submission shows it was updated, its version untouched. */
  async touch(manager: EntityManager, id: string): Promise<void> {
    await manager.update(Submission, { id }, { updatedAt: () => 'now()' });
  }

  /**
   * A page of the submissions `visible` allows, narrowed by `filter`: one query for the page (with
   * `withAssignee`, the assignee joined), one plain count.
   */
  async page(
    visible: SqlCondition,
    filter: SubmissionFilter,
    query: ListQueryDto,
    sort: { fields: readonly SubmissionSortField[]; default: { field: SubmissionSortField; order: 'ASC' | 'DESC' } },
    withAssignee = false,
  ): Promise<SubmissionPage> {
    const base = this.dataSource.getRepository(Submission).createQueryBuilder('s').where(visible.sql, visible.params);
    if (filter.states) base.andWhere('s.state IN (:...states)', { states: filter.states });
    if (filter.region) base.andWhere('s.region = :region', { region: filter.region });
    if (filter.type) base.andWhere('s.type = :type', { type: filter.type });
    if (filter.groupIdPrefix) {
      const reference = parseSubmissionReference(filter.groupIdPrefix);
      base.andWhere(`(lower(s.group_id) LIKE :groupId${reference ? ' OR s.reference = :groupIdReference' : ''})`, {
        groupId: `${escapeLike(filter.groupIdPrefix.toLowerCase())}%`,
        groupIdReference: reference,
      });
    }
    // Created dates are UTC calendar days, both ends included.
    if (filter.createdFrom) {
      base.andWhere(`s.created_at >= (CAST(:createdFrom AS date) AT TIME ZONE 'UTC')`, { createdFrom: filter.createdFrom });
    }
    if (filter.createdTo) {
      base.andWhere(`s.created_at < ((CAST(:createdTo AS date) + 1) AT TIME ZONE 'UTC')`, { createdTo: filter.createdTo });
    }
    if (filter.assigneeId === null) base.andWhere('s.assignee_id IS NULL');
    else if (filter.assigneeId) base.andWhere('s.assignee_id = :assigneeId', { assigneeId: filter.assigneeId });
    if (filter.dueBefore) base.andWhere('s.due_date < :dueBefore', { dueBefore: filter.dueBefore });
    if (query.id?.length) base.andWhere('s.id IN (:...ids)', { ids: query.id });
    if (filter.search !== undefined) {
      const q = filter.search;
      const reference = parseSubmissionReference(q);
      base.andWhere(
        `(s.group_name ILIKE :contains OR lower(s.group_id) LIKE :prefix${reference ? ' OR s.reference = :reference' : ''}${
          UUID.test(q) ? ' OR s.id = :exactId' : ''
        })`,
        { contains: `%${escapeLike(q)}%`, prefix: `${escapeLike(q.toLowerCase())}%`, reference, exactId: q },
      );
    }

    const page = base.clone();
    if (withAssignee) page.leftJoin(User, 'a', 'a.id = s.assignee_id').addSelect(['a.id', 'a.name', 'a.email']);
    const sortable = Object.fromEntries(sort.fields.map((field) => [field, SORTABLE[field]]));
    applyListQuery(page, query, sortable, sort.default);
    const [{ entities, raw }, counted] = await Promise.all([
      page.getRawAndEntities<{ s_id: string; a_id: string | null; a_name: string; a_email: string }>(),
      base.clone().select('count(*)::int', 'total').getRawOne<{ total: number }>(),
    ]);
    const assignees = new Map(
      raw.filter((r) => r.a_id).map((r) => [r.s_id, { id: r.a_id!, name: r.a_name, email: r.a_email }]),
    );
    return { rows: entities, total: counted?.total ?? 0, assignees };
  }

  /**
   * Claims the oldest-due unassigned submission `claimable` allows (in `region` if given) for `actor`:
   * rows another reviewer is claiming are skipped (`SKIP LOCKED`), not waited for. One statement claims
   * the row and writes its audit event, so neither happens without the other and a claim costs one round
   * trip (the hot path at the start of a shift). The claimed id, or null when the queue is empty.
   */
  async claimNext(claimable: SqlCondition, region: Region | undefined, actor: { id: string; email: string }): Promise<string | null> {
    const oldestDue = this.dataSource
      .createQueryBuilder()
      .select('s.id')
      .from(Submission, 's')
      .where(claimable.sql, claimable.params)
      .andWhere(`s.state = 'SUBMITTED' AND s.assignee_id IS NULL`)
      .orderBy('s.due_date', 'ASC', 'NULLS LAST')
      .addOrderBy('s.submitted_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .limit(1)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked');
    if (region) oldestDue.andWhere('s.region = :region', { region });
    const [pick, params] = oldestDue.getQueryAndParameters();
    const actorId = `$${params.length + 1}`;
    const actorEmail = `$${params.length + 2}`;
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH claimed AS (
         UPDATE submission SET state = 'IN_REVIEW', assignee_id = ${actorId}, version = version + 1, updated_at = now()
          WHERE id = (${pick}) AND state = 'SUBMITTED' AND assignee_id IS NULL
         RETURNING id, region, firm_id
       ), logged AS (
         ${auditInsertSql('claimed', {
           actorId,
           actorEmail,
           action: `'submission.claimed'`,
           entityType: `'Submission'`,
           entityId: 'id::text',
           region: 'region',
           firmId: 'firm_id',
           before: `jsonb_build_object('state', 'SUBMITTED', 'assigneeId', null)`,
           after: `jsonb_build_object('state', 'IN_REVIEW', 'assigneeId', ${actorId}::text, 'via', 'queue')`,
         })}
       )
       SELECT id FROM claimed`,
      [...params, actor.id, actor.email],
    );
    return rows[0]?.id ?? null;
  }
}
