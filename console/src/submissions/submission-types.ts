import type {
  Channel,
  DocumentKind,
  PartnerStatus,
  PaymentMethod,
  PlanTier,
  Region,
  ReviewState,
  SubmissionType,
} from '@sbo/shared';

export interface StaffMember {
  id: string;
  name: string;
  email: string;
}

export interface GroupAddress {
  line1: string;
  city: string;
  state: string;
  zip: string;
}

export interface SubmissionGroup {
  name: string | null;
  groupId: string | null;
  taxId: string | null;
  employeeCount: number | null;
  multiMarket: boolean;
  guaranteedAvailability: boolean;
  address: GroupAddress | null;
}

export interface PendingItem {
  kind: DocumentKind;
  description: string;
  receivedAt: string | null;
  documentId: string | null;
}

/** A row of `GET /api/submissions` and the answer of every review action. */
export interface StaffSubmission {
  id: string;
  version: number;
  type: SubmissionType;
  channel: Channel;
  region: Region;
  requestedEffectiveDate: string | null;
  paymentMethod: PaymentMethod | null;
  group: SubmissionGroup;
  plans: { planCode: string; tier: PlanTier }[];
  instructions: string | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  firmId: string | null;
  state: ReviewState;
  partnerStatus: PartnerStatus | null;
  assignee: StaffMember | null;
  assigneeId: string | null;
  dueAt: string | null;
  ageBusinessDays: number | null;
  /** Region business days until `dueAt` (0 due today, negative once past), from the API's holiday calendar. */
  businessDaysLeft: number | null;
  pendingItems: PendingItem[];
  decidedAt: string | null;
  bypassReason: string | null;
}

export interface CensusSummary {
  fileName: string;
  sizeBytes: number;
  rowCount: number;
  acceptedCount: number;
  rejectedCount: number;
  employeeCount: number;
  dependentCount: number;
  uploadedAt: string;
}

export interface SubmissionDocument {
  id: string;
  kind: DocumentKind;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  uploadedAt: string;
  url: string;
}

export interface Problem {
  code?: string;
  field?: string;
  message: string;
}

export interface AuditEvent {
  id: string | number;
  occurredAt: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  region: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
}

export const REVIEW_ACTIONS = ['claim', 'release', 'assign', 'correct', 'return', 'requestItems', 'approve', 'referOffline'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** `GET /api/submissions/:id`: the row plus what hangs off it. */
export interface SubmissionDetail extends StaffSubmission {
  census: CensusSummary | null;
  documents: SubmissionDocument[];
  problems: (Problem | string)[];
  history: AuditEvent[];
  availableActions: ReviewAction[];
}

export interface CensusMember {
  rowNumber: number;
  employeeId: string;
  relationship: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  gender: string;
  zip: string;
  [key: string]: unknown;
}

export interface CensusDetail {
  census: CensusSummary | null;
  rows: CensusMember[];
  errors: { row: number; column: string; message: string }[];
}

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

/** States still open with the carrier or the submitter (the working queue). */
export const OPEN_STATES: ReviewState[] = ['SUBMITTED', 'IN_REVIEW', 'RETURNED', 'PENDING_ITEMS'];

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

export const groupLabel = (s: Pick<StaffSubmission, 'group' | 'id'>) => s.group?.name ?? `Submission ${String(s.id).slice(0, 8)}`;
