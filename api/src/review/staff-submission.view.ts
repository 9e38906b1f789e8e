import type { PartnerStatus, ReviewState } from '@sbo/shared';
import type { AuditEvent } from '../audit/audit-event.entity';
import type { PendingItem, Submission } from '../submissions/submission.entity';
import { type SubmissionDetails, type SubmissionRecord, toSubmissionRecord } from '../submissions/submission-record';
import { partnerStatusOf, type ReviewEvent } from '../submissions/review-state-machine';
import type { Turnaround } from '../submissions/turnaround';

export interface StaffMember {
  id: string;
  name: string;
  email: string;
}

/** The record as reviewers see it (list rows, queue claims and the answers of every review action). */
export interface StaffSubmission extends SubmissionRecord {
  firmId: string | null;
  state: ReviewState;
  /** What the partner sees for this state. */
  partnerStatus: PartnerStatus | null;
  assignee: StaffMember | null;
  /** The assignee's id again, flat, so CASL checks the record as it is ("reps act on what they hold"). */
  assigneeId: string | null;
  /** Last business day approval meets the target (YYYY-MM-DD, region calendar); moves out while waiting on the submitter. */
  dueAt: string | null;
  /** Business days the carrier has held it, waits on the submitter left out; frozen once decided. */
  ageBusinessDays: number | null;
  /** Region business days until `dueAt`: 0 due today, negative once past; null once decided. */
  businessDaysLeft: number | null;
  pendingItems: PendingItem[];
  decidedAt: Date | null;
  bypassReason: string | null;
}

/** The review actions a record screen offers: allowed by its state and by the caller's rules. */
export const REVIEW_ACTIONS = [
  'claim',
  'release',
  'assign',
  'correct',
  'return',
  'requestItems',
  'approve',
  'referOffline',
] as const satisfies readonly ReviewEvent[];
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export interface StaffSubmissionDetails extends StaffSubmission, SubmissionDetails {
  history: AuditEvent[];
  availableActions: ReviewAction[];
}

export const toStaffSubmission = (
  s: Submission,
  assignee: StaffMember | null,
  turnaround: Turnaround,
): StaffSubmission => ({
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
