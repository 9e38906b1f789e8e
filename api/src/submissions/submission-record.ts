import type { DocumentKind } from '@sbo/shared';
import { downloadName } from './document-type';
import type { CompletenessProblem } from './intake-rules';
import type { Census } from './census.entity';
import type { SubmissionDocument } from './submission-document.entity';
import type { GroupAddress, PlanSelection, Submission } from './submission.entity';

/** The employer group as the submission record nests it (docs/api.md). */
export interface SubmissionGroup {
  name: string | null;
  groupId: string | null;
  taxId: string | null;
  employeeCount: number | null;
  multiMarket: boolean;
  guaranteedAvailability: boolean;
  address: GroupAddress | null;
}

/** The fields both partners and staff read back (docs/api.md, "Routes"). */
export interface SubmissionRecord {
  id: string;
  version: number;
  type: Submission['type'];
  channel: Submission['channel'];
  region: Submission['region'];
  requestedEffectiveDate: string | null;
  paymentMethod: Submission['paymentMethod'];
  group: SubmissionGroup;
  plans: PlanSelection[];
  instructions: string | null;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
}

export function groupOf(s: Submission): SubmissionGroup {
  return {
    name: s.groupName,
    groupId: s.groupId,
    taxId: s.groupTaxId,
    employeeCount: s.groupEmployeeCount,
    multiMarket: s.groupMultiMarket,
    guaranteedAvailability: s.groupGuaranteedAvailability,
    address: s.groupAddress,
  };
}

export function toSubmissionRecord(s: Submission): SubmissionRecord {
  return {
    id: s.id,
    version: s.version,
    type: s.type,
    channel: s.channel,
    region: s.region,
    requestedEffectiveDate: s.requestedEffectiveDate,
    paymentMethod: s.paymentMethod,
    group: groupOf(s),
    plans: s.plans,
    instructions: s.instructions,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    submittedAt: s.submittedAt,
  };
}

export interface CensusSummary {
  fileName: string;
  sizeBytes: number;
  rowCount: number;
  acceptedCount: number;
  rejectedCount: number;
  employeeCount: number;
  dependentCount: number;
  uploadedAt: Date;
}

export const toCensusSummary = (c: Census): CensusSummary => ({
  fileName: c.fileName,
  sizeBytes: c.sizeBytes,
  rowCount: c.rowCount,
  acceptedCount: c.acceptedCount,
  rejectedCount: c.rejectedCount,
  employeeCount: c.employeeCount,
  dependentCount: c.dependentCount,
  uploadedAt: c.uploadedAt,
});

export interface DocumentSummary {
  id: string;
  kind: DocumentKind;
  /** The name it downloads under (the console saves it so): the uploader's, with the detected type's extension. */
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  uploadedAt: Date;
  /** Where to download it (any user who may read the submission). */
  url: string;
}

export const toDocumentSummary = (d: SubmissionDocument): DocumentSummary => ({
  id: d.id,
  kind: d.kind,
  fileName: downloadName(d.fileName, d.mimeType),
  mimeType: d.mimeType,
  sizeBytes: d.sizeBytes,
  uploadedAt: d.uploadedAt,
  url: `/api/documents/${d.id}`,
});

/** A submission with what hangs off it: census summary, documents and what is still missing. */
export interface SubmissionDetails {
  census: CensusSummary | null;
  documents: DocumentSummary[];
  problems: CompletenessProblem[];
}
