import type { Region } from '@sbo/shared';
import { BROKER, completeSubmission, GOOD_CENSUS, newGroupBody, partner, setNow, userId } from './support/intake';
import { startTestApp, type TestApp } from './support/test-app';
import { SUBMISSION_REFERENCE_PATTERN } from '../src/submissions/submission-reference';

/** In CO the 5th business day of January 2027 is Friday the 8th (the 1st is a holiday). */
const ON_TIME = '2027-01-05T18:00:00Z';
const IN_SEP = '2026-11-20T18:00:00Z';

describe('submit: intake rules, completeness, outbox (API)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => setNow(t, ON_TIME));

  const api = async (region: Region) => partner(t, await t.login(BROKER[region]));

  describe('each eligibility rule refuses with its code and says what to do instead', () => {
    it.each<[string, Region, Record<string, unknown>, string, string, RegExp]>([
      ['a multi-market group', 'CO', { group: { multiMarket: true } }, ON_TIME, 'MULTI_MARKET_OFFLINE', /offline to CO enrollment .* at KPSBUBrokerNewGroups@kp\.org/],
      ['a CA group paying by check copy', 'CA', { paymentMethod: 'CHECK_COPY' }, ON_TIME, 'CA_EFT_REQUIRED', /must pay by EFT/],
      ['a CA group with no payment method', 'CA', { paymentMethod: null }, ON_TIME, 'CA_EFT_REQUIRED', /must pay by EFT/],
      ['a guaranteed-availability group outside the SEP', 'GA', { group: { guaranteedAvailability: true } }, ON_TIME, 'SEP_WINDOW_CLOSED', /November 15 to December 15/],
      ['a new group after the 5th business day', 'CO', {}, '2027-01-11T18:00:00Z', 'LATE_SUBMISSION', /submitted by January 8, 2027/],
      ['a new group effective in a past month', 'MAS', { requestedEffectiveDate: '2026-12-01' }, ON_TIME, 'LATE_SUBMISSION', /December 7, 2026/],
    ])('%s → 422 %s', async (_, region, overrides, now, code, message) => {
      const id = await completeSubmission(t, region, overrides);
      setNow(t, now);
      const res = await (await api(region)).submit(id);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ statusCode: 422, error: 'Unprocessable Entity', code });
      expect(res.body.message).toMatch(message);
    });

    it.each<[string, Region, Record<string, unknown>, string]>([
      ['a guaranteed-availability group inside the SEP', 'GA', { requestedEffectiveDate: '2026-12-01', group: { guaranteedAvailability: true } }, IN_SEP],
      ['a new group on the 5th business day itself', 'CO', {}, '2027-01-08T18:00:00Z'],
      ['a quote past the new-group cutoff (the cutoff is for new groups)', 'CO', { type: 'QUOTE' }, '2027-01-20T18:00:00Z'],
      ['a CA group paying by EFT', 'CA', {}, ON_TIME],
      ['a CO group paying by check copy (only CA must use EFT)', 'CO', { paymentMethod: 'CHECK_COPY' }, ON_TIME],
      // 07:30 UTC on Saturday the 9th is still Friday the 8th in California.
      ['a CA new group late on the deadline day, California time', 'CA', {}, '2027-01-09T07:30:00Z'],
    ])('accepts %s', async (_, region, overrides, now) => {
      const id = await completeSubmission(t, region, overrides);
      setNow(t, now);
      const res = await (await api(region)).submit(id);
      expect(res.status).toBe(200);
      expect(res.body.partnerStatus).toBe('PENDING_KP_REVIEW');
    });

    it('judges the deadline in the region: the same instant is already late in Colorado', async () => {
      const id = await completeSubmission(t, 'CO');
      setNow(t, '2027-01-09T07:30:00Z');
      const res = await (await api('CO')).submit(id);
      expect(res.body.code).toBe('LATE_SUBMISSION');
    });
  });

  it('checks the rules in order (multi-market, CA EFT, SEP, late) and completeness last', async () => {
    const co = await api('CA');
    const { body } = await co.create(
      newGroupBody('CA', {
        paymentMethod: 'CHECK_COPY',
        requestedEffectiveDate: '2026-12-01',
        group: { multiMarket: true, guaranteedAvailability: true },
      }),
    );
    const steps: [Record<string, unknown>, string][] = [
      [{}, 'MULTI_MARKET_OFFLINE'],
      [{ group: { multiMarket: false } }, 'CA_EFT_REQUIRED'],
      [{ paymentMethod: 'EFT' }, 'SEP_WINDOW_CLOSED'],
      [{ group: { guaranteedAvailability: false } }, 'LATE_SUBMISSION'],
      [{ requestedEffectiveDate: '2027-01-01' }, 'INCOMPLETE_SUBMISSION'],
    ];
    let version = body.version;
    for (const [fix, expected] of steps) {
      if (Object.keys(fix).length) {
        const saved = await co.patch(body.id, { version, ...fix });
        expect(saved.status).toBe(200);
        version = saved.body.version;
      }
      const res = await co.submit(body.id);
      expect(res.body.code).toBe(expected);
    }
  });

  describe('completeness', () => {
    it('lists what is missing on GET and refuses to submit with 422 INCOMPLETE_SUBMISSION listing it', async () => {
      const ca = await api('CA');
      const { body } = await ca.create(newGroupBody('CA'));
      const got = await ca.get(body.id);
      expect(got.body.problems.map((p: { code: string }) => p.code)).toEqual([
        'MISSING_CENSUS',
        'MISSING_SIGNED_APPLICATION',
        'MISSING_EFT_AUTHORIZATION',
      ]);
      const res = await ca.submit(body.id);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('INCOMPLETE_SUBMISSION');
      expect(res.body.details.problems).toEqual(got.body.problems);
      expect(res.body.message).toMatch(/signed EFT authorization/);
    });

    it.each<[string, Region, (api: ReturnType<typeof partner>, id: string) => Promise<unknown>, string[]]>([
      ['a census with row errors', 'CO', (a, id) => a.census(id, `${GOOD_CENSUS}\nE9,CHILD,Zed,Lee,2010-01-01,M,80202`), ['CENSUS_ROW_ERRORS', 'MISSING_SIGNED_APPLICATION']],
      ['no signed application', 'CO', (a, id) => a.census(id, GOOD_CENSUS), ['MISSING_SIGNED_APPLICATION']],
      ['no EFT authorization in CA', 'CA', async (a, id) => {
        await a.census(id, GOOD_CENSUS);
        await a.document(id, 'SIGNED_APPLICATION');
      }, ['MISSING_EFT_AUTHORIZATION']],
      ['an OTHER document in place of the signed application', 'CO', async (a, id) => {
        await a.census(id, GOOD_CENSUS);
        await a.document(id, 'OTHER');
      }, ['MISSING_SIGNED_APPLICATION']],
    ])('names %s', async (_, region, arrange, codes) => {
      const a = await api(region);
      const { body } = await a.create(newGroupBody(region));
      await arrange(a, body.id);
      const res = await a.submit(body.id);
      expect(res.status).toBe(422);
      expect(res.body.details.problems.map((p: { code: string }) => p.code)).toEqual(codes);
    });

    it('a refused submit loses nothing that was saved', async () => {
      const co = await api('CO');
      const id = await completeSubmission(t, 'CO', { group: { multiMarket: true, name: 'Keep Me LLC' } });
      const before = (await co.get(id)).body;
      const [auditBefore] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1`, [id]);
      const res = await co.submit(id);
      expect(res.body.code).toBe('MULTI_MARKET_OFFLINE');
      const after = (await co.get(id)).body;
      expect(after).toEqual(before);
      expect(after.census.acceptedCount).toBe(3);
      expect(after.documents).toHaveLength(1);
      const [auditAfter] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1`, [id]);
      expect(auditAfter.n).toBe(auditBefore.n);
      const notifications = await t.dataSource.query(`SELECT id FROM notification WHERE entity_id = $1`, [id]);
      expect(notifications).toHaveLength(0);
      // Fixed and saved, it goes through.
      const fixed = await co.patch(id, { version: after.version, group: { multiMarket: false } });
      expect((await co.submit(id)).status).toBe(200);
      expect(fixed.body.group.name).toBe('Keep Me LLC');
    });
  });

  describe('a successful submit', () => {
    it('moves it to the queue with a due date, writes the audit trail and one outbox row to the submitter', async () => {
      const id = await completeSubmission(t, 'CO');
      const delegate = partner(t, await t.login('delegate1.co@example.com'));
      const res = await delegate.submit(id);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ partnerStatus: 'PENDING_KP_REVIEW', version: 2, submittedAt: '2027-01-05T18:00:00.000Z', problems: [] });
      const [row] = await t.dataSource.query(
        `SELECT state, assignee_id, to_char(due_date, 'YYYY-MM-DD') AS due_date, submitted_by_id, complete_submitted_at FROM submission WHERE id = $1`,
        [id],
      );
      // Tuesday the 5th is day 0; three business days later is Friday the 8th.
      expect(row).toMatchObject({ state: 'SUBMITTED', assignee_id: null, due_date: '2027-01-08' });
      expect(row.submitted_by_id).toBe(await userId(t, 'delegate1.co@example.com'));

      const outbox = await t.dataSource.query(`SELECT recipient, subject, body, template, status FROM notification WHERE entity_id = $1`, [id]);
      expect(outbox).toEqual([
        expect.objectContaining({ recipient: 'delegate1.co@example.com', template: 'submission.submitted', status: 'PENDING' }),
      ]);
      expect(res.body.reference).toMatch(SUBMISSION_REFERENCE_PATTERN);
      expect(outbox[0].subject).toBe(`Submission received: new group enrollment ${res.body.reference} for Acme Bakery`);
      expect(outbox[0].body).toContain(`Reference: ${res.body.reference}`);
      expect(outbox[0].body).not.toContain(id);
      expect(outbox[0].body).toContain('2027-01-08');

      const audit = await t.dataSource.query(`SELECT action, after FROM audit_event WHERE entity_id = $1 AND action = 'submission.submitted'`, [id]);
      expect(audit).toHaveLength(1);
      expect(audit[0].after).toMatchObject({ state: 'SUBMITTED', dueDate: '2027-01-08' });
    });

    it('writes one outbox row per submission, and a second submit is refused', async () => {
      const co = await api('CO');
      const ids = await Promise.all([1, 2, 3].map(() => completeSubmission(t, 'CO')));
      for (const id of ids) expect((await co.submit(id)).status).toBe(200);
      const again = await co.submit(ids[0]);
      expect(again.status).toBe(422);
      expect(again.body.code).toBe('INVALID_TRANSITION');
      const rows = await t.dataSource.query(
        `SELECT entity_id, count(*)::int AS n FROM notification WHERE entity_id = ANY($1) GROUP BY entity_id`,
        [ids],
      );
      expect(rows).toHaveLength(3);
      expect(rows.every((r: { n: number }) => r.n === 1)).toBe(true);
    });

    it('two simultaneous submits of the same transaction submit it once', async () => {
      const co = await api('CO');
      const id = await completeSubmission(t, 'CO');
      const answers = await Promise.all([co.submit(id), co.submit(id)]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 422]);
      const rows = await t.dataSource.query(`SELECT id FROM notification WHERE entity_id = $1`, [id]);
      expect(rows).toHaveLength(1);
    });
  });

  describe('resubmission after the carrier sent it back', () => {
    const sendBack = async (id: string, state: 'RETURNED' | 'PENDING_ITEMS', repEmail: string, since: string) => {
      await t.dataSource.query(
        `UPDATE submission SET state = $2, last_reviewer_id = $3, assignee_id = NULL, waiting_since = $4,
           instructions = 'Fix the plans. Contact Carmen Alvarez.', version = version + 1 WHERE id = $1`,
        [id, state, await userId(t, repEmail), since],
      );
    };

    it('goes back to the same rep (IN_REVIEW) while they are active; the paused days push the due date', async () => {
      const ca = await api('CA');
      const id = await completeSubmission(t, 'CA');
      await ca.submit(id); // Tue 5th: due Fri 8th
      await sendBack(id, 'RETURNED', 'rep.ca@example.com', '2027-01-06');
      const returned = await ca.get(id);
      expect(returned.body).toMatchObject({ partnerStatus: 'ACTION_REQUIRED', instructions: expect.stringContaining('Fix the plans') });
      const saved = await ca.patch(id, { version: returned.body.version, plans: [{ planCode: 'CA-SILVER-2000', tier: 'SILVER' }] });
      expect(saved.status).toBe(200);

      setNow(t, '2027-01-08T18:00:00Z'); // back on Friday: Thu 7th and Fri 8th were the partner's
      const res = await ca.submit(id);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ partnerStatus: 'PENDING_KP_REVIEW', instructions: null, submittedAt: '2027-01-05T18:00:00.000Z' });
      const [row] = await t.dataSource.query(
        `SELECT state, assignee_id, paused_business_days, waiting_since, to_char(due_date, 'YYYY-MM-DD') AS due_date FROM submission WHERE id = $1`,
        [id],
      );
      expect(row).toMatchObject({ state: 'IN_REVIEW', paused_business_days: 2, waiting_since: null, due_date: '2027-01-12' });
      expect(row.assignee_id).toBe(await userId(t, 'rep.ca@example.com'));
      const [outbox] = await t.dataSource.query(`SELECT template, body FROM notification WHERE entity_id = $1 AND template = 'submission.resubmitted'`, [id]);
      expect(outbox.body).toMatch(/straight back to the representative/);
    });

    it('goes to the queue when that rep is no longer active', async () => {
      const ca = await api('CA');
      const id = await completeSubmission(t, 'CA');
      await ca.submit(id);
      await sendBack(id, 'RETURNED', 'lead.ca@example.com', '2027-01-05');
      await t.dataSource.query(`UPDATE app_user SET active = false WHERE email = 'lead.ca@example.com'`);
      try {
        const res = await ca.submit(id);
        expect(res.status).toBe(200);
        const [row] = await t.dataSource.query(`SELECT state, assignee_id FROM submission WHERE id = $1`, [id]);
        expect(row).toEqual({ state: 'SUBMITTED', assignee_id: null });
      } finally {
        await t.dataSource.query(`UPDATE app_user SET active = true WHERE email = 'lead.ca@example.com'`);
      }
    });

    it('is not late when it first arrived on time', async () => {
      const co = await api('CO');
      const id = await completeSubmission(t, 'CO');
      await co.submit(id);
      await sendBack(id, 'PENDING_ITEMS', 'rep.co@example.com', '2027-01-06');
      setNow(t, '2027-01-20T18:00:00Z');
      const res = await co.submit(id);
      expect(res.status).toBe(200);
    });

    it('while items are pending: data is locked, documents may be added, then resubmit', async () => {
      const co = await api('CO');
      const id = await completeSubmission(t, 'CO');
      await co.submit(id);
      await sendBack(id, 'PENDING_ITEMS', 'rep.co@example.com', '2027-01-06');
      const { body } = await co.get(id);
      const patch = await co.patch(id, { version: body.version, group: { name: 'Nope' } });
      expect(patch.status).toBe(422);
      expect(patch.body.message).toMatch(/waiting on the items/);
      expect((await co.census(id, GOOD_CENSUS)).status).toBe(422);
      expect((await co.document(id, 'OTHER')).status).toBe(201);
      const res = await co.submit(id);
      expect(res.status).toBe(200);
      const [row] = await t.dataSource.query(`SELECT state, pending_items FROM submission WHERE id = $1`, [id]);
      expect(row).toEqual({ state: 'IN_REVIEW', pending_items: [] });
    });
  });
});

