import { randomUUID } from 'node:crypto';
import { REVIEW_STATES } from '@sbo/shared';
import { BROKER, completeSubmission, newGroupBody, partner, PDF, setNow } from './support/intake';
import { startTestApp, type TestApp } from './support/test-app';
import { SUBMISSION_REFERENCE_PATTERN } from '../src/submissions/submission-reference';

describe('partner submissions: create, save, list, cancel (API)', () => {
  let t: TestApp;
  let co: ReturnType<typeof partner>;
  beforeAll(async () => {
    t = await startTestApp();
    co = partner(t, await t.login(BROKER.CO));
    setNow(t, '2027-01-05T18:00:00Z');
  });
  afterAll(() => t.close());

  describe('create', () => {
    it('starts an OPEN transaction with what was sent and lists what is still missing', async () => {
      const res = await co.create({ type: 'NEW_GROUP', region: 'CO', group: { name: 'Acme Bakery' } });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        id: expect.any(String),
        version: 1,
        type: 'NEW_GROUP',
        channel: 'PORTAL',
        region: 'CO',
        requestedEffectiveDate: null,
        paymentMethod: null,
        group: { name: 'Acme Bakery', groupId: null, multiMarket: false, guaranteedAvailability: false, address: null },
        plans: [],
        partnerStatus: 'OPEN',
        instructions: null,
        submittedAt: null,
        census: null,
        documents: [],
      });
      expect(res.body).not.toHaveProperty('state');
      expect(res.body.problems.map((p: { code: string }) => p.code)).toEqual([
        'MISSING_EMPLOYEE_COUNT',
        'MISSING_EFFECTIVE_DATE',
        'MISSING_PAYMENT_METHOD',
        'MISSING_PLANS',
        'MISSING_CENSUS',
        'MISSING_SIGNED_APPLICATION',
      ]);
    });

    it('keeps the firm of the creator and the API channel when asked', async () => {
      const res = await co.create({ ...newGroupBody('CO'), channel: 'API' });
      expect(res.status).toBe(201);
      expect(res.body.channel).toBe('API');
      const [row] = await t.dataSource.query(`SELECT firm_id, state, created_by_id FROM submission WHERE id = $1`, [res.body.id]);
      const [firm] = await t.dataSource.query(`SELECT firm_id FROM app_user WHERE email = $1`, [BROKER.CO]);
      expect(row).toMatchObject({ firm_id: firm.firm_id, state: 'DRAFT' });
    });

    it.each([
      ['EMAIL', 403],
      ['OFFLINE', 403],
    ])('refuses a partner %s-channel submission (%i): staff key those in', async (channel, status) => {
      const res = await co.create({ ...newGroupBody('CO'), channel });
      expect(res.status).toBe(status);
      expect(res.body.code).toBe('FORBIDDEN');
    });

    it.each<[string, Record<string, unknown>, string[]]>([
      ['no type or region', {}, ['type', 'region']],
      ['an unknown type', { type: 'MERGER', region: 'CO' }, ['type']],
      ['an unknown region', { type: 'QUOTE', region: 'TX' }, ['region']],
      ['a date that does not exist', { type: 'QUOTE', region: 'CO', requestedEffectiveDate: '2027-02-30' }, ['requestedEffectiveDate']],
      ['an unknown payment method', { type: 'QUOTE', region: 'CO', paymentMethod: 'CASH' }, ['paymentMethod']],
      ['a bad tax ID', { type: 'QUOTE', region: 'CO', group: { taxId: '123' } }, ['group.taxId']],
      ['a null flag', { type: 'QUOTE', region: 'CO', group: { multiMarket: null } }, ['group.multiMarket']],
      ['a bad address', { type: 'QUOTE', region: 'CO', group: { address: { line1: 'x', city: 'y', state: 'ZZ', zip: '1' } } }, ['group.address.state', 'group.address.zip']],
      ['a bad plan', { type: 'QUOTE', region: 'CO', plans: [{ planCode: 'x', tier: 'GOLDEN' }] }, ['plans.0.planCode', 'plans.0.tier']],
      ['an unknown field', { type: 'QUOTE', region: 'CO', state: 'APPROVED' }, ['state']],
      ['an unknown group field', { type: 'QUOTE', region: 'CO', group: { secret: 1 } }, ['group.secret']],
    ])('answers %s with 400 per field', async (_, body, fields) => {
      const res = await co.create(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(res.body.errors).sort()).toEqual([...fields].sort());
    });

    it.each(['rep.co@example.com', 'admin@example.com', 'ebs@example.com'])('is not open to %s (403)', async (email) => {
      const res = await partner(t, await t.login(email)).create(newGroupBody('CO'));
      expect(res.status).toBe(403);
    });

    it('needs a login (401)', async () => {
      const res = await t.http().post('/api/partner/submissions').send(newGroupBody('CO'));
      expect(res.status).toBe(401);
    });
  });

  describe('Idempotency-Key', () => {
    it('creates one submission for a retried request and replays the first answer', async () => {
      const key = randomUUID();
      const body = newGroupBody('CO', { group: { name: `Retry ${key}` } });
      const first = await co.create(body, key);
      const retry = await co.create(body, key);
      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM submission WHERE group_name = $1`, [
        `Retry ${key}`,
      ]);
      expect(count).toBe(1);
    });

    it('creates one submission when the retries race each other', async () => {
      const key = randomUUID();
      const body = newGroupBody('CO', { group: { name: `Race ${key}` } });
      const answers = await Promise.all([1, 2, 3, 4].map(() => co.create(body, key)));
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201]);
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM submission WHERE group_name = $1`, [
        `Race ${key}`,
      ]);
      expect(count).toBe(1);
    });

    it('treats the same body in another key order as the same request', async () => {
      const key = randomUUID();
      const first = await co.create({ type: 'QUOTE', region: 'CO' }, key);
      const retry = await co.create({ region: 'CO', type: 'QUOTE' }, key);
      expect(retry.body.id).toBe(first.body.id);
    });

    it('refuses the same key with a different body (422), and keys are per user', async () => {
      const key = randomUUID();
      await co.create({ type: 'QUOTE', region: 'CO' }, key);
      const reused = await co.create({ type: 'REQUOTE', region: 'CO' }, key);
      expect(reused.status).toBe(422);
      expect(reused.body.message).toMatch(/already used for a different request/);
      const colleague = partner(t, await t.login('delegate1.co@example.com'));
      const theirs = await colleague.create({ type: 'REQUOTE', region: 'CO' }, key);
      expect(theirs.status).toBe(201);
    });

    it('refuses the same key on another route', async () => {
      const key = randomUUID();
      const created = await co.create({ type: 'QUOTE', region: 'CO' }, key);
      const submit = await co.submit(created.body.id, key);
      expect(submit.status).toBe(422);
      expect(submit.body.message).toMatch(/Idempotency-Key/);
    });

    it('does not store a refusal: the request can be retried with the same key once fixed', async () => {
      const id = await completeSubmission(t, 'CO', { paymentMethod: null });
      const key = randomUUID();
      const refused = await co.submit(id, key);
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('INCOMPLETE_SUBMISSION');
      const { body } = await co.get(id);
      await co.patch(id, { version: body.version, paymentMethod: 'EFT' });
      const accepted = await co.submit(id, key);
      expect(accepted.status).toBe(200);
      const replay = await co.submit(id, key);
      expect(replay.status).toBe(200);
      expect(replay.body).toEqual(accepted.body);
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM notification WHERE entity_id = $1 AND template = 'submission.submitted'`,
        [id],
      );
      expect(count).toBe(1);
    });

    it('refuses a malformed key (400)', async () => {
      const res = await co.create({ type: 'QUOTE', region: 'CO' }, 'has spaces in it');
      expect(res.status).toBe(400);
      expect(res.body.errors).toHaveProperty('Idempotency-Key');
    });

    it('covers uploads: a retried document upload stores one document', async () => {
      const { body } = await co.create({ type: 'QUOTE', region: 'CO' });
      const key = randomUUID();
      const token = await t.login(BROKER.CO);
      const send = () =>
        t
          .http()
          .post(`/api/partner/submissions/${body.id}/documents`)
          .set('Authorization', `Bearer ${token}`)
          .set('Idempotency-Key', key)
          .field('kind', 'OTHER')
          .attach('file', PDF, 'a.pdf');
      const first = await send();
      const retry = await send();
      expect(first.status).toBe(201);
      expect(retry.body.id).toBe(first.body.id);
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM document WHERE submission_id = $1`, [body.id]);
      expect(count).toBe(1);
    });
  });

  describe('save (PATCH)', () => {
    it('saves fields, keeps the group fields not sent, raises the version', async () => {
      const { body } = await co.create(newGroupBody('CO'));
      const res = await co.patch(body.id, {
        version: 1,
        paymentMethod: 'CHECK_COPY',
        group: { employeeCount: 20, address: { line1: '2 Oak St', city: 'Boulder', state: 'CO', zip: '80302' } },
        plans: [{ planCode: 'CO-SILVER-2000', tier: 'SILVER' }],
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        version: 2,
        paymentMethod: 'CHECK_COPY',
        group: { name: 'Acme Bakery', taxId: '12-3456789', employeeCount: 20, address: { city: 'Boulder' } },
        plans: [{ planCode: 'CO-SILVER-2000', tier: 'SILVER' }],
      });
      const cleared = await co.patch(body.id, { version: 2, requestedEffectiveDate: null, group: { taxId: null } });
      expect(cleared.body).toMatchObject({ version: 3, requestedEffectiveDate: null, group: { taxId: null, name: 'Acme Bakery' } });
      const audit = await t.dataSource.query(
        `SELECT action, before, after FROM audit_event WHERE entity_id = $1 AND action = 'submission.updated' ORDER BY id`,
        [body.id],
      );
      expect(audit).toHaveLength(2);
      expect(audit[0].before).toMatchObject({ paymentMethod: 'EFT', groupEmployeeCount: 12 });
      expect(audit[0].after).toMatchObject({ paymentMethod: 'CHECK_COPY', groupEmployeeCount: 20 });
    });

    it('refuses a stale version with 409 VERSION_CONFLICT and keeps the other save', async () => {
      const { body } = await co.create(newGroupBody('CO'));
      const mine = await co.patch(body.id, { version: 1, group: { name: 'First save' } });
      expect(mine.status).toBe(200);
      const stale = await partner(t, await t.login('delegate1.co@example.com')).patch(body.id, {
        version: 1,
        group: { name: 'Second save' },
      });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
      expect((await co.get(body.id)).body.group.name).toBe('First save');
    });

    it('lets only one of two simultaneous saves of the same version win', async () => {
      const { body } = await co.create(newGroupBody('CO'));
      const answers = await Promise.all(['A', 'B', 'C'].map((name) => co.patch(body.id, { version: 1, group: { name } })));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    });

    it.each<[string, Record<string, unknown>, string[]]>([
      ['no version', { group: { name: 'x' } }, ['version']],
      ['a null type', { version: 1, type: null }, ['type']],
      ['a channel change', { version: 1, channel: 'API' }, ['channel']],
    ])('answers %s with 400', async (_, patch, fields) => {
      const { body } = await co.create(newGroupBody('CO'));
      const res = await co.patch(body.id, patch);
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.errors).sort()).toEqual(fields.sort());
    });

    it('refuses changes once submitted (422 INVALID_TRANSITION), and region changes once sent back', async () => {
      const id = await completeSubmission(t, 'CO');
      const submitted = await co.submit(id);
      expect(submitted.status).toBe(200);
      const res = await co.patch(id, { version: submitted.body.version, group: { name: 'Too late' } });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('INVALID_TRANSITION');
      expect(res.body.message).toMatch(/pending KP review/);

      await t.dataSource.query(`UPDATE submission SET state = 'RETURNED', version = version + 1 WHERE id = $1`, [id]);
      const { body } = await co.get(id);
      expect(body.partnerStatus).toBe('ACTION_REQUIRED');
      const moved = await co.patch(id, { version: body.version, region: 'GA' });
      expect(moved.status).toBe(400);
      expect(moved.body.errors).toHaveProperty('region');
      const fixed = await co.patch(id, { version: body.version, group: { name: 'Fixed' } });
      expect(fixed.status).toBe(200);
    });
  });

  describe('list', () => {
    it('shows the firm its own transactions with partnerStatus and instructions, never another firm or a withdrawn one', async () => {
      const res = await co.list({ perPage: 100 });
      expect(res.status).toBe(200);
      expect(res.body.total).toBeGreaterThan(5);
      const [firm] = await t.dataSource.query(`SELECT firm_id FROM app_user WHERE email = $1`, [BROKER.CO]);
      const rows = await t.dataSource.query(`SELECT id, firm_id, state FROM submission WHERE id = ANY($1)`, [
        res.body.data.map((s: { id: string }) => s.id),
      ]);
      expect(rows.every((r: { firm_id: string; state: string }) => r.firm_id === firm.firm_id && r.state !== 'WITHDRAWN')).toBe(true);
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM submission WHERE firm_id = $1 AND state <> 'WITHDRAWN'`,
        [firm.firm_id],
      );
      expect(res.body.total).toBe(count);
      for (const s of res.body.data) {
        expect(['OPEN', 'PENDING_KP_REVIEW', 'ACTION_REQUIRED', 'COMPLETED']).toContain(s.partnerStatus);
        expect(s).toHaveProperty('instructions');
        expect(s).not.toHaveProperty('state');
        expect(s).not.toHaveProperty('assigneeId');
      }
      expect(res.body.data.some((s: { instructions: string | null }) => s.instructions)).toBe(true);
    });

    it.each(['OPEN', 'PENDING_KP_REVIEW', 'ACTION_REQUIRED', 'COMPLETED'])('filters by status %s', async (status) => {
      const res = await co.list({ status, perPage: 100 });
      expect(res.status).toBe(200);
      expect(res.body.total).toBeGreaterThan(0);
      expect(res.body.data.every((s: { partnerStatus: string }) => s.partnerStatus === status)).toBe(true);
    });

    it('searches by group ID (prefix, any case) and filters by created date', async () => {
      const a = await co.create(newGroupBody('CO', { type: 'RENEWAL', group: { groupId: 'ZX-77001' } }));
      const b = await co.create(newGroupBody('CO', { type: 'RENEWAL', group: { groupId: 'ZX-77002' } }));
      await t.dataSource.query(`UPDATE submission SET created_at = '2020-03-10T12:00:00Z' WHERE id = $1`, [a.body.id]);
      await t.dataSource.query(`UPDATE submission SET created_at = '2020-03-12T23:30:00Z' WHERE id = $1`, [b.body.id]);

      const ids = async (query: Record<string, string>) =>
        (await co.list({ ...query, perPage: 100 })).body.data.map((s: { id: string }) => s.id).sort();
      expect(await ids({ groupId: 'zx-7700' })).toEqual([a.body.id, b.body.id].sort());
      expect(await ids({ groupId: 'ZX-77002' })).toEqual([b.body.id]);
      expect(await ids({ groupId: '%' })).toEqual([]);
      expect(await ids({ createdFrom: '2020-03-10', createdTo: '2020-03-10' })).toEqual([a.body.id]);
      expect(await ids({ createdFrom: '2020-03-11', createdTo: '2020-03-12' })).toEqual([b.body.id]);
      expect(await ids({ createdFrom: '2020-01-01', createdTo: '2020-12-31' })).toEqual([a.body.id, b.body.id].sort());
      expect(await ids({ createdTo: '2020-03-09' })).toEqual([]);
    });

    it('finds a transaction by its reference (group ID search and q), never another firm\'s', async () => {
      const created = await co.create(newGroupBody('CO'));
      expect(created.status).toBe(201);
      const { id, reference } = created.body;
      expect(reference).toMatch(SUBMISSION_REFERENCE_PATTERN);
      expect((await co.get(id)).body.reference).toBe(reference);
      const ids = async (query: Record<string, string>) =>
        (await co.list({ ...query, perPage: 100 })).body.data.map((s: { id: string }) => s.id);
      for (const text of [reference, reference.toLowerCase(), reference.slice(2), `T ${reference.slice(2)}`]) {
        expect(await ids({ groupId: text })).toEqual([id]);
        expect(await ids({ q: text })).toEqual([id]);
      }
      // q also searches group names and group IDs, as the staff search does.
      const [seeded] = await t.dataSource.query(
        `SELECT s.id, s.group_name, s.group_id FROM submission s JOIN app_user u ON u.firm_id = s.firm_id
          WHERE u.email = $1 AND s.group_id IS NOT NULL AND s.state <> 'WITHDRAWN' ORDER BY s.created_at LIMIT 1`,
        [BROKER.CO],
      );
      expect(await ids({ q: seeded.group_name.slice(1, 8).toLowerCase() })).toContain(seeded.id);
      expect(await ids({ q: seeded.group_id })).toContain(seeded.id);
      const [foreign] = await t.dataSource.query(
        `SELECT s.reference, s.group_name FROM submission s JOIN app_user u ON u.firm_id = s.firm_id WHERE u.email = $1 ORDER BY s.created_at LIMIT 1`,
        [BROKER.CA],
      );
      expect(await ids({ groupId: foreign.reference })).toEqual([]);
      expect(await ids({ q: foreign.reference })).toEqual([]);
      expect(await ids({ q: foreign.group_name })).toEqual([]);
    });

    it('pages and sorts', async () => {
      const page1 = await co.list({ page: 1, perPage: 2, sort: 'createdAt', order: 'DESC' });
      const page2 = await co.list({ page: 2, perPage: 2, sort: 'createdAt', order: 'DESC' });
      expect(page1.body.data).toHaveLength(2);
      expect(page2.body.data[0].id).not.toBe(page1.body.data[1].id);
      expect(page1.body.total).toBe(page2.body.total);
    });

    it.each([
      [{ status: 'WITHDRAWN' }, 'status'],
      [{ createdFrom: '2020-13-01' }, 'createdFrom'],
      [{ sort: 'passwordHash' }, 'sort'],
      [{ perPage: 500 }, 'perPage'],
    ])('refuses %j with 400', async (query, field) => {
      const res = await co.list(query as Record<string, string>);
      expect(res.status).toBe(400);
      expect(res.body.errors).toHaveProperty(field);
    });
  });

  describe('cancel', () => {
    it('withdraws the transaction: gone from the list and from reach', async () => {
      const { body } = await co.create(newGroupBody('CO', { group: { groupId: 'CANCEL-1' } }));
      expect((await co.list({ groupId: 'CANCEL-1' })).body.total).toBe(1);
      const res = await co.cancel(body.id);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: body.id, partnerStatus: null });
      expect((await co.list({ groupId: 'CANCEL-1' })).body.total).toBe(0);
      expect((await co.get(body.id)).status).toBe(404);
      expect((await co.cancel(body.id)).status).toBe(404);
      const [row] = await t.dataSource.query(`SELECT state FROM submission WHERE id = $1`, [body.id]);
      expect(row.state).toBe('WITHDRAWN');
      const [audit] = await t.dataSource.query(`SELECT action FROM audit_event WHERE entity_id = $1 AND action = 'submission.withdrawn'`, [
        body.id,
      ]);
      expect(audit).toBeDefined();
    });

    it('withdraws a submitted one too, but not an approved one (422 INVALID_TRANSITION)', async () => {
      const id = await completeSubmission(t, 'CO');
      await co.submit(id);
      expect((await co.cancel(id)).status).toBe(200);

      const approved = await completeSubmission(t, 'CO');
      await t.dataSource.query(`UPDATE submission SET state = 'APPROVED' WHERE id = $1`, [approved]);
      const res = await co.cancel(approved);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('INVALID_TRANSITION');
    });
  });

  describe('firm isolation: another firm never sees or touches a submission (404)', () => {
    let id: string;
    let documentId: string;
    beforeAll(async () => {
      id = await completeSubmission(t, 'CA');
      documentId = (await partner(t, await t.login(BROKER.CA)).get(id)).body.documents[0].id;
    });

    const outsiders = ['broker.co@example.com', 'gaadmin.ga@example.com', 'delegate1.mas@example.com'];
    const routes: [string, (api: ReturnType<typeof partner>, token: string) => Promise<{ status: number; body: { code?: string } }>][] = [
      ['GET', (api) => api.get(id)],
      ['PATCH', (api) => api.patch(id, { version: 1, group: { name: 'Mine now' } })],
      ['census upload', (api) => api.census(id, 'employee_id\n')],
      ['census read', (_, token) => t.http().get(`/api/partner/submissions/${id}/census`).set('Authorization', `Bearer ${token}`)],
      ['document upload', (api) => api.document(id, 'OTHER')],
      ['document download', (_, token) => t.http().get(`/api/documents/${documentId}`).set('Authorization', `Bearer ${token}`)],
      ['submit', (api) => api.submit(id)],
      ['cancel', (api) => api.cancel(id)],
    ];

    it.each(outsiders.flatMap((email) => routes.map(([route, call]) => [route, email, call] as const)))(
      '%s by %s → 404',
      async (_, email, call) => {
        const token = await t.login(email);
        const res = await call(partner(t, token), token);
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('NOT_FOUND');
      },
    );

    it('leaves the submission untouched', async () => {
      const res = await partner(t, await t.login(BROKER.CA)).get(id);
      expect(res.body).toMatchObject({ version: 1, partnerStatus: 'OPEN', group: { name: 'Acme Bakery' } });
      expect(res.body.documents).toHaveLength(2);
    });

    it('answers 404 for an ID that does not exist or is not a UUID', async () => {
      expect((await co.get(randomUUID())).status).toBe(404);
      expect((await co.get('not-a-uuid')).status).toBe(404);
    });

    it("shows a colleague of the same firm the firm's submission", async () => {
      const res = await partner(t, await t.login('delegate2.ca@example.com')).get(id);
      expect(res.status).toBe(200);
    });
  });

  describe('demo data', () => {
    it('seeds a few dozen submissions in every state across the four firms and regions', async () => {
      const rows: { region: string; state: string; n: number }[] = await t.dataSource.query(
        // Demo rows are at least a day old; this file's own rows are new or named Acme Bakery.
        `SELECT region, state, count(*)::int AS n FROM submission
         WHERE created_at < now() - interval '12 hours' AND group_name NOT LIKE 'Acme%'
         GROUP BY region, state`,
      );
      expect(rows.reduce((n, r) => n + r.n, 0)).toBeGreaterThanOrEqual(40);
      expect([...new Set(rows.map((r) => r.state))].sort()).toEqual([...REVIEW_STATES].sort());
      expect([...new Set(rows.map((r) => r.region))].sort()).toEqual(['CA', 'CO', 'GA', 'MAS']);
      expect(rows.filter((r) => r.state === 'RETURNED').map((r) => r.region)).toEqual(['CA']);
    });

    it('assigns work in review to the region rep, and has complete records and overdue ones', async () => {
      const inReview = await t.dataSource.query(
        `SELECT s.region, u.email FROM submission s JOIN app_user u ON u.id = s.assignee_id WHERE s.state = 'IN_REVIEW' AND s.group_name NOT LIKE 'Acme%'`,
      );
      const reps: Record<string, string> = { CA: 'rep.ca@example.com', CO: 'rep.co@example.com', GA: 'rep.multi@example.com', MAS: 'rep.multi@example.com' };
      expect(inReview.length).toBeGreaterThanOrEqual(8);
      expect(inReview.every((r: { region: string; email: string }) => reps[r.region] === r.email)).toBe(true);
      const [incomplete] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM submission s WHERE s.submitted_at IS NOT NULL AND s.group_name NOT LIKE 'Acme%'
           AND (NOT EXISTS (SELECT 1 FROM census_row r WHERE r.submission_id = s.id)
             OR NOT EXISTS (SELECT 1 FROM document d WHERE d.submission_id = s.id AND d.kind = 'SIGNED_APPLICATION'))`,
      );
      expect(incomplete.n).toBe(0);
      const [overdue] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM submission WHERE state IN ('SUBMITTED', 'IN_REVIEW') AND due_date < current_date`,
      );
      expect(overdue.n).toBeGreaterThanOrEqual(4);
    });
  });
});
