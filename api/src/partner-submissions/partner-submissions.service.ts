import { createHash } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import {
  type AppAbility,
  asSubject,
  type CensusDetail,
  type CensusSummary,
  DOCUMENT_KINDS,
  type DocumentKind,
  type DocumentSummary,
  type PartnerSubmissionDetail,
  type PartnerSubmissionRecord,
  REGION_NAMES,
  REVIEW_STATES,
  type ReviewState,
  type SessionUser,
} from '@sbo/shared';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditService } from '../audit/audit.service';
import { accessibleSql } from '../authorization/accessible-sql';
import { regionToday } from '../calendar/business-calendar';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../calendar/clock';
import { AppError, forbidden, ruleRefused, versionConflict } from '../common/app-error';
import type { ListResult } from '../common/list-query.dto';
import { validationError } from '../common/validation';
import { NotificationsService } from '../notifications/notifications.service';
import { CensusFileError, type CensusParseResult, parseCensus } from '../submissions/census-parser';
import type { CreateSubmissionDto } from '../submissions/create-submission.dto';
import { detectDocumentType } from '../submissions/document-type';
import { EligibilityService } from '../submissions/eligibility.service';
import { PendingItemsService } from '../submissions/pending-items.service';
import {
  isEditableBySubmitter,
  partnerStatusOf,
  type ReviewEvent,
  resubmitEvent,
} from '../submissions/review-state-machine';
import { submissionAudit } from '../submissions/submission-audit';
import { groupColumns, planSelections } from '../submissions/submission-columns';
import { SubmissionFilesRepository } from '../submissions/submission-files.repository';
import { describeSubmission } from '../submissions/submission-names';
import { toCensusSummary, toDocumentSummary } from '../submissions/submission-record';
import type { Submission } from '../submissions/submission.entity';
import { SUBMISSION_RULE_COLUMNS, SubmissionsRepository } from '../submissions/submissions.repository';
import { SubmissionsService } from '../submissions/submissions.service';
import { transition } from '../submissions/transition';
import { clockOf, resumeClock } from '../submissions/turnaround';
import type { UpdateSubmissionDto } from '../submissions/update-submission.dto';
import type { UploadedFile } from './multipart-upload';
import { toPartnerSubmission, toPartnerSubmissionDetails } from './partner-submission.view';
import type { PartnerSubmissionListQueryDto } from './partner-submission-list-query.dto';

/** Why a partner cannot change the data right now, by state (see isEditableBySubmitter). */
const LOCKED_REASONS: Partial<Record<ReviewState, string>> = {
  SUBMITTED: 'it is pending KP review',
  IN_REVIEW: 'it is pending KP review',
  PENDING_ITEMS:
    'the carrier is waiting on the items named in the instructions; upload those documents, then submit it again',
  APPROVED: 'it is completed',
  REFERRED_OFFLINE: 'it was referred offline; follow the instructions to send it offline',
};

/** Documents may still be added while the carrier waits on pending items. */
const DOCUMENT_STATES: readonly ReviewState[] = ['DRAFT', 'RETURNED', 'PENDING_ITEMS'];

/** Census files are CSV or XLSX; an .xls or a name without an extension is left to the parser to explain. */
const CENSUS_FILE_NAME = /\.(csv|xlsx|xls)$|^[^.]+$/i;
const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What the broker dashboard sorts by. */
const PARTNER_SORTS = ['createdAt', 'updatedAt', 'submittedAt', 'requestedEffectiveDate', 'groupName', 'groupId', 'type'] as const;

/**
 * The partner side of intake: a firm's users create, save, submit, resubmit and cancel their
 * transactions (portal and API channels), with census and documents. Writes that the
 * Idempotency-Key covers take the caller's transaction (`manager`).
 */
