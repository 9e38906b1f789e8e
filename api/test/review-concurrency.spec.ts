import { Client } from 'pg';
import { setNow, userId } from './support/intake';
import { addStaff, asReviewer, heldSubmission, REP, versionOf } from './support/review';
import { startTestApp, type TestApp } from './support/test-app';

describe('review under concurrency (API, real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => setNow(t, '2027-01-05T18:00:00Z'));

  it('50 concurrent queue/next calls over 30 queued items: 30 distinct claims, 20 empty answers', async () => {
    // Exactly 30 CO items in the queue (copies of a demo one), with CA work queued too, which must stay put.
    await t.dataSource.query(`UPDATE submission SET state = 'WITHDRAWN' WHERE region = 'CO' AND state = 'SUBMITTED'`);
    await t.dataSource.query(
      `INSERT INTO submission (firm_id, created_by_id, submitted_by_id, type, channel, region, state, group_name, plans,
         submitted_at, complete_submitted_at, due_date)
       SELECT firm_id, created_by_id, submitted_by_id, type, channel, region, 'SUBMITTED', group_name || ' #' || n, plans,
         now() - n * interval '1 hour', now() - n * interval '1 hour', DATE '2027-01-01' + (n % 7)
       FROM submission, generate_series(1, 30) AS n
       WHERE id = (SELECT id FROM submission WHERE region = 'CO' AND channel = 'PORTAL' LIMIT 1)`,
    );
    const reps = ['rep.co@example.com'];
    for (let i = 1; i <= 4; i++) {
      await addStaff(t, `queue${i}.co@example.com`, ['rep'], ['CO']);
      reps.push(`queue${i}.co@example.com`);
    }
    const reviewers = await Promise.all(reps.map((email) => asReviewer(t, email)));
    const [{ queuedCa }] = await t.dataSource.query(
      `SELECT count(*)::int AS "queuedCa" FROM submission WHERE region = 'CA' AND state = 'SUBMITTED' AND assignee_id IS NULL`,
    );

    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => reviewers[i % reviewers.length].next()));

    const claimed = answers.filter((r) => r.status === 200);
    expect(claimed).toHaveLength(30);
    expect(answers.filter((r) => r.status === 204)).toHaveLength(20);
    expect(new Set(claimed.map((r) => r.body.id)).size).toBe(30);
    expect(claimed.every((r) => r.body.region === 'CO' && r.body.state === 'IN_REVIEW' && r.body.assignee)).toBe(true);

    const [{ left, held, events }] = await t.dataSource.query(
      `SELECT
         (SELECT count(*)::int FROM submission WHERE region = 'CO' AND state = 'SUBMITTED') AS left,
         (SELECT count(DISTINCT assignee_id)::int FROM submission WHERE id = ANY($1)) AS held,
         (SELECT count(*)::int FROM audit_event WHERE action = 'submission.claimed' AND entity_id = ANY($2)) AS events`,
      [claimed.map((r) => r.body.id), claimed.map((r) => r.body.id)],
    );
    expect({ left, events }).toEqual({ left: 0, events: 30 });
    expect(held).toBeGreaterThan(1);
    const [{ stillCa }] = await t.dataSource.query(
      `SELECT count(*)::int AS "stillCa" FROM submission WHERE region = 'CA' AND state = 'SUBMITTED' AND assignee_id IS NULL`,
    );
    expect(stillCa).toBe(queuedCa);
  });

  it('claims the oldest-due first, and only within the region asked for', async () => {
    const rep = await asReviewer(t, REP.GA);
    const [oldest] = await t.dataSource.query(
      `SELECT id FROM submission WHERE region = 'MAS' AND state = 'SUBMITTED' AND assignee_id IS NULL
       ORDER BY due_date, submitted_at, id LIMIT 1`,
    );
    const res = await rep.next({ region: 'MAS' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: oldest.id, region: 'MAS', state: 'IN_REVIEW', assignee: { email: REP.GA } });
    // A region outside the caller's: nothing to claim.
    expect((await rep.next({ region: 'CA' })).status).toBe(204);
  });

  it('two reviewers correcting the same version: one 200, one 409, and the audit shows one change', async () => {
    await addStaff(t, 'lead.co@example.com', ['lead'], ['CO']);
    const { id, version } = await heldSubmission(t, 'CO');
    const [rep, lead] = await Promise.all([asReviewer(t, REP.CO), asReviewer(t, 'lead.co@example.com')]);
    const answers = await Promise.all([
      rep.correct(id, { version, reason: 'As on the application', group: { name: 'Name from the rep' } }),
      lead.correct(id, { version, reason: 'As on the tax form', group: { name: 'Name from the lead' } }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = answers.find((r) => r.status === 200)!;
    const [row] = await t.dataSource.query(`SELECT group_name, version FROM submission WHERE id = $1`, [id]);
    expect(row).toEqual({ group_name: winner.body.group.name, version: version + 1 });
    const corrections = (await rep.audit(id)).body.data.filter((e: { action: string }) => e.action === 'submission.corrected');
    expect(corrections).toHaveLength(1);
    expect(corrections[0].after).toEqual({ 'group.name': winner.body.group.name });
  });

  it('two leads assigning at once: one wins, the other gets 409', async () => {
    await addStaff(t, 'lead2.ca@example.com', ['lead'], ['CA']);
    const { id, version } = await heldSubmission(t, 'CA');
    const [a, b] = await Promise.all([asReviewer(t, 'lead.ca@example.com'), asReviewer(t, 'lead2.ca@example.com')]);
    const answers = await Promise.all([
      a.assign(id, version, await userId(t, 'lead.ca@example.com')),
      b.assign(id, version, await userId(t, 'lead2.ca@example.com')),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await versionOf(t, id)).toBe(version + 1);
  });

  it('the queue query uses the partial queue index', async () => {
    const client = new Client({ connectionString: t.db.url });
    await client.connect();
    try {
      await client.query('SET enable_seqscan = off');
      const plan = await client.query(
        `EXPLAIN SELECT id FROM submission WHERE region IN ('CO') AND state = 'SUBMITTED' AND assignee_id IS NULL
         ORDER BY due_date, submitted_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      );
      expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('submission_unassigned_queue_idx');
    } finally {
      await client.end();
    }
  });
});
