/**
 * When EBS may decide on a registration, and what it becomes. Who may decide (role ebs) is CASL's
 * business, not this table's.
 */
import { REGISTRATION_ACTIONS, REGISTRATION_STATUSES, type RegistrationAction, type RegistrationStatus } from '@sbo/shared';

/**
 * Every allowed decision; any pair not listed is refused.
 *
 * - Only a pending sign-up is approved or rejected. A rejected person may sign up again (a new registration).
 * - Locking is a pause (unlock restores access); deactivating ends access until EBS re-invites them.
 * - Re-inviting sends a fresh password invitation: to an approved partner who lost or let the first
 *   one expire, or to a deactivated one, whose access it restores.
 */
const TRANSITIONS: Record<RegistrationStatus, Partial<Record<RegistrationAction, RegistrationStatus>>> = {
  PENDING: { approve: 'APPROVED', reject: 'REJECTED' },
  APPROVED: { lock: 'LOCKED', reinvite: 'APPROVED', deactivate: 'DEACTIVATED' },
  LOCKED: { unlock: 'APPROVED', deactivate: 'DEACTIVATED' },
  DEACTIVATED: { reinvite: 'APPROVED' },
  REJECTED: {},
};

const STATUS_PHRASES: Record<RegistrationStatus, string> = {
  PENDING: 'pending',
  APPROVED: 'approved',
  REJECTED: 'rejected',
  LOCKED: 'locked',
  DEACTIVATED: 'deactivated',
};

const orList = new Intl.ListFormat('en', { type: 'disjunction' });

export class InvalidRegistrationTransitionError extends Error {
  readonly code = 'INVALID_TRANSITION' as const;

  constructor(
    readonly from: RegistrationStatus,
    readonly action: RegistrationAction,
  ) {
    const possibleFrom = REGISTRATION_STATUSES.filter((s) => TRANSITIONS[s][action]);
    const hint = possibleFrom.length
      ? `That is possible only while it is ${orList.format(possibleFrom.map((s) => STATUS_PHRASES[s]))}.`
      : 'That is not possible from any status.';
    super(`You cannot ${action} this registration: it is ${STATUS_PHRASES[from]}. ${hint}`);
    this.name = 'InvalidRegistrationTransitionError';
  }
}

/** The status `action` leads to from `status`; throws InvalidRegistrationTransitionError when refused. */
export function nextRegistrationStatus(status: RegistrationStatus, action: RegistrationAction): RegistrationStatus {
  const target = TRANSITIONS[status][action];
  if (target === undefined) throw new InvalidRegistrationTransitionError(status, action);
  return target;
}

/** The decisions open from `status`, for the console to offer. */
export function allowedRegistrationActions(status: RegistrationStatus): RegistrationAction[] {
  return REGISTRATION_ACTIONS.filter((action) => TRANSITIONS[status][action] !== undefined);
}
