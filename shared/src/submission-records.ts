import type { Region, UsState } from './regions';
import type {
  CensusRelationship,
  Channel,
  DocumentKind,
  PartnerStatus,
  PaymentMethod,
  PlanTier,
  ReviewState,
  SubmissionType,
} from './submissions';

/*
 * Submission records as the API returns them (docs/api.md, "Routes"). `T` is how times are
 * typed, as in firms.ts: `Date` where the API builds the record, an ISO 8601 string (the default)
 * once it has travelled as JSON. Calendar dates (YYYY-MM-DD) are strings on both sides.
 */

export interface GroupAddress {
  line1: string;
  line2?: string | null;
  city: string;
  state: UsState;
  zip: string;
}

export interface PlanSelection {
  planCode: string;
  tier: PlanTier;
}

/** A document the carrier asked the submitter for; it clears itself when a document of that kind arrives. */
export interface PendingItem {
  kind: DocumentKind;
  description: string;
  /** When the matching document arrived (ISO 8601, kept as text); null while still outstanding. */
  receivedAt: string | null;
  documentId: string | null;
}

/** The employer group, nested in the submission record. */
export interface SubmissionGroup {
  name: string | null;
  groupId: string | null;
  taxId: string | null;
  employeeCount: number | null;
  multiMarket: boolean;
  guaranteedAvailability: boolean;
  address: GroupAddress | null;
}

/** The fields both partners and staff read back. */
export interface SubmissionRecord<T = string> {
  id: string;
  /**
   * The transaction's short number, as people read it out and emails name it: `T-` and at least seven
   * digits (`T-1000001`), given once at creation and never reused. Searchable in both lists.
   */
  reference: string;
  version: number;
  type: SubmissionType;
  channel: Channel;
  region: Region;
  /** YYYY-MM-DD */
  requestedEffectiveDate: string | null;
  paymentMethod: PaymentMethod | null;
  group: SubmissionGroup;
  plans: PlanSelection[];
  instructions: string | null;
  createdAt: T;
  updatedAt: T;
  submittedAt: T | null;
}

export interface CensusSummary<T = string> {
  fileName: string;
  sizeBytes: number;
  rowCount: number;
  acceptedCount: number;
  rejectedCount: number;
  employeeCount: number;
  dependentCount: number;
  uploadedAt: T;
}

export interface DocumentSummary<T = string> {
  id: string;
  kind: DocumentKind;
  /** The name it downloads under (the console saves it so): the uploader's, with the detected type's extension. */
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  uploadedAt: T;
  /** Where to download it (any user who may read the submission). */
  url: string;
}

/** Something still missing before the submission is complete, by the field it belongs to. */
export interface SubmissionProblem<C extends string = string> {
  code: C;
  /** The field the problem belongs to, for showing it beside the input. */
  field: string;
  message: string;
}

/** What hangs off a submission: census summary, documents and what is still missing. */
export interface SubmissionDetails<T = string> {
  census: CensusSummary<T> | null;
  documents: DocumentSummary<T>[];
  problems: SubmissionProblem[];
}

/** The record as the broker dashboard shows it: the dashboard status, never the carrier's internal state. */
export interface PartnerSubmissionRecord<T = string> extends SubmissionRecord<T> {
  /** Null only once withdrawn (then gone from the partner's list). */
  partnerStatus: PartnerStatus | null;
  /**
   * What the carrier asked for (ACTION_REQUIRED after a request for items): each clears itself when
   * the partner uploads a document of its kind. Empty otherwise.
   */
  pendingItems: PendingItem[];
}

/** `GET /api/partner/submissions/:id`. */
export type PartnerSubmissionDetail<T = string> = PartnerSubmissionRecord<T> & SubmissionDetails<T>;

export interface StaffMember {
  id: string;
  name: string;
  email: string;
}

/** A row of `GET /api/submissions`, a queue claim and the answer of every review action. */
export interface StaffSubmissionRecord<T = string> extends SubmissionRecord<T> {
  firmId: string | null;
  state: ReviewState;
  /** What the partner sees for this state. */
  partnerStatus: PartnerStatus | null;
  assignee: StaffMember | null;
  /** The assignee's id again, flat, so CASL checks the record as it is ("reps act on what they hold"). */
  assigneeId: string | null;
  /** Last business day approval meets the target (YYYY-MM-DD, region calendar); moves out while waiting on the submitter. */
  dueAt: string | null;
  /** Business days the carrier has held it, waits on the submitter left out; frozen once decided. */
  ageBusinessDays: number | null;
  /** Region business days until `dueAt`: 0 due today, negative once past; null once decided. */
  businessDaysLeft: number | null;
  pendingItems: PendingItem[];
  decidedAt: T | null;
  bypassReason: string | null;
}

/** The review actions a record screen offers: allowed by its state and by the caller's rules. */
export const REVIEW_ACTIONS = ['claim', 'release', 'assign', 'correct', 'return', 'requestItems', 'approve', 'referOffline'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** One line of the append-only audit trail: who did what to which record, when, before and after, and why. */
export interface AuditEventRecord<T = string> {
  /** A bigint, as text. */
  id: string;
  occurredAt: T;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  region: string | null;
  firmId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
}

/** `GET /api/submissions/:id`: the staff record plus what hangs off it, its history and the actions open to the caller. */
export interface StaffSubmissionDetail<T = string> extends StaffSubmissionRecord<T>, SubmissionDetails<T> {
  history: AuditEventRecord<T>[];
  availableActions: ReviewAction[];
}

/** The census sheet's columns, in their order. */
export const CENSUS_COLUMNS = ['employee_id', 'relationship', 'first_name', 'last_name', 'date_of_birth', 'gender', 'zip'] as const;
export type CensusColumn = (typeof CENSUS_COLUMNS)[number];

export const CENSUS_GENDERS = ['M', 'F', 'X'] as const;
export type CensusGender = (typeof CENSUS_GENDERS)[number];

/** A census member (employee or dependent) the upload kept. */
export interface CensusMember {
  /** Row number as the spreadsheet shows it (the header is row 1 when it is the first row). */
  rowNumber: number;
  employeeId: string;
  relationship: CensusRelationship;
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  gender: CensusGender;
  zip: string;
}

/** One bad cell of a row the upload did not keep. */
export interface CensusRowError {
  row: number;
  column: CensusColumn;
  message: string;
}

/** `GET /api/submissions/:id/census` and `GET /api/partner/submissions/:id/census`: the summary, the members kept and the errors of the rows that were not. */
export interface CensusDetail<T = string> {
  census: CensusSummary<T> | null;
  rows: CensusMember[];
  errors: CensusRowError[];
}
