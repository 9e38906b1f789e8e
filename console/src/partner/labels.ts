import type { PartnerStatus, PartnerSubmissionRecord, Region, SubmissionType } from '@sbo/shared';

/* How the partner screens word the broker dashboard (shared/seeds/broker-dashboard-guide.txt). */

export const PARTNER_STATUS_LABELS: Record<PartnerStatus, string> = {
  OPEN: 'Open',
  PENDING_KP_REVIEW: 'Pending KP review',
  ACTION_REQUIRED: 'Action required',
  COMPLETED: 'Completed',
};

/** The dot beside each status chip's text (the text keeps the theme's own contrast). */
export const PARTNER_STATUS_COLORS: Record<PartnerStatus, 'info' | 'primary' | 'warning' | 'success'> = {
  OPEN: 'info',
  PENDING_KP_REVIEW: 'primary',
  ACTION_REQUIRED: 'warning',
  COMPLETED: 'success',
};

export const PARTNER_TYPE_LABELS: Record<SubmissionType, string> = {
  NEW_GROUP: 'New group enrollment',
  QUOTE: 'Quote',
  REQUOTE: 'Requote',
  RENEWAL: 'Renewal',
  PURCHASE: 'Purchase',
};

/** What a partner may start from the dashboard; a purchase only where the firm's region sells it. */
export const STARTABLE_TYPES: { type: SubmissionType; label: string; regions?: readonly Region[] }[] = [
  { type: 'NEW_GROUP', label: 'New group enrollment' },
  { type: 'QUOTE', label: 'Quote' },
  { type: 'REQUOTE', label: 'Requote' },
  { type: 'PURCHASE', label: 'Purchase', regions: ['MAS', 'CO', 'GA'] },
];

/**
 * The transaction ID partners read: the short `reference` number when the API gives one, else the
 * first 8 characters of the id.
 */
export const transactionId = (record: Pick<PartnerSubmissionRecord, 'id'> & { reference?: string | number | null }): string =>
  record.reference != null && record.reference !== '' ? String(record.reference) : record.id.slice(0, 8).toUpperCase();

/** The wizard's steps, in order: each is a part of the URL (`#/partner/submissions/:id/step/census`). */
export const STEPS = ['group', 'plans', 'census', 'documents', 'review'] as const;
export type Step = (typeof STEPS)[number];

export const STEP_LABELS: Record<Step, string> = {
  group: 'Employer group',
  plans: 'Plans',
  census: 'Census',
  documents: 'Documents',
  review: 'Review and submit',
};

export const isStep = (value: string | undefined): value is Step => (STEPS as readonly string[]).includes(value ?? '');

/** Which step fixes a problem of the detail's `problems` (by its field). */
export function stepOfField(field: string): Step {
  if (field === 'plans' || field.startsWith('plans.')) return 'plans';
  if (field === 'census') return 'census';
  if (field === 'documents') return 'documents';
  return 'group';
}

/** Where the partner was in an Open transaction, so a new visit (another login) resumes there. */
const STEP_KEY = (id: string) => `sbo.partner.step.${id}`;
export const rememberStep = (id: string, step: Step) => {
  try {
    localStorage.setItem(STEP_KEY(id), step);
  } catch {
    /* storage full or disabled: the URL still holds the step */
  }
};
export const rememberedStep = (id: string): Step => {
  const stored = localStorage.getItem(STEP_KEY(id)) ?? undefined;
  return isStep(stored) ? stored : 'group';
};
export const forgetStep = (id: string) => localStorage.removeItem(STEP_KEY(id));

export const RULE_NAMES: Record<string, string> = {
  MULTI_MARKET_OFFLINE: 'Multi-market groups go offline',
  CA_EFT_REQUIRED: 'California groups pay by EFT',
  SEP_WINDOW_CLOSED: 'Guaranteed availability only in the special enrollment period',
  LATE_SUBMISSION: 'New group submission deadline',
  INCOMPLETE_SUBMISSION: 'The transaction is not complete',
};

/**
 * The special enrollment period as the product documents it (docs/product.md; the API's
 * SEP_WINDOW_START/END default). The API does not publish its configured window, so the console
 * states the default and the API's refusal, if any, says the configured one.
 */
export const DEFAULT_SEP_WINDOW = { start: '11-15', end: '12-15', text: 'November 15 to December 15' };
