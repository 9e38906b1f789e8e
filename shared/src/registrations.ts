/** A partner's self-service registration, as EBS decides on it. PENDING is EBS's work queue. */
export const REGISTRATION_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'LOCKED', 'DEACTIVATED'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const REGISTRATION_ACTIONS = ['approve', 'reject', 'lock', 'unlock', 'reinvite', 'deactivate'] as const;
export type RegistrationAction = (typeof REGISTRATION_ACTIONS)[number];
