import { type GroupAddress, type PendingItem, type PlanSelection, REGION_NAMES } from '@sbo/shared';
import type { OutgoingEmail } from '../notifications/notifications.service';
import type { Submission } from '../submissions/submission.entity';
import type { FieldChange } from '../submissions/correction';
import { describeSubmission } from '../submissions/submission-names';

/** Who an email goes to: the person who last submitted the submission. */
export interface Recipient {
  name: string;
  email: string;
}

/** The rep partners are told to contact. */
export interface ReviewerContact {
  name: string;
  email: string;
  phone: string | null;
}

const FIELD_LABELS: Record<string, string> = {
  type: 'Type',
  region: 'Region',
  requestedEffectiveDate: 'Requested effective date',
  paymentMethod: 'Payment method',
  plans: 'Plans',
  'group.name': 'Group name',
  'group.groupId': 'Group ID',
  'group.taxId': 'Tax ID',
  'group.employeeCount': 'Employee count',
  'group.multiMarket': 'Multi-market',
  'group.guaranteedAvailability': 'Guaranteed availability',
  'group.address': 'Group address',
};

/** The contact line partners expect at the end of instructions, as in the demo data. */
export const contactLine = (rep: ReviewerContact) =>
  `Contact ${rep.name} at ${rep.email}${rep.phone ? ` or ${rep.phone}` : ''}.`;


function shown(field: string, value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (field === 'plans') return (value as PlanSelection[]).map((p) => `${p.planCode} (${p.tier})`).join(', ') || '(none)';
  if (field === 'group.address') {
    const a = value as GroupAddress;
    return [a.line1, a.line2, a.city, `${a.state} ${a.zip}`].filter(Boolean).join(', ');
  }
  return String(value);
}

/** The list of changes as the submitter reads it: "Group name: Acme Bakery → Acme Bakery LLC". */
export const describeChanges = (changes: readonly FieldChange[]) =>
  changes.map((c) => `- ${FIELD_LABELS[c.field] ?? c.field}: ${shown(c.field, c.from)} → ${shown(c.field, c.value)}`);

const email = (
  to: Recipient,
  s: Submission,
  template: string,
  subject: string,
  lines: string[],
): OutgoingEmail => ({
  to: to.email,
  subject,
  template,
  entityType: 'Submission',
  entityId: s.id,
  body: [`Hello ${to.name},`, '', ...lines, '', `Reference: ${s.reference} (${REGION_NAMES[s.region]})`].join('\n'),
});

export const returnedEmail = (to: Recipient, s: Submission) =>
  email(to, s, 'submission.returned', `Action required: your ${describeSubmission(s)} was returned for corrections`, [
    `We returned your ${describeSubmission(s)} for corrections:`,
    '',
    s.instructions ?? '',
    '',
    'Make the corrections on your dashboard and submit it again; it goes back to the same representative.',
  ]);

export const itemsRequestedEmail = (to: Recipient, s: Submission, items: readonly PendingItem[]) =>
  email(to, s, 'submission.items_requested', `Action required: items needed for your ${describeSubmission(s)}`, [
    `To finish reviewing your ${describeSubmission(s)} we need:`,
    ...items.map((item) => `- ${item.description}`),
    '',
    s.instructions ?? '',
    '',
    'Upload them as documents on your dashboard: the review resumes as soon as the last one arrives.',
  ]);

export const correctedEmail = (
  to: Recipient,
  s: Submission,
  changes: readonly FieldChange[],
  reason: string,
  rep: ReviewerContact,
) =>
  email(to, s, 'submission.corrected', `Your ${describeSubmission(s)} was corrected`, [
    `While reviewing your ${describeSubmission(s)} we corrected:`,
    ...describeChanges(changes),
    '',
    `Why: ${reason}`,
    'Nothing is needed from you; the review continues.',
    contactLine(rep),
  ]);

export const approvedEmail = (to: Recipient, s: Submission) =>
  email(to, s, 'submission.approved', `Completed: your ${describeSubmission(s)} was approved`, [
    `Your ${describeSubmission(s)}, requested effective ${s.requestedEffectiveDate}, is approved.`,
    'It shows as COMPLETED on your dashboard.',
  ]);

export const referredOfflineEmail = (to: Recipient, s: Submission) =>
  email(to, s, 'submission.referred_offline', `Action required: your ${describeSubmission(s)} must continue offline`, [
    `Your ${describeSubmission(s)} cannot be completed in the portal.`,
    '',
    s.instructions ?? '',
  ]);
