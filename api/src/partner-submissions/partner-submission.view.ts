import type { PartnerStatus } from '@sbo/shared';
import { partnerStatusOf } from '../submissions/review-state-machine';
import type { Submission } from '../submissions/submission.entity';
import { type SubmissionDetails, type SubmissionRecord, toSubmissionRecord } from '../submissions/submission-record';

/** The record as the broker dashboard shows it: the dashboard status, never the carrier's internal state. */
export interface PartnerSubmission extends SubmissionRecord {
  /** Null only once withdrawn (then gone from the partner's list). */
  partnerStatus: PartnerStatus | null;
}

export type PartnerSubmissionDetails = PartnerSubmission & SubmissionDetails;

export const toPartnerSubmission = (s: Submission): PartnerSubmission => ({
  ...toSubmissionRecord(s),
  partnerStatus: partnerStatusOf(s.state),
});

export const toPartnerSubmissionDetails = (s: Submission, details: SubmissionDetails): PartnerSubmissionDetails => ({
  ...toPartnerSubmission(s),
  ...details,
});
