import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Action, type AppAbility, asSubject, type Region } from '@sbo/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AccountsService } from '../accounts/accounts.service';
import { forbidden, notFound, versionConflict } from '../common/app-error';
import { CENSUS_COLUMNS, type CensusColumn } from './census-parser';
import { completenessProblems } from './intake-rules';
import { Census } from './census.entity';
import { CensusRowError } from './census-row-error.entity';
import { CensusRow } from './census-row.entity';
import { SubmissionDocument } from './submission-document.entity';
import { Submission } from './submission.entity';
import { type SubmissionDetails, toCensusSummary, toDocumentSummary } from './submission-record';

/** The columns CASL's submission rules name, for list queries on `submission s` (see accessibleSql). */
export const SUBMISSION_RULE_COLUMNS = {
  region: 's.region',
  state: 's.state',
  firmId: 's.firm_id',
  channel: 's.channel',
  assigneeId: 's.assignee_id',
};

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

/**
 * Loading submissions the caller may see, and the pieces every side shows with them.
 * A submission the caller may not read is "not found", never "forbidden": no existence leaks.
 */
@Injectable()
export class SubmissionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
  ) {}

  /**
   * The submission if the caller may read it, else 404. With `lock`, the row is locked
   * (`FOR UPDATE`) until the caller's transaction ends, so state checks and writes do not race.
   */
  async findVisible(
    ability: AppAbility,
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<Submission> {
    const submission = await this.visible(ability, id, manager, lock);
    if (!submission) throw notFound('Submission');
    return submission;
  }

  /** The submission if it exists and the caller may read it; null either way otherwise. */
  async visible(
    ability: AppAbility,
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<Submission | null> {
    const submission = await manager.findOne(Submission, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return submission && ability.can('read', submissionSubject(submission)) ? submission : null;
  }

  /** Refuses (403) an action the caller's rules do not allow on this visible submission. */
  authorize(ability: AppAbility, action: Action, submission: Submission): void {
    if (!ability.can(action, submissionSubject(submission))) {
      throw forbidden(`Your role does not allow "${action}" on this submission.`);
    }
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
    const result = await manager
      .createQueryBuilder()
      .update(Submission)
      .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id AND version = :version', { id, version: expectedVersion })
      .execute();
    if (!result.affected) {
      const current = await manager.findOne(Submission, { where: { id }, select: { id: true, version: true } });
      throw versionConflict(current?.version);
    }
    return manager.findOneByOrFail(Submission, { id });
  }

  /** A rep or lead of the region who is still active: a resubmission goes back to them. */
  isActiveReviewer(manager: EntityManager, userId: string | null, region: Region): Promise<boolean> {
    return this.accounts.isActiveReviewer(manager, userId, region);
  }

  async details(submission: Submission, manager: EntityManager = this.dataSource.manager): Promise<SubmissionDetails> {
    const [census, documents] = await Promise.all([
      manager.findOneBy(Census, { submissionId: submission.id }),
      manager.find(SubmissionDocument, { where: { submissionId: submission.id }, order: { uploadedAt: 'ASC', id: 'ASC' } }),
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

  /** The census members kept (good rows) and the errors of the rows that were not. */
  async censusOf(submissionId: string, manager: EntityManager = this.dataSource.manager) {
    const [rows, errors] = await Promise.all([
      manager.find(CensusRow, { where: { submissionId }, order: { rowNumber: 'ASC' } }),
      manager.find(CensusRowError, { where: { submissionId } }),
    ]);
    // Row by row, each row's cells in the sheet's column order, as the upload reported them.
    const column = (name: string) => CENSUS_COLUMNS.indexOf(name as CensusColumn);
    errors.sort((a, b) => a.rowNumber - b.rowNumber || column(a.columnName) - column(b.columnName));
    return {
      rows: rows.map(({ submissionId: _, ...member }) => member),
      errors: errors.map((e) => ({ row: e.rowNumber, column: e.columnName, message: e.message })),
    };
  }
}
