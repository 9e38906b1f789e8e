import type { SubmissionType } from '@sbo/shared';
import type { Submission } from './submission.entity';

/** Each type as emails to the submitter name it. */
const TYPE_NAMES: Record<SubmissionType, string> = {
  NEW_GROUP: 'new group enrollment',
  QUOTE: 'quote',
  REQUOTE: 'requote',
  RENEWAL: 'renewal',
  PURCHASE: 'purchase',
};

/**
 * "new group enrollment T-1000001 for Acme Bakery": the submission as confirmations and review emails
 * name it, subjects included, by the reference the partner and the representative both see.
 */
export const describeSubmission = (s: Pick<Submission, 'type' | 'groupName' | 'reference'>): string =>
  `${TYPE_NAMES[s.type]} ${s.reference} for ${s.groupName ?? 'your group'}`;
