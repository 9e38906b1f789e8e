import { createHash } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type AppAbility,
  asSubject,
  DOCUMENT_KINDS,
  type DocumentKind,
  REGION_NAMES,
  REVIEW_STATES,
  type ReviewState,
  type SessionUser,
  type SubmissionType,
} from '@sbo/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditService } from '../audit/audit.service';
import { accessibleSql } from '../authorization/accessible-sql';
import { regionToday } from '../calendar/business-calendar';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../calendar/clock';
import { AppError, forbidden, ruleRefused, versionConflict } from '../common/app-error';
import { applyListQuery, type ListResult } from '../common/list-query.dto';
import { validationError } from '../common/validation';
import { NotificationsService } from '../notifications/notifications.service';
import {
  InvalidTransitionError,
  isEditableBySubmitter,
  nextState,
  partnerStatusOf,
  type ReviewEvent,
  resubmitEvent,
} from '../submissions/review-state-machine';
import { PendingItemsService } from '../submissions/pending-items.service';
import { resumeClock } from '../submissions/turnaround';
import { Census } from '../submissions/census.entity';
import { SubmissionDocument } from '../submissions/submission-document.entity';
import { Submission } from '../submissions/submission.entity';
import { type CensusSummary, type DocumentSummary, toCensusSummary, toDocumentSummary } from '../submissions/submission-record';
import { SUBMISSION_RULE_COLUMNS, SubmissionsService } from '../submissions/submissions.service';
import { CensusFileError, type CensusParseResult, parseCensus } from '../submissions/census-parser';
import type { CreateSubmissionDto } from '../submissions/create-submission.dto';
import { detectDocumentType } from '../submissions/document-type';
import type { UploadedFile } from './multipart-upload';
import {
  type PartnerSubmission,
  type PartnerSubmissionDetails,
  toPartnerSubmission,
  toPartnerSubmissionDetails,
} from './partner-submission.view';
import type { PartnerSubmissionListQueryDto } from './partner-submission-list-query.dto';
import type { SubmissionGroupDto } from '../submissions/submission-group.dto';
import type { UpdateSubmissionDto } from '../submissions/update-submission.dto';
import { EligibilityService } from '../submissions/eligibility.service';

const TYPE_NAMES: Record<SubmissionType, string> = {
  NEW_GROUP: 'new group enrollment',
  QUOTE: 'quote',
  REQUOTE: 'requote',
  RENEWAL: 'renewal',
  PURCHASE: 'purchase',
};

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

