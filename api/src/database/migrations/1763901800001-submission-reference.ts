import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SUBMISSION_REFERENCE, SUBMISSION_REFERENCE_PATTERN } from '../../submissions/submission-reference';

/**
 * Every submission gets a short reference people can read out (`T-1000001`), from the definition in
 * submissions/submission-reference.ts:
 *
 * - `submission_reference_seq` starts at SUBMISSION_REFERENCE.first and never cycles, so no number is
 *   given twice; the column is UNIQUE as well.
 * - `submission_reference(n)` is the SQL `formatSubmissionReference` (NULL where the TypeScript throws),
 *   and the column's default is `submission_reference(nextval(…))`.
 * - A CHECK holds every stored reference to SUBMISSION_REFERENCE_PATTERN.
 *
 * Existing rows are numbered in the order they were created. The application role uses the sequence
 * through the default privileges the review migration set for new sequences (USAGE, SELECT).
 * test/submission-reference.spec.ts runs the TypeScript and SQL rules on the same generated numbers.
 * The values are written into the function and the CHECK when this runs: changing the definition
 * needs a migration that re-creates them.
 */
export const SEQUENCE = 'submission_reference_seq';

export const submissionReferenceFunction = (definition: typeof SUBMISSION_REFERENCE): string => {
  const { prefix, first } = definition;
  if (!/^[A-Z]-$/.test(prefix) || !Number.isSafeInteger(first) || first < 1) {
    throw new Error(`Not a reference definition: ${JSON.stringify(definition)}`);
  }
  return `
    CREATE OR REPLACE FUNCTION submission_reference(n bigint) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$
      SELECT CASE WHEN n >= ${first} THEN '${prefix}' || n::text END
    $$`;
};

/** The pattern as a POSIX regular expression: the JavaScript source uses nothing PostgreSQL reads differently. */
export const referencePatternSql = (pattern: RegExp): string => {
  if (!/^[\^$\\\-A-Z0-9[\]{},]+$/.test(pattern.source) || pattern.flags) {
    throw new Error(`Not a pattern PostgreSQL reads alike: ${pattern}`);
  }
  return pattern.source;
};

export class SubmissionReference1763901800001 implements MigrationInterface {
  name = 'SubmissionReference1763901800001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(submissionReferenceFunction(SUBMISSION_REFERENCE));
    await q.query(`ALTER TABLE submission ADD COLUMN reference text`);
    await q.query(
      `CREATE SEQUENCE ${SEQUENCE} AS bigint MINVALUE ${SUBMISSION_REFERENCE.first} START ${SUBMISSION_REFERENCE.first} NO CYCLE OWNED BY submission.reference`,
    );
    // Existing rows, oldest first; the sequence then goes on after the last of them.
    await q.query(`
      UPDATE submission s SET reference = submission_reference(${SUBMISSION_REFERENCE.first - 1} + o.n)
        FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM submission) o
       WHERE s.id = o.id`);
    await q.query(
      `SELECT setval('${SEQUENCE}', greatest(count(*) + ${SUBMISSION_REFERENCE.first - 1}, ${SUBMISSION_REFERENCE.first}), count(*) > 0) FROM submission`,
    );
    await q.query(`ALTER TABLE submission ALTER COLUMN reference SET DEFAULT submission_reference(nextval('${SEQUENCE}'))`);
    await q.query(`ALTER TABLE submission ALTER COLUMN reference SET NOT NULL`);
    await q.query(`ALTER TABLE submission ADD CONSTRAINT submission_reference_key UNIQUE (reference)`);
    await q.query(
      `ALTER TABLE submission ADD CONSTRAINT submission_reference_check CHECK (reference ~ '${referencePatternSql(SUBMISSION_REFERENCE_PATTERN)}')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // Dropping the column drops its constraints and the sequence it owns.
    await q.query(`ALTER TABLE submission DROP COLUMN reference`);
    await q.query(`DROP FUNCTION submission_reference(bigint)`);
  }
}
