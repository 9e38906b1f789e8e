import type { AuditActor, AuditEntry } from '../audit/audit.service';
import type { Submission } from './submission.entity';

/** An audit event on a submission, filed under its region and firm so both sides' trails find it. */
export const submissionAudit = (
  actor: AuditActor,
  action: string,
  s: Pick<Submission, 'id' | 'region' | 'firmId'>,
  change: Pick<AuditEntry, 'before' | 'after' | 'reason'> = {},
): AuditEntry => ({ actor, action, entityType: 'Submission', entityId: s.id, region: s.region, firmId: s.firmId, ...change });
