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

/** "new group enrollment for Acme Bakery": the submission as confirmations and review emails name it. */
export const describeSubmission = (s: Pick<Submission, 'type' | 'groupName'>): string =>
  `${TYPE_NAMES[s.type]} for ${s.groupName ?? 'your group'}`;
