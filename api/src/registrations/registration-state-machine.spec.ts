import {
  REGISTRATION_ACTIONS,
  REGISTRATION_STATUSES,
  type RegistrationAction,
  type RegistrationStatus,
} from '@sbo/shared';
import {
  allowedRegistrationActions,
  InvalidRegistrationTransitionError,
  nextRegistrationStatus,
} from './registration-state-machine';

// Every (status, action) pair: the status it leads to, or null when refused.
const EXPECTED: Record<RegistrationStatus, Record<RegistrationAction, RegistrationStatus | null>> = {
  PENDING: { approve: 'APPROVED', reject: 'REJECTED', lock: null, unlock: null, reinvite: null, deactivate: null },
  APPROVED: { approve: null, reject: null, lock: 'LOCKED', unlock: null, reinvite: 'APPROVED', deactivate: 'DEACTIVATED' },
  LOCKED: { approve: null, reject: null, lock: null, unlock: 'APPROVED', reinvite: null, deactivate: 'DEACTIVATED' },
  DEACTIVATED: { approve: null, reject: null, lock: null, unlock: null, reinvite: 'APPROVED', deactivate: null },
  REJECTED: { approve: null, reject: null, lock: null, unlock: null, reinvite: null, deactivate: null },
};

const cases = REGISTRATION_STATUSES.flatMap((status) =>
  REGISTRATION_ACTIONS.map((action) => [status, action, EXPECTED[status][action]] as const),
);

describe('registration state machine', () => {
  it.each(cases.filter(([, , to]) => to !== null))('%s --%s--> %s', (from, action, to) => {
    expect(nextRegistrationStatus(from, action)).toBe(to);
  });

  it.each(cases.filter(([, , to]) => to === null))('%s refuses %s with INVALID_TRANSITION', (from, action) => {
    expect(() => nextRegistrationStatus(from, action)).toThrow(InvalidRegistrationTransitionError);
    try {
      nextRegistrationStatus(from, action);
    } catch (error) {
      expect((error as InvalidRegistrationTransitionError).code).toBe('INVALID_TRANSITION');
      expect((error as Error).message).toContain(`cannot ${action} this registration`);
    }
  });

  it.each(REGISTRATION_STATUSES)('lists the actions allowed from %s', (status) => {
    const expected = REGISTRATION_ACTIONS.filter((a) => EXPECTED[status][a] !== null);
    expect(allowedRegistrationActions(status)).toEqual(expected);
  });

  it('explains where a refused action would have been possible', () => {
    expect(() => nextRegistrationStatus('REJECTED', 'unlock')).toThrow(
      'You cannot unlock this registration: it is rejected. That is possible only while it is locked.',
    );
  });
});
