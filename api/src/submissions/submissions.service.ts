import { Injectable } from '@nestjs/common';
import {
  type Action,
  type AppAbility,
  asSubject,
  CENSUS_COLUMNS,
  type CensusColumn,
  type CensusDetail,
  type Region,
  type SessionUser,
  type SubmissionDetails,
} from '@sbo/shared';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AccountsService } from '../accounts/accounts.service';
import { AuditService } from '../audit/audit.service';
import { forbidden, notFound, versionConflict } from '../common/app-error';
import type { CreateSubmissionDto } from './create-submission.dto';
import { completenessProblems } from './intake-rules';
import { submissionAudit } from './submission-audit';
import { groupColumns, planSelections } from './submission-columns';
import type { SubmissionDocument } from './submission-document.entity';
import { SubmissionFilesRepository } from './submission-files.repository';
import type { Submission } from './submission.entity';
import { toCensusSummary, toDocumentSummary } from './submission-record';
import { SubmissionsRepository } from './submissions.repository';

/** The record as CASL checks it: only the fields the rules look at. */
export const submissionSubject = (s: Submission) =>
  asSubject('Submission', {
    id: s.id,
    region: s.region,
    state: s.state,
    firmId: s.firmId,
    channel: s.channel,
    assigneeId: s.assigneeId,
  });

/** A new submission: the fields its creator sent, the columns its entry point sets, and its audit event. */
export interface NewSubmission {
  fields: Pick<CreateSubmissionDto, 'type' | 'region' | 'requestedEffectiveDate' | 'paymentMethod' | 'group' | 'plans'>;
  columns: QueryDeepPartialEntity<Submission> & Pick<Submission, 'firmId' | 'channel' | 'state'>;
  audit: { action: string; after?: Record<string, unknown>; reason?: string | null };
}

/**
 * Loading submissions the caller may see, and the pieces every side shows with them.
 * A submission the caller may not read is "not found", never "forbidden": no existence leaks.
 */
@Injectable()
export class SubmissionsService {
  constructor(
    private readonly repository: SubmissionsRepository,
    private readonly files: SubmissionFilesRepository,
    private readonly accounts: AccountsService,
    private readonly audit: AuditService,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.repository.transaction(work);
  }

  /**
   * The submission if the caller may read it, else 404. With `lock`, the row is locked
   * (`FOR UPDATE`) until the caller's transaction ends, so state checks and writes do not race.
   */
  async findVisible(ability: AppAbility, id: string, manager?: EntityManager, lock = false): Promise<Submission> {
    const submission = await this.visible(ability, id, manager, lock);
    if (!submission) throw notFound('Submission');
    return submission;
  }

  /** The submission if it exists and the caller may read it; null either way otherwise. */
  async visible(ability: AppAbility, id: string, manager?: EntityManager, lock = false): Promise<Submission | null> {
    const submission = await this.repository.find(id, manager, lock);
    return submission && ability.can('read', submissionSubject(submission)) ? submission : null;
  }

  /** Refuses (403) an action the caller's rules do not allow on this visible submission. */
  authorize(ability: AppAbility, action: Action, submission: Submission): void {
    if (!ability.can(action, submissionSubject(submission))) {
      throw forbidden(`Your role does not allow "${action}" on this submission.`);
    }
  }

  /**
   * Partner creation and staff entry alike: the fields as sent (group and plans mapped to their
   * columns), the entry point's columns over them, and the creation audited in the same transaction.
   */
  async create(manager: EntityManager, actor: SessionUser, { fields, columns, audit }: NewSubmission): Promise<Submission> {
    const created = await this.repository.insert(manager, {
      version: 1,
      createdById: actor.id,
      type: fields.type,
      region: fields.region,
      requestedEffectiveDate: fields.requestedEffectiveDate ?? null,
      paymentMethod: fields.paymentMethod ?? null,
      groupMultiMarket: false,
      groupGuaranteedAvailability: false,
      ...groupColumns(fields.group),
      plans: planSelections(fields.plans ?? []),
      pendingItems: [],
      pausedBusinessDays: 0,
      ...columns,
    });
    await this.audit.record(
      submissionAudit(actor, audit.action, created, {
        after: { type: created.type, channel: created.channel, region: created.region, state: created.state, ...audit.after },
        reason: audit.reason,
      }),
      manager,
    );
    return created;
  }

  /**
   * Writes `changes` only if the submission still has `expectedVersion`, raising the version;
   * otherwise someone changed it meanwhile: 409 VERSION_CONFLICT with the current version.
   */
  async updateIfVersion(
    manager: EntityManager,
    id: string,
    expectedVersion: number,
    changes: QueryDeepPartialEntity<Submission>,
  ): Promise<Submission> {
    const updated = await this.repository.updateIfVersion(manager, id, expectedVersion, changes);
    if (!updated) throw versionConflict(await this.repository.versionOf(manager, id));
    return updated;
  }

  /** A rep or lead of the region who is still active: a resubmission goes back to them. */
  isActiveReviewer(manager: EntityManager, userId: string | null, region: Region): Promise<boolean> {
    return this.accounts.isActiveReviewer(manager, userId, region);
  }

  async details(submission: Submission, manager?: EntityManager): Promise<SubmissionDetails<Date>> {
    const [census, documents] = await Promise.all([
      this.files.census(submission.id, manager),
      this.files.documents(submission.id, manager),
    ]);
    const problems = completenessProblems({
      region: submission.region,
      paymentMethod: submission.paymentMethod,
      requestedEffectiveDate: submission.requestedEffectiveDate,
      group: { name: submission.groupName, employeeCount: submission.groupEmployeeCount },
      plans: submission.plans,
      census: census && { rowCount: census.rowCount, errorCount: census.rejectedCount },
      documents: documents.map((d) => d.kind),
    });
    return {
      census: census && toCensusSummary(census),
      documents: documents.map(toDocumentSummary),
      problems,
    };
  }

  /** The census of a submission the caller may read: its summary, the members kept and the errors of the rows that were not. */
  async census(ability: AppAbility, id: string): Promise<CensusDetail<Date>> {
    const submission = await this.findVisible(ability, id);
    const [census, { rows, errors }] = await Promise.all([
      this.files.census(submission.id),
      this.files.censusMembers(submission.id),
    ]);
    // Row by row, each row's cells in the sheet's column order, as the upload reported them.
    const column = (name: string) => CENSUS_COLUMNS.indexOf(name as CensusColumn);
    errors.sort((a, b) => a.rowNumber - b.rowNumber || column(a.columnName) - column(b.columnName));
    return {
      census: census && toCensusSummary(census),
      rows: rows.map(({ submissionId: _, ...member }) => member),
      errors: errors.map((e) => ({ row: e.rowNumber, column: e.columnName, message: e.message })),
    };
  }

  /** A document with its content, if the caller may read its submission; otherwise 404. */
  async document(ability: AppAbility, id: string): Promise<SubmissionDocument> {
    const document = await this.files.documentWithContent(id);
    if (!document || !(await this.visible(ability, document.submissionId))) throw notFound('Document');
    return document;
  }
}
