import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CensusMember, CensusRowError as ParsedError } from '@sbo/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Census } from './census.entity';
import { CensusRowError } from './census-row-error.entity';
import { CensusRow } from './census-row.entity';
import { SubmissionDocument } from './submission-document.entity';

/** Every statement on what hangs off a submission: its census (file, kept rows, row errors) and its documents. */
@Injectable()
export class SubmissionFilesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  census(submissionId: string, manager: EntityManager = this.dataSource.manager): Promise<Census | null> {
    return manager.findOneBy(Census, { submissionId });
  }

  async censusMembers(submissionId: string, manager: EntityManager = this.dataSource.manager) {
    const [rows, errors] = await Promise.all([
      manager.find(CensusRow, { where: { submissionId }, order: { rowNumber: 'ASC' } }),
      manager.find(CensusRowError, { where: { submissionId } }),
    ]);
    return { rows, errors };
  }

  /** The new census replaces the old one: file, kept rows and row errors. */
  async replaceCensus(
    manager: EntityManager,
    census: QueryDeepPartialEntity<Census> & { submissionId: string },
    rows: readonly CensusMember[],
    errors: readonly ParsedError[],
  ): Promise<Census> {
    const id = census.submissionId;
    await manager.delete(Census, { submissionId: id });
    await manager.insert(Census, census);
    // One statement per table whatever the size of the census (up to 10,000 rows).
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
      [id, errors.map((e) => e.row), errors.map((e) => e.column), errors.map((e) => e.message)],
    );
    return manager.findOneByOrFail(Census, { submissionId: id });
  }

  documents(submissionId: string, manager: EntityManager = this.dataSource.manager): Promise<SubmissionDocument[]> {
    return manager.find(SubmissionDocument, { where: { submissionId }, order: { uploadedAt: 'ASC', id: 'ASC' } });
  }

  async insertDocument(manager: EntityManager, values: QueryDeepPartialEntity<SubmissionDocument>): Promise<SubmissionDocument> {
    const { identifiers } = await manager.insert(SubmissionDocument, values);
    return manager.findOneByOrFail(SubmissionDocument, { id: identifiers[0].id as string });
  }

  /** The document with its content (left out of every other read). */
  documentWithContent(id: string): Promise<SubmissionDocument | null> {
    return this.dataSource
      .getRepository(SubmissionDocument)
      .createQueryBuilder('d')
      .addSelect('d.content')
      .where('d.id = :id', { id })
      .getOne();
  }
}
