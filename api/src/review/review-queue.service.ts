import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AppAbility, Region, SessionUser } from '@sbo/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { accessibleSql } from '../authorization/accessible-sql';
import { Submission } from '../submissions/submission.entity';
import { SUBMISSION_RULE_COLUMNS } from '../submissions/submissions.service';
import type { StaffSubmission } from './staff-submission.view';
import { StaffSubmissionsService } from './staff-submissions.service';

/** The review queue: the next submission for a reviewer, never the same one for two of them. */
@Injectable()
export class ReviewQueueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly staff: StaffSubmissionsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Claims the oldest-due unassigned submission of the caller's regions (or of `region`, within
   * them) in one statement: rows another reviewer is claiming are skipped (`SKIP LOCKED`), not
   * waited for. Null when the queue is empty.
   */
  next(user: SessionUser, ability: AppAbility, region?: Region): Promise<StaffSubmission | null> {
    const claimable = accessibleSql(ability, 'claim', 'Submission', SUBMISSION_RULE_COLUMNS);
    return this.dataSource.transaction(async (manager) => {
      const oldestDue = manager
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
      const result = await manager
        .createQueryBuilder()
        .update(Submission)
        .set({ state: 'IN_REVIEW', assigneeId: user.id, version: () => 'version + 1', updatedAt: () => 'now()' })
        .where(`id = (${oldestDue.getQuery()})`)
        .andWhere(`state = 'SUBMITTED' AND assignee_id IS NULL`)
        .setParameters(oldestDue.getParameters())
        .returning(['id'])
        .execute();
      const [claimed] = result.raw as { id: string }[];
      if (!claimed) return null;
      const s = await manager.findOneByOrFail(Submission, { id: claimed.id });
      await this.audit.record(
        {
          actor: user,
          action: 'submission.claimed',
          entityType: 'Submission',
          entityId: s.id,
          region: s.region,
          firmId: s.firmId,
          before: { state: 'SUBMITTED', assigneeId: null },
          after: { state: s.state, assigneeId: s.assigneeId, via: 'queue' },
        },
        manager,
      );
      return this.staff.presentOne(s, manager);
    });
  }
}