const PARTNER_SORTABLE = {
  createdAt: 's.created_at',
  updatedAt: 's.updated_at',
  submittedAt: 's.submitted_at',
  requestedEffectiveDate: 's.requested_effective_date',
  groupName: 's.group_name',
  groupId: 's.group_id',
  type: 's.type',
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The submission columns a partner's group fields map to; fields not sent are left as they are. */
function groupChanges(group: SubmissionGroupDto | undefined): QueryDeepPartialEntity<Submission> {
  if (!group) return {};
  const changes: QueryDeepPartialEntity<Submission> = {};
  if (group.name !== undefined) changes.groupName = group.name;
  if (group.groupId !== undefined) changes.groupId = group.groupId;
  if (group.taxId !== undefined) changes.groupTaxId = group.taxId;
  if (group.employeeCount !== undefined) changes.groupEmployeeCount = group.employeeCount;
  if (group.multiMarket !== undefined) changes.groupMultiMarket = group.multiMarket;
  if (group.guaranteedAvailability !== undefined) changes.groupGuaranteedAvailability = group.guaranteedAvailability;
  if (group.address !== undefined) changes.groupAddress = group.address && { ...group.address };
  return changes;
}

export interface CensusUploadResult {
  census: CensusSummary;
  rows: CensusParseResult['rows'];
  errors: CensusParseResult['errors'];
}

/**
 * The partner side of intake: a firm's users create, save, submit, resubmit and cancel their
 * transactions (portal and API channels), with census and documents. Writes that the
 * Idempotency-Key covers take the caller's transaction (`manager`).
 */
@Injectable()
export class PartnerSubmissionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly submissions: SubmissionsService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly pendingItems: PendingItemsService,
    private readonly eligibility: EligibilityService,
  ) {}

  async list(ability: AppAbility, query: PartnerSubmissionListQueryDto): Promise<ListResult<PartnerSubmission>> {
    const visible = accessibleSql(ability, 'read', 'Submission', SUBMISSION_RULE_COLUMNS);
    const qb = this.dataSource.getRepository(Submission).createQueryBuilder('s').where(visible.sql, visible.params);
    if (query.status) {
      const states = REVIEW_STATES.filter((state) => partnerStatusOf(state) === query.status);
      qb.andWhere('s.state IN (:...states)', { states });
    }
    if (query.type) qb.andWhere('s.type = :type', { type: query.type });
    if (query.groupId) {
      qb.andWhere(`lower(s.group_id) LIKE :groupId`, { groupId: `${escapeLike(query.groupId.toLowerCase())}%` });
    }
    // Created dates are UTC calendar days, both ends included.
    if (query.createdFrom) {
      qb.andWhere(`s.created_at >= (CAST(:createdFrom AS date) AT TIME ZONE 'UTC')`, { createdFrom: query.createdFrom });
    }
    if (query.createdTo) {
      qb.andWhere(`s.created_at < ((CAST(:createdTo AS date) + 1) AT TIME ZONE 'UTC')`, { createdTo: query.createdTo });
    }
    applyListQuery(qb, query, PARTNER_SORTABLE, { field: 'createdAt', order: 'DESC' });
    const [rows, total] = await qb.getManyAndCount();
    return { data: rows.map(toPartnerSubmission), total };
  }

  async get(ability: AppAbility, id: string): Promise<PartnerSubmissionDetails> {
    const submission = await this.submissions.findVisible(ability, id);
    return this.withDetails(submission);
  }

  async create(
    user: SessionUser,
    ability: AppAbility,
    dto: CreateSubmissionDto,
    manager: EntityManager,
  ): Promise<PartnerSubmissionDetails> {
    const channel = dto.channel ?? 'PORTAL';
    if (!user.firmId) throw forbidden('Only users of a partner firm create submissions here.');
    if (!ability.can('create', asSubject('Submission', { firmId: user.firmId, channel, region: dto.region }))) {
      throw forbidden(`Partners submit through the PORTAL or API channel; ${channel} submissions are keyed in by the carrier.`);
    }
    const values: QueryDeepPartialEntity<Submission> = {
      version: 1,
      firmId: user.firmId,
      createdById: user.id,
      type: dto.type,
      channel,
      region: dto.region,
      state: 'DRAFT',
      requestedEffectiveDate: dto.requestedEffectiveDate ?? null,
      paymentMethod: dto.paymentMethod ?? null,
      groupMultiMarket: false,
      groupGuaranteedAvailability: false,
      ...groupChanges(dto.group),
      plans: (dto.plans ?? []).map((p) => ({ planCode: p.planCode, tier: p.tier })),
      pendingItems: [],
      pausedBusinessDays: 0,
    };
    const { identifiers } = await manager.insert(Submission, values);
    const submission = await manager.findOneByOrFail(Submission, { id: identifiers[0].id as string });
    await this.audit.record(
      {
        actor: user,
        action: 'submission.created',
        entityType: 'Submission',
        entityId: submission.id,
        region: submission.region,
        firmId: submission.firmId,
        after: { type: submission.type, channel, region: submission.region, state: submission.state },
      },
      manager,
    );
    return this.withDetails(submission, manager);
  }

  /** A save: only while open or returned, and only from the version the partner read. */
  update(user: SessionUser, ability: AppAbility, id: string, dto: UpdateSubmissionDto): Promise<PartnerSubmissionDetails> {
    return this.dataSource.transaction(async (manager) => {
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
        ...groupChanges(group),
        ...(plans === undefined ? {} : { plans: plans.map((p) => ({ planCode: p.planCode, tier: p.tier })) }),
      };
      const updated = await this.submissions.updateIfVersion(manager, id, version, changes);
      const changedKeys = Object.keys(changes) as (keyof Submission)[];
      await this.audit.record(
        {
          actor: user,
          action: 'submission.updated',
          entityType: 'Submission',
          entityId: id,
          region: updated.region,
          firmId: updated.firmId,
          before: Object.fromEntries(changedKeys.map((k) => [k, submission[k]])),
          after: Object.fromEntries(changedKeys.map((k) => [k, updated[k]])),
        },
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
  ): Promise<CensusUploadResult> {
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

    await manager.delete(Census, { submissionId: id });
    await manager.insert(Census, {
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
    });
    // One statement per table whatever the size of the census (up to 10,000 rows).
    const rows = parsed.rows;
    await manager.query(
      `INSERT INTO census_row (submission_id, row_number, employee_id, relationship, first_name, last_name, date_of_birth, gender, zip)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::text[], $9::text[])`,
      [
        id,
        rows.map((r) => r.rowNumber),
        rows.map((r) => r.employeeId),
        rows.map((r) => r.relationship),
        rows.map((r) => r.firstName),
        rows.map((r) => r.lastName),
        rows.map((r) => r.dateOfBirth),
        rows.map((r) => r.gender),
        rows.map((r) => r.zip),
      ],
    );
    await manager.query(
      `INSERT INTO census_row_error (submission_id, row_number, column_name, message)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[])`,
      [id, parsed.errors.map((e) => e.row), parsed.errors.map((e) => e.column), parsed.errors.map((e) => e.message)],
    );
    await manager.update(Submission, { id }, { updatedAt: () => 'now()' });
    const census = await manager.findOneByOrFail(Census, { submissionId: id });
    await this.audit.record(
      {
        actor: user,
        action: 'submission.census_uploaded',
        entityType: 'Submission',
        entityId: id,
        region: submission.region,
        firmId: submission.firmId,
        after: { fileName: census.fileName, rowCount: census.rowCount, acceptedCount: census.acceptedCount, rejectedCount: rejectedRows },
      },
      manager,
    );
    return { census: toCensusSummary(census), rows: parsed.rows, errors: parsed.errors };
  }

  async censusOf(ability: AppAbility, id: string) {
    const submission = await this.submissions.findVisible(ability, id);
    const census = await this.dataSource.manager.findOneBy(Census, { submissionId: submission.id });
    return { census: census && toCensusSummary(census), ...(await this.submissions.censusOf(submission.id)) };
  }

  async uploadDocument(
    user: SessionUser,
    ability: AppAbility,
    id: string,
    upload: { file: UploadedFile; fields: Record<string, string> },
    manager: EntityManager,
  ): Promise<DocumentSummary> {
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
    const { identifiers } = await manager.insert(SubmissionDocument, {
      submissionId: id,
      kind,
      fileName: upload.file.fileName,
      mimeType,
      sizeBytes: upload.file.content.length,
      sha256: createHash('sha256').update(upload.file.content).digest('hex'),
      content: upload.file.content,
      uploadedById: user.id,
    });
    await manager.update(Submission, { id }, { updatedAt: () => 'now()' });
    const document = await manager.findOneByOrFail(SubmissionDocument, { id: identifiers[0].id as string });
    await this.audit.record(
      {
        actor: user,
        action: 'submission.document_uploaded',
        entityType: 'Submission',
        entityId: id,
        region: submission.region,
        firmId: submission.firmId,
        after: { documentId: document.id, kind, fileName: document.fileName, sizeBytes: document.sizeBytes },
      },
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
  async submit(user: SessionUser, ability: AppAbility, id: string, manager: EntityManager): Promise<PartnerSubmissionDetails> {
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
      {
        completeSubmittedDate: regionToday(submission.region, completeSubmittedAt),
        pausedBusinessDays: submission.pausedBusinessDays,
        waitingSince: submission.waitingSince,
      },
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
      {
        actor: user,
        action: resubmission ? 'submission.resubmitted' : 'submission.submitted',
        entityType: 'Submission',
        entityId: id,
        region: updated.region,
        firmId: updated.firmId,
        before: { state: submission.state, assigneeId: submission.assigneeId },
        after: { state: updated.state, assigneeId: updated.assigneeId, dueDate: updated.dueDate, pausedBusinessDays: clock.pausedBusinessDays },
      },
      manager,
    );
    await this.notifications.enqueue(
      await this.confirmationEmail(manager, user, updated, resubmission),
      manager,
    );
    return this.withDetails(updated, manager);
  }

  /** Withdraws the transaction; it leaves the partner's list. */
  async cancel(user: SessionUser, ability: AppAbility, id: string, manager: EntityManager): Promise<PartnerSubmission> {
    const submission = await this.submissions.findVisible(ability, id, manager, true);
    this.submissions.authorize(ability, 'cancel', submission);
    const target = transition(submission.state, 'cancel');
    const updated = await this.submissions.updateIfVersion(manager, id, submission.version, { state: target });
    await this.audit.record(
      {
        actor: user,
        action: 'submission.withdrawn',
        entityType: 'Submission',
        entityId: id,
        region: updated.region,
        firmId: updated.firmId,
        before: { state: submission.state },
        after: { state: updated.state },
      },
      manager,
    );
    return toPartnerSubmission(updated);
  }

  private async withDetails(submission: Submission, manager?: EntityManager): Promise<PartnerSubmissionDetails> {
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

  private async confirmationEmail(manager: EntityManager, user: SessionUser, s: Submission, resubmission: boolean) {
    const what = `${TYPE_NAMES[s.type]} for ${s.groupName ?? 'your group'}`;
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
        `Reference: ${s.id}`,
        ...(s.state === 'IN_REVIEW' ? ['It went straight back to the representative who reviewed it.'] : []),
        `Complete submissions are usually approved within 1 to 3 business days; we aim to finish this one by ${s.dueDate}.`,
        'You can follow its status on your dashboard.',
        ...(contact ? [`Questions about this enrollment: ${contact}.`] : []),
      ].join('\n'),
    };
  }
}

function transition(state: ReviewState, event: ReviewEvent): ReviewState {
  try {
    return nextState(state, event);
  } catch (error) {
    if (error instanceof InvalidTransitionError) throw ruleRefused('INVALID_TRANSITION', error.message);
    throw error;
  }
}
