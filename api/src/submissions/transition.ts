import type { ReviewState } from '@sbo/shared';
import { ruleRefused } from '../common/app-error';
import { InvalidTransitionError, nextState, type ReviewEvent } from './review-state-machine';

/** The state `event` leads to; a refused transition is the API's 422 INVALID_TRANSITION with the machine's reason. */
export function transition(state: ReviewState, event: ReviewEvent): ReviewState {
  try {
    return nextState(state, event);
  } catch (error) {
    if (error instanceof InvalidTransitionError) throw ruleRefused('INVALID_TRANSITION', error.message);
    throw error;
  }
}
