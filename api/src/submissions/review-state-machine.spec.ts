import { REVIEW_STATES, type ReviewState, WAITING_STATES } from '@sbo/shared';
import {
  InvalidTransitionError,
  REVIEW_EVENTS,
  type ReviewEvent,
  allowedEvents,
  canTransition,
  isEditableBySubmitter,
  nextState,
  partnerStatusOf,
  resubmitEvent,
} from './review-state-machine';

/** The whole matrix, written out independently of the implementation: `_` means refused. */
const _ = null;
// prettier-ignore
const EXPECTED: Record<ReviewState, Record<ReviewEvent, ReviewState | null>> = {
  DRAFT: {
    submit: 'SUBMITTED', resubmitToQueue: _, resubmitToRep: _, claim: _, assign: _, release: _, correct: _,
    return: _, requestItems: _, itemsReceived: _, approve: _, referOffline: _, cancel: 'WITHDRAWN',
  },
  SUBMITTED: {
    submit: _, resubmitToQueue: _, resubmitToRep: _, claim: 'IN_REVIEW', assign: 'IN_REVIEW', release: _, correct: _,
    return: _, requestItems: _, itemsReceived: _, approve: _, referOffline: 'REFERRED_OFFLINE', cancel: 'WITHDRAWN',
  },
  IN_REVIEW: {
    submit: _, resubmitToQueue: _, resubmitToRep: _, claim: _, assign: 'IN_REVIEW', release: 'SUBMITTED',
    correct: 'IN_REVIEW', return: 'RETURNED', requestItems: 'PENDING_ITEMS', itemsReceived: _, approve: 'APPROVED',
    referOffline: 'REFERRED_OFFLINE', cancel: 'WITHDRAWN',
  },
  RETURNED: {
    submit: _, resubmitToQueue: 'SUBMITTED', resubmitToRep: 'IN_REVIEW', claim: _, assign: _, release: _, correct: _,
    return: _, requestItems: _, itemsReceived: _, approve: _, referOffline: 'REFERRED_OFFLINE', cancel: 'WITHDRAWN',
  },
  PENDING_ITEMS: {
    submit: _, resubmitToQueue: 'SUBMITTED', resubmitToRep: 'IN_REVIEW', claim: _, assign: _, release: _, correct: _,
    return: _, requestItems: _, itemsReceived: 'IN_REVIEW', approve: _, referOffline: 'REFERRED_OFFLINE',
    cancel: 'WITHDRAWN',
  },
  APPROVED: {
    submit: _, resubmitToQueue: _, resubmitToRep: _, claim: _, assign: _, release: _, correct: _,
    return: _, requestItems: _, itemsReceived: _, approve: _, referOffline: _, cancel: _,
  },
  REFERRED_OFFLINE: {
    submit: _, resubmitToQueue: _, resubmitToRep: _, claim: _, assign: _, release: _, correct: _,
    return: _, requestItems: _, itemsReceived: _, approve: _, referOffline: _, cancel: _,
  },
  WITHDRAWN: {
    submit: _, resubmitToQueue: _, resubmitToRep: _, claim: _, assign: _, release: _, correct: _,
    return: _, requestItems: _, itemsReceived: _, approve: _, referOffline: _, cancel: _,
  },
};

const pairs = REVIEW_STATES.flatMap((state) => REVIEW_EVENTS.map((event) => [state, event, EXPECTED[state][event]] as const));
const allowed = pairs.filter(([, , target]) => target !== null);
const refused = pairs.filter(([, , target]) => target === null);

describe('review state machine', () => {
  it('covers every state and every event', () => {
    expect(pairs).toHaveLength(REVIEW_STATES.length * REVIEW_EVENTS.length);
    expect(pairs).toHaveLength(8 * 13);
    expect(allowed).toHaveLength(23);
  });

  it.each(allowed)('%s --%s--> %s', (state, event, target) => {
    expect(canTransition(state, event)).toBe(true);
    expect(nextState(state, event)).toBe(target);
  });

  it.each(refused)('%s --%s--> refused', (state, event) => {
    expect(canTransition(state, event)).toBe(false);
    let error: unknown;
    try {
      nextState(state, event);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidTransitionError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: 'INVALID_TRANSITION', from: state, event });
  });

  it.each([
    [
      'SUBMITTED',
      'approve',
      'You cannot approve this submission: it is in the queue, not yet claimed. That is possible only while it is in review.',
    ],
    [
      'IN_REVIEW',
      'itemsReceived',
      'You cannot mark items received for this submission: it is in review. ' +
        'That is possible only while it is waiting on pending items from the submitter.',
    ],
    [
      'APPROVED',
      'cancel',
      'You cannot cancel this submission: it is already approved. That is possible only while it is a draft that ' +
        'has not been submitted, in the queue, not yet claimed, in review, returned to the submitter for ' +
        'corrections, or waiting on pending items from the submitter.',
    ],
  ] as const)('explains why %s cannot %s', (state, event, message) => {
    expect(() => nextState(state, event)).toThrow(message);
  });

  it.each([
    ['DRAFT', ['submit', 'cancel']],
    ['SUBMITTED', ['claim', 'assign', 'referOffline', 'cancel']],
    ['IN_REVIEW', ['assign', 'release', 'correct', 'return', 'requestItems', 'approve', 'referOffline', 'cancel']],
    ['RETURNED', ['resubmitToQueue', 'resubmitToRep', 'referOffline', 'cancel']],
    ['PENDING_ITEMS', ['resubmitToQueue', 'resubmitToRep', 'itemsReceived', 'referOffline', 'cancel']],
    ['APPROVED', []],
    ['REFERRED_OFFLINE', []],
    ['WITHDRAWN', []],
  ] as const)('allowedEvents(%s) is %j', (state, events) => {
    expect(allowedEvents(state)).toEqual(events);
  });

  it.each([
    [true, 'resubmitToRep', 'IN_REVIEW'],
    [false, 'resubmitToQueue', 'SUBMITTED'],
  ] as const)('a resubmission with the rep still active = %p goes %s, to %s', (active, event, target) => {
    expect(resubmitEvent(active)).toBe(event);
    expect(nextState('RETURNED', resubmitEvent(active))).toBe(target);
    expect(nextState('PENDING_ITEMS', resubmitEvent(active))).toBe(target);
  });
});

describe('per-state answers', () => {
  it.each<[ReviewState, string | null, boolean, boolean]>([
    ['DRAFT', 'OPEN', false, true],
    ['SUBMITTED', 'PENDING_KP_REVIEW', false, false],
    ['IN_REVIEW', 'PENDING_KP_REVIEW', false, false],
    ['RETURNED', 'ACTION_REQUIRED', true, true],
    ['PENDING_ITEMS', 'ACTION_REQUIRED', true, false],
    ['APPROVED', 'COMPLETED', false, false],
    ['REFERRED_OFFLINE', 'ACTION_REQUIRED', false, false],
    ['WITHDRAWN', null, false, false],
  ])('%s: partner sees %s, waiting on submitter %p, editable by submitter %p', (state, status, waiting, editable) => {
    expect(partnerStatusOf(state)).toBe(status);
    expect((WAITING_STATES as readonly ReviewState[]).includes(state)).toBe(waiting);
    expect(isEditableBySubmitter(state)).toBe(editable);
  });
});
