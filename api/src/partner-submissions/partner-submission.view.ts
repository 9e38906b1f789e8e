import type { PartnerSubmissionDetail, PartnerSubmissionRecord, SubmissionDetails } from '@sbo/shared';
import { partnerStatusOf } from '../submissions/review-state-machine';
import type { Submission } from '../submissions/submission.entity';
import { toSubmissionRecord } from '../submissions/submission-record';

export const toPartnerSubmission = (s: Submission): PartnerSubmissionRecord<Date> => ({
  ...toSubmissionRecord(s),
  partnerStatus: partnerStatusOf(s.state),
  pendingItems: s.pendingItems,
});

export const toPartnerSubmissionDetails = (s: Submission, details: SubmissionDetails<Date>): PartnerSubmissionDetail<Date> => ({
  ...toPartnerSubmission(s),
  ...details,
});
