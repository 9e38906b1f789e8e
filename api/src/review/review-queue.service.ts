import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AppAbility, Region, SessionUser } from '@sbo/shared';
import { DataSource } from 'typeorm';
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
  ) {}

  /**
   * Claims the oldest-due unassigned submission of the caller's regions (or of `region`, within
   * them): rows another reviewer is claiming are skipped (`SKIP LOCKED`), not waited for. One
   * statement claims the row and writes its audit event, so neither happens without the other and
   * a claim costs one round trip (the hot path at the start of a shift). Null when the queue is empty.
   */
  async next(user: SessionUser, ability: AppAbility, region?: Region): Promise<StaffSubmission | null> {
    const claimable = accessibleSql(ability, 'claim', 'Submission', SUBMISSION_RULE_COLUMNS);
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
    const actor = `$${params.length + 1}`;
    const actorEmail = `$${params.length + 2}`;
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH claimed AS (
         UPDATE submission SET state = 'IN_REVIEW', assignee_id = ${actor}, version = version + 1, updated_at = now()
          WHERE id = (${pick}) AND state = 'SUBMITTED' AND assignee_id IS NULL
         RETURNING id, region, firm_id
       ), logged AS (
         INSERT INTO audit_event (actor_id, actor_email, action, entity_type, entity_id, region, firm_id, before, after)
         SELECT ${actor}, ${actorEmail}, 'submission.claimed', 'Submission', id::text, region, firm_id,
                jsonb_build_object('state', 'SUBMITTED', 'assigneeId', null),
                jsonb_build_object('state', 'IN_REVIEW', 'assigneeId', ${actor}::text, 'via', 'queue')
           FROM claimed
       )
       SELECT id FROM claimed`,
      [...params, user.id, user.email],
    );
    if (!rows.length) return null;
    const s = await this.dataSource.manager.findOneByOrFail(Submission, { id: rows[0].id });
    return this.staff.presentOne(s, this.dataSource.manager, { id: user.id, name: user.name, email: user.email });
  }
}
