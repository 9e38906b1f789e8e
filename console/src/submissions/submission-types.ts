import type { Channel, DocumentKind, PartnerStatus, PaymentMethod, ReviewState, StaffSubmissionRecord, SubmissionType } from '@sbo/shared';

/* How the console words and colours the submission contract of @sbo/shared (submission-records.ts). */

export const STATE_LABELS: Record<ReviewState, string> = {
  DRAFT: 'Draft',
  SUBMITTED: 'In the queue',
  IN_REVIEW: 'In review',
  RETURNED: 'Returned',
  PENDING_ITEMS: 'Pending items',
  APPROVED: 'Approved',
  REFERRED_OFFLINE: 'Referred offline',
  WITHDRAWN: 'Withdrawn',
};

export const STATE_COLORS: Record<ReviewState, 'default' | 'primary' | 'secondary' | 'info' | 'success' | 'warning' | 'error'> = {
  DRAFT: 'default',
  SUBMITTED: 'info',
  IN_REVIEW: 'primary',
  RETURNED: 'warning',
  PENDING_ITEMS: 'warning',
  APPROVED: 'success',
  REFERRED_OFFLINE: 'secondary',
  WITHDRAWN: 'default',
};

export const PARTNER_STATUS_LABELS: Record<PartnerStatus, string> = {
  OPEN: 'Open',
  PENDING_KP_REVIEW: 'Pending review',
  ACTION_REQUIRED: 'Action required',
  COMPLETED: 'Completed',
};

export const TYPE_LABELS: Record<SubmissionType, string> = {
  NEW_GROUP: 'New group',
  QUOTE: 'Quote',
  REQUOTE: 'Requote',
  RENEWAL: 'Renewal',
  PURCHASE: 'Purchase',
};

export const CHANNEL_LABELS: Record<Channel, string> = { PORTAL: 'Portal', API: 'API', EMAIL: 'Email', OFFLINE: 'Offline' };

export const PAYMENT_LABELS: Record<PaymentMethod, string> = { EFT: 'EFT', CHECK_COPY: 'Check copy' };

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  SIGNED_APPLICATION: 'Signed application',
  EFT_AUTHORIZATION: 'EFT authorization',
  OTHER: 'Other',
};

/** Field paths as the audit trail names them, worded for people. */
export const FIELD_LABELS: Record<string, string> = {
  requestedEffectiveDate: 'Requested effective date',
  paymentMethod: 'Payment method',
  plans: 'Plans',
  type: 'Type',
  region: 'Region',
  'group.name': 'Group name',
  'group.groupId': 'Group ID',
  'group.taxId': 'Tax ID',
  'group.employeeCount': 'Employee count',
  'group.multiMarket': 'Multi-market',
  'group.guaranteedAvailability': 'Guaranteed availability (SEP)',
  'group.address': 'Address',
  state: 'State',
  assigneeId: 'Assignee',
  instructions: 'Instructions',
  pendingItems: 'Pending items',
};

export const groupLabel = (s: Pick<StaffSubmissionRecord, 'group' | 'id'>) => s.group?.name ?? `Submission ${String(s.id).slice(0, 8)}`;
