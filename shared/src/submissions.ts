export const SUBMISSION_TYPES = ['NEW_GROUP', 'QUOTE', 'REQUOTE', 'RENEWAL', 'PURCHASE'] as const;
export type SubmissionType = (typeof SUBMISSION_TYPES)[number];

export const CHANNELS = ['PORTAL', 'API', 'EMAIL', 'OFFLINE'] as const;
export type Channel = (typeof CHANNELS)[number];
/** Channels partners use themselves; intake rules are enforced on these. */
export const PARTNER_CHANNELS: readonly Channel[] = ['PORTAL', 'API'];
/** Channels staff key in on the submitter's behalf. */
export const STAFF_CHANNELS: readonly Channel[] = ['EMAIL', 'OFFLINE'];

export const PAYMENT_METHODS = ['EFT', 'CHECK_COPY'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PLAN_TIERS = ['BRONZE', 'SILVER', 'GOLD', 'PLATINUM'] as const;
export type PlanTier = (typeof PLAN_TIERS)[number];

/** Review states, as staff see them. `DRAFT` is a partner's unsubmitted work (partner status OPEN). */
export const REVIEW_STATES = [
  'DRAFT',
  'SUBMITTED',
  'IN_REVIEW',
  'RETURNED',
  'PENDING_ITEMS',
  'APPROVED',
  'REFERRED_OFFLINE',
  'WITHDRAWN',
] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** Statuses of the broker dashboard. */
export const PARTNER_STATUSES = ['OPEN', 'PENDING_KP_REVIEW', 'ACTION_REQUIRED', 'COMPLETED'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

export const DOCUMENT_KINDS = ['SIGNED_APPLICATION', 'EFT_AUTHORIZATION', 'OTHER'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const CENSUS_RELATIONSHIPS = ['EMPLOYEE', 'SPOUSE', 'DOMESTIC_PARTNER', 'CHILD'] as const;
export type CensusRelationship = (typeof CENSUS_RELATIONSHIPS)[number];

/** Turnaround target: approval within this many business days of a complete submission. */
export const TURNAROUND_TARGET_BUSINESS_DAYS = 3;
