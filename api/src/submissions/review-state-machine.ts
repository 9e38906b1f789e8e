import { type PartnerStatus, REVIEW_ACTIONS, type ReviewState } from '@sbo/shared';

/**
 * When a submission may move, and where to. Who may move it (role, region, firm, CA's
 * return-never-correct policy) is CASL's business, not this table's.
 */

export const REVIEW_EVENTS = [
  'submit',
  /** Back to the queue: the rep who sent it back is no longer active. */
  'resubmitToQueue',
  /** Back to the same rep, who is still active. */
  'resubmitToRep',
  'claim',
  'assign',
  'release',
  'correct',
  'return',
  'requestItems',
  'itemsReceived',
  'approve',
  'referOffline',
  'cancel',
] as const;
export type ReviewEvent = (typeof REVIEW_EVENTS)[number];

/** Every review action a staff record screen offers is an event of this machine. */
REVIEW_ACTIONS satisfies readonly ReviewEvent[];

/**
 * Every allowed transition; any pair not listed is refused.
 *
 * - Only a claimed (IN_REVIEW) submission is worked: corrected, returned, sent for items, approved.
 * - A partner's resubmission after a return or a pending-items request goes back to the same
 *   rep when they are still active, else to the queue; the caller knows which (`resubmitEvent`).
 *   `itemsReceived` is the rep's own way back when the items arrive outside the portal.
 * - Referring offline is possible whenever staff hold the submission and it is not yet decided,
 *   including while it waits on the submitter (who may reveal it is multi-market or paying by check).
 * - The partner may cancel (withdraw) anything not yet approved, referred offline or withdrawn.
 */
const TRANSITIONS: Record<ReviewState, Partial<Record<ReviewEvent, ReviewState>>> = {
  DRAFT: { submit: 'SUBMITTED', cancel: 'WITHDRAWN' },
  SUBMITTED: { claim: 'IN_REVIEW', assign: 'IN_REVIEW', referOffline: 'REFERRED_OFFLINE', cancel: 'WITHDRAWN' },
  IN_REVIEW: {
    assign: 'IN_REVIEW',
    release: 'SUBMITTED',
    correct: 'IN_REVIEW',
    return: 'RETURNED',
    requestItems: 'PENDING_ITEMS',
    approve: 'APPROVED',
    referOffline: 'REFERRED_OFFLINE',
    cancel: 'WITHDRAWN',
  },
  RETURNED: {
    resubmitToRep: 'IN_REVIEW',
    resubmitToQueue: 'SUBMITTED',
    referOffline: 'REFERRED_OFFLINE',
    cancel: 'WITHDRAWN',
  },
  PENDING_ITEMS: {
    resubmitToRep: 'IN_REVIEW',
    resubmitToQueue: 'SUBMITTED',
    itemsReceived: 'IN_REVIEW',
    referOffline: 'REFERRED_OFFLINE',
    cancel: 'WITHDRAWN',
  },
  APPROVED: {},
  REFERRED_OFFLINE: {},
  WITHDRAWN: {},
};

const STATE_PHRASES: Record<ReviewState, string> = {
  DRAFT: 'a draft that has not been submitted',
  SUBMITTED: 'in the queue, not yet claimed',
  IN_REVIEW: 'in review',
  RETURNED: 'returned to the submitter for corrections',
  PENDING_ITEMS: 'waiting on pending items from the submitter',
  APPROVED: 'already approved',
  REFERRED_OFFLINE: 'referred offline',
  WITHDRAWN: 'withdrawn',
};

const EVENT_PHRASES: Record<ReviewEvent, string> = {
  submit: 'submit',
  resubmitToQueue: 'resubmit',
  resubmitToRep: 'resubmit',
  claim: 'claim',
  assign: 'assign',
  release: 'release',
  correct: 'correct',
  return: 'return',
  requestItems: 'request items for',
  itemsReceived: 'mark items received for',
  approve: 'approve',
  referOffline: 'refer offline',
  cancel: 'cancel',
};

const orList = new Intl.ListFormat('en', { type: 'disjunction' });

export class InvalidTransitionError extends Error {
  readonly code = 'INVALID_TRANSITION' as const;

  constructor(
    readonly from: ReviewState,
    readonly event: ReviewEvent,
  ) {
    const possibleFrom = (Object.keys(TRANSITIONS) as ReviewState[]).filter((s) => TRANSITIONS[s][event]);
    const hint = possibleFrom.length
      ? `That is possible only while it is ${orList.format(possibleFrom.map((s) => STATE_PHRASES[s]))}.`
      : 'That is not possible from any state.';
    super(`You cannot ${EVENT_PHRASES[event]} this submission: it is ${STATE_PHRASES[from]}. ${hint}`);
    this.name = 'InvalidTransitionError';
  }
}

export function canTransition(state: ReviewState, event: ReviewEvent): boolean {
  return TRANSITIONS[state][event] !== undefined;
}

/** The state `event` leads to from `state`; throws InvalidTransitionError when it is refused. */
export function nextState(state: ReviewState, event: ReviewEvent): ReviewState {
  const target = TRANSITIONS[state][event];
  if (target === undefined) throw new InvalidTransitionError(state, event);
  return target;
}

/** The events allowed from `state`, e.g. to decide which actions a screen offers. */
export function allowedEvents(state: ReviewState): ReviewEvent[] {
  return REVIEW_EVENTS.filter((event) => canTransition(state, event));
}

/** The partner's resubmission, routed back to the same rep while that rep is still active. */
export const resubmitEvent = (sameRepStillActive: boolean): ReviewEvent =>
  sameRepStillActive ? 'resubmitToRep' : 'resubmitToQueue';

/**
 * The partner may edit the data while it is a draft or returned to them; pending items lock
 * it (only documents are added) and everything else is with the carrier or done.
 */
export function isEditableBySubmitter(state: ReviewState): boolean {
  return state === 'DRAFT' || state === 'RETURNED';
}

/**
 * The broker-dashboard status of a review state; null for WITHDRAWN, which leaves the partner's
 * list. REFERRED_OFFLINE shows as ACTION_REQUIRED, not PENDING_KP_REVIEW: the carrier will not
 * finish it in the portal, the partner has to send it offline, and the instructions say where.
 */
export function partnerStatusOf(state: ReviewState): PartnerStatus | null {
  switch (state) {
    case 'DRAFT':
      return 'OPEN';
    case 'SUBMITTED':
    case 'IN_REVIEW':
      return 'PENDING_KP_REVIEW';
    case 'RETURNED':
    case 'PENDING_ITEMS':
    case 'REFERRED_OFFLINE':
      return 'ACTION_REQUIRED';
    case 'APPROVED':
      return 'COMPLETED';
    case 'WITHDRAWN':
      return null;
  }
}
