import type { Action } from '@sbo/shared';
import type { PolicyHandler } from '../authorization/policies.decorator';

/** Reviewers only: claiming tells staff who review apart from partners, who also read and create. */
export const reviewerMay =
  (action: Action): PolicyHandler =>
  (ability) =>
    ability.can('claim', 'Submission') && ability.can(action, 'Submission');