describe('business calendar routes (API)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const as = async (email: string) => ({ Authorization: `Bearer ${await t.login(email)}` });

  it.each([
    ['CO', '2027-01-01', '2027-01-08'],
    ['CO', '2027-01-15', '2027-01-08'],
    ['CA', '2026-12-01', '2026-12-07'],
    // Labor Day (Monday the 7th) is skipped.
    ['GA', '2026-09-01', '2026-09-08'],
    // Juneteenth 2027 is a Saturday, observed Friday the 18th: June's first five business days are untouched.
    ['MAS', '2027-06-01', '2027-06-07'],
  ])('answers the submission deadline for %s effective %s: %s', async (region, effectiveDate, deadline) => {
    const res = await t.http().get('/api/calendar/submission-deadline').query({ region, effectiveDate }).set(await as(BROKER.CO));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ deadline });
  });

  it.each([
    [{ region: 'TX', effectiveDate: '2027-01-01' }, 'region'],
    [{ region: 'CO', effectiveDate: '2027-02-30' }, 'effectiveDate'],
    [{ region: 'CO' }, 'effectiveDate'],
  ])('refuses %j with 400', async (query, field) => {
    const res = await t.http().get('/api/calendar/submission-deadline').query(query).set(await as('rep.co@example.com'));
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveProperty(field);
  });

  it('lists a region\'s holidays to everyone, seeded with US federal holidays on observed dates', async () => {
    const res = await t.http().get('/api/holidays').query({ region: 'CO', year: 2027 }).set(await as(BROKER.CO));
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(12);
    expect(res.body.data.map((h: { date: string }) => h.date)).toEqual(
      expect.arrayContaining(['2027-01-01', '2027-06-18', '2027-07-05', '2027-12-24', '2027-12-31']),
    );
  });

  it('lets an admin add and remove a holiday, which moves the deadline at once', async () => {
    const admin = await as('admin@example.com');
    const deadline = () =>
      t.http().get('/api/calendar/submission-deadline').query({ region: 'GA', effectiveDate: '2027-03-01' }).set(admin);
    expect((await deadline()).body.deadline).toBe('2027-03-05');

    const added = await t.http().post('/api/holidays').set(admin).send({ region: 'GA', date: '2027-03-02', name: 'Storm closure' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ region: 'GA', date: '2027-03-02', name: 'Storm closure', id: expect.any(String) });
    expect((await deadline()).body.deadline).toBe('2027-03-08');
    const other = await t.http().get('/api/calendar/submission-deadline').query({ region: 'CO', effectiveDate: '2027-03-01' }).set(admin);
    expect(other.body.deadline).toBe('2027-03-05');

    const duplicate = await t.http().post('/api/holidays').set(admin).send({ region: 'GA', date: '2027-03-02', name: 'Again' });
    expect(duplicate.status).toBe(409);

    const removed = await t.http().delete(`/api/holidays/${added.body.id}`).set(admin);
    expect(removed.status).toBe(204);
    expect((await deadline()).body.deadline).toBe('2027-03-05');
    expect((await t.http().delete(`/api/holidays/${added.body.id}`).set(admin)).status).toBe(404);

    const audit = await t.dataSource.query(`SELECT action FROM audit_event WHERE entity_type = 'Holiday' ORDER BY id`);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['holiday.added', 'holiday.removed']);
  });

  it.each(['rep.ca@example.com', 'broker.ca@example.com', 'lead.ca@example.com'])('lets only admins change holidays (%s → 403)', async (email) => {
    const headers = await as(email);
    const res = await t.http().post('/api/holidays').set(headers).send({ region: 'CA', date: '2027-03-02', name: 'x' });
    expect(res.status).toBe(403);
  });
});
