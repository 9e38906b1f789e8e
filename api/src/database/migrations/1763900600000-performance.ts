import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the benchmark (`npm run bench`, issue 7) showed were missing.
 *
 * The review queue as reps open it: their region's open work (submitted, in review, waiting on
 * the submitter) oldest due first. With only (region, state, due_date) the planner fetched every
 * open row of the region and sorted them (CA at 1,000,000 submissions: 27,019 rows, a bitmap heap
 * scan plus a sort, ~170 ms); with this partial index, the first page reads 25 index entries in
 * order (0.4 ms) and the count is an index-only scan of the small index.
 */
export class Performance1763900600000 implements MigrationInterface {
  name = 'Performance1763900600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX submission_open_region_due_idx ON submission (region, due_date, id)
      WHERE state IN ('SUBMITTED', 'IN_REVIEW', 'PENDING_ITEMS', 'RETURNED')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX submission_open_region_due_idx`);
  }
}
