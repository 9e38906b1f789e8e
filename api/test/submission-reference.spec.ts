import fc from 'fast-check';
import type { QueryRunner } from 'typeorm';
import { APP_ROLE } from '../src/database/app-role';
import { SEQUENCE, SubmissionReference1763901800001 } from '../src/database/migrations/1763901800001-submission-reference';
import {
  formatSubmissionReference,
  parseSubmissionReference,
  SUBMISSION_REFERENCE,
  SUBMISSION_REFERENCE_PATTERN,
} from '../src/submissions/submission-reference';
import { databaseClients } from './support/test-database';

/*
 * The transaction reference is one definition (submissions/submission-reference.ts) on both sides:
 * the SQL function and CHECK the migration writes from it must agree with the TypeScript on the same
 * generated cases, and what the column's default really gives must be what the TypeScript describes.
 */

/** Fixed, so a failure reproduces; fast-check prints the counterexample. */
const SEED = 1763901800;

const pg = databaseClients();

/** A submission as staff key it in, with every other column at its default (the reference included). */
const insertAsApp = async (): Promise<string> => {
  const [row] = (
    await pg.app.query(
      `INSERT INTO submission (created_by_id, type, channel, region)
       SELECT id, 'QUOTE', 'EMAIL', 'CO' FROM app_user WHERE email = 'rep.co@example.com' RETURNING reference`,
    )
  ).rows;
  return row.reference;
};

/** The CHECK as installed: whether the database would store `reference`. */
const checkAccepts = async (reference: string): Promise<boolean> => {
  await pg.owner.query('BEGIN');
  try {
    await pg.owner.query(`UPDATE submission SET reference = $1 WHERE id = (SELECT id FROM submission ORDER BY created_at LIMIT 1)`, [reference]);
    return true;
  } catch (error) {
    const code = (error as { code?: string; constraint?: string }).code;
    if (code === '23505') return true; // taken by another row: the CHECK let it through
    if (code === '23514' && (error as { constraint?: string }).constraint === 'submission_reference_check') return false;
    throw error;
  } finally {
    await pg.owner.query('ROLLBACK');
  }
};

describe('submission reference: TypeScript and SQL from one definition', () => {
  it('submission_reference(n) is formatSubmissionReference(n) for every number the sequence can give', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.integer({ min: SUBMISSION_REFERENCE.first, max: SUBMISSION_REFERENCE.first + 20_000_000 }),
          fc.integer({ min: SUBMISSION_REFERENCE.first, max: Number.MAX_SAFE_INTEGER }),
        ),
        async (n) => {
          const { rows } = await pg.app.query(`SELECT submission_reference($1::bigint) AS reference`, [n]);
          expect(rows[0].reference).toBe(formatSubmissionReference(n));
          expect(rows[0].reference).toMatch(SUBMISSION_REFERENCE_PATTERN);
          expect(parseSubmissionReference(rows[0].reference)).toBe(rows[0].reference);
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('gives no reference below the first number, where the TypeScript refuses', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -5_000_000, max: SUBMISSION_REFERENCE.first - 1 }), async (n) => {
        const { rows } = await pg.app.query(`SELECT submission_reference($1::bigint) AS reference`, [n]);
        expect(rows[0].reference).toBeNull();
        expect(() => formatSubmissionReference(n)).toThrow(RangeError);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('stores exactly what SUBMISSION_REFERENCE_PATTERN accepts (the CHECK)', async () => {
    const nearReference = fc
      .tuple(
        fc.constantFrom('T-', 't-', 'T', 'T--', 'X-', '', ' T-'),
        fc.stringMatching(/^[0-9O]{0,10}$/),
        fc.constantFrom('', ' ', '\n', 'A'),
      )
      .map(([prefix, digits, suffix]) => `${prefix}${digits}${suffix}`);
    await fc.assert(
      fc.asyncProperty(fc.oneof(nearReference, fc.string({ maxLength: 12 })), async (text) => {
        expect(await checkAccepts(text)).toBe(SUBMISSION_REFERENCE_PATTERN.test(text));
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('the column default, as the application role inserts, gives new, increasing references the TypeScript formats', async () => {
    const references: string[] = [];
    for (let i = 0; i < 20; i++) references.push(await insertAsApp());
    const numbers = references.map((r) => Number(r.slice(SUBMISSION_REFERENCE.prefix.length)));
    references.forEach((r, i) => {
      expect(r).toMatch(SUBMISSION_REFERENCE_PATTERN);
      expect(r).toBe(formatSubmissionReference(numbers[i]));
    });
    numbers.slice(1).forEach((n, i) => expect(n).toBe(numbers[i] + 1));
    const { rows } = await pg.owner.query(`SELECT count(*)::int AS taken FROM submission WHERE reference = ANY($1)`, [references]);
    expect(rows[0].taken).toBe(references.length);
  });

  it('every seeded submission has a reference of the pattern, none shared', async () => {
    const { rows } = await pg.owner.query(`SELECT reference FROM submission`);
    expect(rows.length).toBeGreaterThan(0);
    for (const { reference } of rows) expect(reference).toMatch(SUBMISSION_REFERENCE_PATTERN);
    expect(new Set(rows.map((r: { reference: string }) => r.reference)).size).toBe(rows.length);
  });

  it('lets the application role use the sequence (default privileges), and it never cycles', async () => {
    const { rows } = await pg.owner.query(
      `SELECT has_sequence_privilege($1, $2, 'USAGE') AS usage, s.seqcycle AS cycles, s.seqmin::text AS min, s.seqstart::text AS start,
              pg_get_userbyid(c.relowner) = $1 AS app_owns
         FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid WHERE c.relname = $2`,
      [APP_ROLE, SEQUENCE],
    );
    expect(rows[0]).toEqual({
      usage: true,
      cycles: false,
      min: String(SUBMISSION_REFERENCE.first),
      start: String(SUBMISSION_REFERENCE.first),
      app_owns: false,
    });
  });

  it('numbers existing rows oldest first when the migration runs, and the sequence goes on after them', async () => {
    const runner = { query: async (sql: string) => (await pg.owner.query(sql)).rows } as unknown as QueryRunner;
    const migration = new SubmissionReference1763901800001();
    await migration.down(runner);
    await migration.up(runner);
    const { rows } = await pg.owner.query(`SELECT reference FROM submission ORDER BY created_at, id`);
    expect(rows.map((r: { reference: string }) => r.reference)).toEqual(
      rows.map((_: unknown, i: number) => formatSubmissionReference(SUBMISSION_REFERENCE.first + i)),
    );
    expect(await insertAsApp()).toBe(formatSubmissionReference(SUBMISSION_REFERENCE.first + rows.length));
  });
});
