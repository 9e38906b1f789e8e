import type { CensusSummary, DocumentSummary, SubmissionGroup, SubmissionRecord } from '@sbo/shared';
import { downloadName } from './document-type';
import type { Census } from './census.entity';
import type { SubmissionDocument } from './submission-document.entity';
import type { Submission } from './submission.entity';

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

export function toSubmissionRecord(s: Submission): SubmissionRecord<Date> {
  return {
    id: s.id,
    reference: s.reference,
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

export const toCensusSummary = (c: Census): CensusSummary<Date> => ({
  fileName: c.fileName,
  sizeBytes: c.sizeBytes,
  rowCount: c.rowCount,
  acceptedCount: c.acceptedCount,
  rejectedCount: c.rejectedCount,
  employeeCount: c.employeeCount,
  dependentCount: c.dependentCount,
  uploadedAt: c.uploadedAt,
});

export const toDocumentSummary = (d: SubmissionDocument): DocumentSummary<Date> => ({
  id: d.id,
  kind: d.kind,
  fileName: downloadName(d.fileName, d.mimeType),
  mimeType: d.mimeType,
  sizeBytes: d.sizeBytes,
  uploadedAt: d.uploadedAt,
  url: `/api/documents/${d.id}`,
});