@Injectable()
export class PartnerSubmissionsService {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly repository: SubmissionsRepository,
    private readonly files: SubmissionFilesRepository,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly pendingItems: PendingItemsService,
    private readonly eligibility: EligibilityService,
  ) {}

  async list(ability: AppAbility, query: PartnerSubmissionListQueryDto): Promise<ListResult<PartnerSubmissionRecord<Date>>> {
    const { rows, total } = await this.repository.page(
      accessibleSql(ability, 'read', 'Submission', SUBMISSION_RULE_COLUMNS),
      {
        states: query.status && REVIEW_STATES.filter((state) => partnerStatusOf(state) === query.status),
        type: query.type,
        groupIdPrefix: query.groupId,
        search: query.q?.trim() || undefined,
        createdFrom: query.createdFrom,
        createdTo: query.createdTo,
      },
      query,
      { fields: PARTNER_SORTS, default: { field: 'createdAt', order: 'DESC' } },
    );
    return { data: rows.map(toPartnerSubmission), total };
  }

  async get(ability: AppAbility, id: string): Promise<PartnerSubmissionDetail<Date>> {
    const submission = await this.submissions.findVisible(ability, id);
    return this.withDetails(submission);
  }

  async create(
    user: SessionUser,
    ability: AppAbility,
    dto: CreateSubmissionDto,
    manager: EntityManager,
  ): Promise<PartnerSubmissionDetail<Date>> {
    const channel = dto.channel ?? 'PORTAL';
    if (!user.firmId) throw forbidden('Only users of a partner firm create submissions here.');
    if (!ability.can('create', asSubject('Submission', { firmId: user.firmId, channel, region: dto.region }))) {
      throw forbidden(`Partners submit through the PORTAL or API channel; ${channel} submissions are keyed in by the carrier.`);
    }
    const submission = await this.submissions.create(manager, user, {
      fields: dto,
      columns: { firmId: user.firmId, channel, state: 'DRAFT' },
      audit: { action: 'submission.created' },
    });
    return this.withDetails(submission, manager);
  }

  /** A save: only while open or returned, and only from the version the partner read. */
  update(user: SessionUser, ability: AppAbility, id: string, dto: UpdateSubmissionDto): Promise<PartnerSubmissionDetail<Date>> {
    return this.submissions.transaction(async (manager) => {
      const submission = await this.submissions.findVisible(ability, id, manager);
      this.submissions.authorize(ability, 'update', submission);
      this.assertEditable(submission);
      const { version, group, plans, ...fields } = dto;
      if (version !== submission.version) throw versionConflict(submission.version);
      const movesRegionOrType =
        (fields.region !== undefined && fields.region !== submission.region) ||
        (fields.type !== undefined && fields.type !== submission.type);
      if (movesRegionOrType && submission.state !== 'DRAFT') {
        throw validationError([
          { field: fields.region !== undefined ? 'region' : 'type', messages: ['The region and type can be changed only before the first submission.'] },
        ]);
      }
      const changes: QueryDeepPartialEntity<Submission> = {
        ...fields,
        ...groupColumns(group),
        ...(plans === undefined ? {} : { plans: planSelections(plans) }),
      };
      const updated = await this.submissions.updateIfVersion(manager, id, version, changes);
      const changedKeys = Object.keys(changes) as (keyof Submission)[];
      await this.audit.record(
        submissionAudit(user, 'submission.updated', updated, {
          before: Object.fromEntries(changedKeys.map((k) => [k, submission[k]])),
          after: Object.fromEntries(changedKeys.map((k) => [k, updated[k]])),
        }),
        manager,
      );
      return this.withDetails(updated, manager);
    });
  }

  /**
   * Replaces the census with the uploaded spreadsheet: good rows are kept, each bad cell comes
   * back with its row number, column and reason (and makes the submission incomplete).
   */
  async uploadCensus(
    user: SessionUser,
    ability: AppAbility,
    id: string,
    file: UploadedFile,
    manager: EntityManager,
  ): Promise<CensusDetail<Date> & { census: CensusSummary<Date> }> {
    const submission = await this.submissions.findVisible(ability, id, manager, true);
    this.submissions.authorize(ability, 'upload', submission);
    this.assertEditable(submission);
    if (!CENSUS_FILE_NAME.test(file.fileName)) {
      throw new AppError(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'UNSUPPORTED_MEDIA_TYPE',
        'The census must be a CSV or XLSX spreadsheet (employee_id, relationship, first_name, last_name, date_of_birth, gender, zip).',
      );
    }
    let parsed: CensusParseResult;
    try {
      parsed = await parseCensus(file.content, file.fileName, file.mimeType);
    } catch (error) {
      if (error instanceof CensusFileError) throw validationError([{ field: 'file', messages: [error.message] }]);
      throw error;
    }
    const rejectedRows = new Set(parsed.errors.map((e) => e.row)).size;

    const census = await this.files.replaceCensus(
      manager,
      {
      submissionId: id,
      fileName: file.fileName,
      // The parser accepted it, so a zip is an XLSX workbook and anything else CSV text.
      mimeType: file.content.subarray(0, 2).toString('latin1') === 'PK' ? XLSX_MIME_TYPE : 'text/csv',
      sizeBytes: file.content.length,
      content: file.content,
      rowCount: parsed.rowCount,
      acceptedCount: parsed.rows.length,
      rejectedCount: rejectedRows,
      employeeCount: parsed.employeeCount,
      dependentCount: parsed.dependentCount,
      uploadedById: user.id,
      },
      parsed.rows,
      parsed.errors,
    );
    await this.repository.touch(manager, id);
    await this.audit.record(
      submissionAudit(user, 'submission.census_uploaded', submission, {
        after: { fileName: census.fileName, rowCount: census.rowCount, acceptedCount: census.acceptedCount, rejectedCount: rejectedRows },
      }),
      manager,
    );
    return { census: toCensusSummary(census), rows: parsed.rows, errors: parsed.errors };
  }

  async uploadDocument(
    user: SessionUser,
    ability: AppAbility,
    id: string,
    upload: { file: UploadedFile; fields: Record<string, string> },
    manager: EntityManager,
  ): Promise<DocumentSummary<Date>> {
    const kind = upload.fields.kind as DocumentKind;
    if (!DOCUMENT_KINDS.includes(kind)) {
      throw validationError([{ field: 'kind', messages: [`kind must be one of ${DOCUMENT_KINDS.join(', ')}`] }]);
    }
    const submission = await this.submissions.findVisible(ability, id, manager, true);
    this.submissions.authorize(ability, 'upload', submission);
    if (!DOCUMENT_STATES.includes(submission.state)) {
      throw ruleRefused(
        'INVALID_TRANSITION',
        `Documents cannot be added to this submission: ${LOCKED_REASONS[submission.state] ?? 'it was withdrawn'}.`,
      );
    }
    const mimeType = detectDocumentType(upload.file.content);
    if (!mimeType) {
      throw new AppError(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'UNSUPPORTED_MEDIA_TYPE',
        'Documents must be PDF, PNG or JPEG files. Scan or save the form as one of those and upload it again.',
      );
    }
    const document = await this.files.insertDocument(manager, {
      submissionId: id,
      kind,
      fileName: upload.file.fileName,
      mimeType,
      sizeBytes: upload.file.content.length,
      sha256: createHash('sha256').update(upload.file.content).digest('hex'),
      content: upload.file.content,
      uploadedById: user.id,
    });
    await this.repository.touch(manager, id);
    await this.audit.record(
      submissionAudit(user, 'submission.document_uploaded', submission, {
        after: { documentId: document.id, kind, fileName: document.fileName, sizeBytes: document.sizeBytes },
      }),
      manager,
    );
    // A document the carrier asked for clears its pending item (and the last one resumes the review).
    await this.pendingItems.documentArrived(user, submission, document, manager);
    return toDocumentSummary(document);
  }

  /**
   * Submits an open transaction, or resubmits one the carrier sent back. Refusals come in the
   * order of docs/product.md, "Intake rules" (eligibility rules, then completeness) and change nothing.
   */
  async submit(user: SessionUser, ability: AppAbility, id: string, manager: EntityManager): Promise<PartnerSubmissionDetail<Date>> {
    const submission = await this.submissions.findVisible(ability, id, manager, true);
    this.submissions.authorize(ability, 'submit', submission);
    const resubmission = submission.state === 'RETURNED' || submission.state === 'PENDING_ITEMS';
    const event: ReviewEvent = resubmission
      ? resubmitEvent(await this.submissions.isActiveReviewer(manager, submission.lastReviewerId, submission.region))
      : 'submit';
    const target = transition(submission.state, event);

    const calendar = await this.calendar.calendarFor(submission.region);
    const today = this.calendar.today(submission.region);
    await this.assertEligible(submission, today);
    const { problems } = await this.submissions.details(submission, manager);
    if (problems.length) {
      throw ruleRefused(
        'INCOMPLETE_SUBMISSION',
        `This submission is not complete yet, so it was not submitted (your saved work is kept): ${problems.map((p) => p.message).join(' ')}`,
        { problems },
      );
    }

    const now = this.clock.now();
    const completeSubmittedAt = submission.completeSubmittedAt ?? now;
    // Days spent waiting on the submitter join the paused ones; the due date moves out by as many.
    const clock = resumeClock(
      { ...clockOf(submission), completeSubmittedDate: regionToday(submission.region, completeSubmittedAt) },
      today,
      calendar,
    );
    const updated = await this.submissions.updateIfVersion(manager, id, submission.version, {
      state: target,
      submittedById: user.id,
      submittedAt: submission.submittedAt ?? now,
      completeSubmittedAt,
      ...clock,
      assigneeId: target === 'IN_REVIEW' ? submission.lastReviewerId : null,
      // Answered: what the carrier asked for no longer applies.
      instructions: null,
      pendingItems: [],
    });
    await this.audit.record(
      submissionAudit(user, resubmission ? 'submission.resubmitted' : 'submission.submitted', updated, {
        before: { state: submission.state, assigneeId: submission.assigneeId },
        after: { state: updated.state, assigneeId: updated.assigneeId, dueDate: updated.dueDate, pausedBusinessDays: clock.pausedBusinessDays },
      }),
      manager,
    );
    await this.notifications.enqueue(
      await this.confirmationEmail(user, updated, resubmission),
      manager,
    );
    return this.withDetails(updated, manager);
  }

  /** Withdraws the transaction; it leaves the partner's list. */
  async cancel(user: SessionUser, ability: AppAbility, id: string, manager: EntityManager): Promise<PartnerSubmissionRecord<Date>> {
    const submission = await this.submissions.findVisible(ability, id, manager, true);
    this.submissions.authorize(ability, 'cancel', submission);
    const target = transition(submission.state, 'cancel');
    const updated = await this.submissions.updateIfVersion(manager, id, submission.version, { state: target });
    await this.audit.record(
      submissionAudit(user, 'submission.withdrawn', updated, { before: { state: submission.state }, after: { state: updated.state } }),
      manager,
    );
    return toPartnerSubmission(updated);
  }

  private async withDetails(submission: Submission, manager?: EntityManager): Promise<PartnerSubmissionDetail<Date>> {
    return toPartnerSubmissionDetails(submission, await this.submissions.details(submission, manager));
  }

  private assertEditable(submission: Submission): void {
    if (isEditableBySubmitter(submission.state)) return;
    throw ruleRefused(
      'INVALID_TRANSITION',
      `This submission cannot be changed now: ${LOCKED_REASONS[submission.state] ?? 'it was withdrawn'}. ` +
        'Partners change a submission only while it is open or returned to them for corrections.',
    );
  }

  /**
   * The portal and API intake rules. The timing rules (SEP window, late cutoff) are judged on the
   * day the submission first reached the carrier: answering a return is not a late submission.
   */
  /** A resubmission is judged on the day it first arrived: answering a return is never late. */
  private async assertEligible(submission: Submission, today: string): Promise<void> {
    const violation = await this.eligibility.violation(
      {
        type: submission.type,
        region: submission.region,
        paymentMethod: submission.paymentMethod,
        group: { multiMarket: submission.groupMultiMarket, guaranteedAvailability: submission.groupGuaranteedAvailability },
        requestedEffectiveDate: submission.requestedEffectiveDate,
      },
      submission.submittedAt ? regionToday(submission.region, submission.submittedAt) : today,
    );
    if (violation) throw ruleRefused(violation.code, violation.message);
  }

  private async confirmationEmail(user: SessionUser, s: Submission, resubmission: boolean) {
    const what = describeSubmission(s);
    const contact = await this.eligibility.enrollmentContact(s.region);
    return {
      to: user.email,
      subject: `${resubmission ? 'Resubmission' : 'Submission'} received: ${what}`,
      template: resubmission ? 'submission.resubmitted' : 'submission.submitted',
      entityType: 'Submission',
      entityId: s.id,
      body: [
        `Hello ${user.name},`,
        '',
        `We received your ${resubmission ? 'resubmitted ' : ''}${what} (${REGION_NAMES[s.region]}), requested effective ${s.requestedEffectiveDate}.`,
        `Reference: ${s.reference}`,
        ...(s.state === 'IN_REVIEW' ? ['It went straight back to the representative who reviewed it.'] : []),
        `Complete submissions are usually approved within 1 to 3 business days; we aim to finish this one by ${s.dueDate}.`,
        'You can follow its status on your dashboard.',
        ...(contact ? [`Questions about this enrollment: ${contact}.`] : []),
      ].join('\n'),
    };
  }
}
