import type { StaffMember, StaffSubmissionRecord } from '@sbo/shared';
import type { Submission } from '../submissions/submission.entity';
import { toSubmissionRecord } from '../submissions/submission-record';
import { partnerStatusOf } from '../submissions/review-state-machine';
import type { Turnaround } from '../submissions/turnaround';

export const toStaffSubmission = (
  s: Submission,
  assignee: StaffMember | null,
  turnaround: Turnaround,
): StaffSubmissionRecord<Date> => ({
  ...toSubmissionRecord(s),
  firmId: s.firmId,
  state: s.state,
  partnerStatus: partnerStatusOf(s.state),
  assignee,
  assigneeId: s.assigneeId,
  dueAt: turnaround.dueAt,
  ageBusinessDays: turnaround.ageBusinessDays,
  businessDaysLeft: turnaround.businessDaysLeft,
  pendingItems: s.pendingItems,
  decidedAt: s.decidedAt,
  bypassReason: s.bypassReason,
});
