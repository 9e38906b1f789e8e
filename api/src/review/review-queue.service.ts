import { Injectable } from '@nestjs/common';
import type { AppAbility, Region, SessionUser, StaffSubmissionRecord } from '@sbo/shared';
import { accessibleSql } from '../authorization/accessible-sql';
import { SUBMISSION_RULE_COLUMNS, SubmissionsRepository } from '../submissions/submissions.repository';
import { StaffSubmissionsService } from './staff-submissions.service';

/** The review queue: the next submission for a reviewer, never the same one for two of them. */
@Injectable()
export class ReviewQueueService {
  constructor(
    private readonly repository: SubmissionsRepository,
    private readonly staff: StaffSubmissionsService,
  ) {}

  /**
   * Claims the oldest-due unassigned submission of the caller's regions (or of `region`, within
   * them), claim and audit event in one statement (see SubmissionsRepository.claimNext). Null when
   * the queue is empty.
   */
  async next(user: SessionUser, ability: AppAbility, region?: Region): Promise<StaffSubmissionRecord<Date> | null> {
    const claimable = accessibleSql(ability, 'claim', 'Submission', SUBMISSION_RULE_COLUMNS);
    const id = await this.repository.claimNext(claimable, region, user);
    if (!id) return null;
    const s = (await this.repository.find(id))!;
    return this.staff.presentOne(s, undefined, { id: user.id, name: user.name, email: user.email });
  }
}
