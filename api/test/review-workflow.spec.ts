import { BROKER, partner, setNow, userId } from './support/intake';
import { asReviewer, emailsOf, heldSubmission, LEAD_CA, queuedSubmission, REP, type Reviewer, versionOf } from './support/review';
import { startTestApp, type TestApp } from './support/test-app';
import { SUBMISSION_REFERENCE_PATTERN } from '../src/submissions/submission-reference';

/** Tuesday, January 5th 2027, in time for a new group effective February 1st... and January 1st. */
const ON_TIME = '2027-01-05T18:00:00Z';

describe('review workflow (API)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => setNow(t, ON_TIME));

  it('runs the full CA loop: submit → return → fix and resubmit (same rep) → approve → COMPLETED, with the emails', async () => {
    const broker = partner(t, await t.login(BROKER.CA));
    const rep = await asReviewer(t, REP.CA);
    const id = await queuedSubmission(t, 'CA');

    const claimed = await rep.claim(id, await versionOf(t, id));
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ state: 'IN_REVIEW', partnerStatus: 'PENDING_KP_REVIEW', assignee: { email: REP.CA } });
    expect(claimed.body.dueAt).toBe('2027-01-08');
    expect(claimed.body.ageBusinessDays).toBe(0);

    const returned = await rep.return(id, claimed.body.version, 'The plan does not match the signed application.');
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ state: 'RETURNED', partnerStatus: 'ACTION_REQUIRED' });
    expect(returned.body.instructions).toBe(
      'The plan does not match the signed application.\n\nContact Carmen Alvarez at rep.ca@example.com or 510-555-0101.',
    );
    const seen = await broker.get(id);
    expect(seen.body).toMatchObject({ partnerStatus: 'ACTION_REQUIRED', instructions: returned.body.instructions });

    // Two business days later the partner fixes the plan and resubmits: it goes back to Carmen, the clock resumed.
    setNow(t, '2027-01-07T18:00:00Z');
    const fixed = await broker.patch(id, { version: seen.body.version, plans: [{ planCode: 'CA-SILVER-2000', tier: 'SILVER' }] });
    expect(fixed.status).toBe(200);
    expect((await broker.submit(id)).status).toBe(200);
    const back = await rep.get(id);
    expect(back.body).toMatchObject({ state: 'IN_REVIEW', assignee: { email: REP.CA }, dueAt: '2027-01-12', ageBusinessDays: 0 });

    const approved = await rep.approve(id, back.body.version);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ state: 'APPROVED', partnerStatus: 'COMPLETED' });
    expect(approved.body.decidedAt).toBeTruthy();
    expect((await broker.get(id)).body.partnerStatus).toBe('COMPLETED');

    const emails = await emailsOf(t, id);
    expect(emails.map((e) => [e.template, e.recipient])).toEqual([
      ['submission.submitted', BROKER.CA],
      ['submission.returned', BROKER.CA],
      ['submission.resubmitted', BROKER.CA],
      ['submission.approved', BROKER.CA],
    ]);
    expect(emails[1].body).toContain('Contact Carmen Alvarez at rep.ca@example.com or 510-555-0101.');
    expect(emails[3].subject).toMatch(/^Completed: /);
    // Every email names the transaction by the reference partner and staff both see, never by its UUID.
    const { reference } = approved.body;
    expect(reference).toMatch(SUBMISSION_REFERENCE_PATTERN);
    expect((await broker.get(id)).body.reference).toBe(reference);
    expect(emails[1].subject).toBe(`Action required: your new group enrollment ${reference} for Acme Bakery was returned for corrections`);
    expect(emails[3].subject).toBe(`Completed: your new group enrollment ${reference} for Acme Bakery was approved`);
    for (const e of emails) {
      expect(e.subject).toContain(reference);
      expect(e.body).toContain(`Reference: ${reference}`);
      expect(e.body).not.toContain(id);
    }

    const audit = await rep.audit(id);
    expect(audit.status).toBe(200);
    expect(audit.body.data.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['submission.claimed', 'submission.returned', 'submission.resubmitted', 'submission.approved']),
    );
    expect(audit.body.total).toBe(audit.body.data.length);
  });

  it('corrects in place outside CA: each changed field audited with old, new and reason; the submitter gets the list', async () => {
    const rep = await asReviewer(t, REP.CO);
    const { id, version } = await heldSubmission(t, 'CO');
    const res = await rep.correct(id, {
      version,
      reason: 'Name as on the signed application',
      group: { name: 'Acme Bakery LLC', employeeCount: 12 },
      paymentMethod: 'CHECK_COPY',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'IN_REVIEW', version: version + 1, paymentMethod: 'CHECK_COPY' });
    expect(res.body.group.name).toBe('Acme Bakery LLC');

    const events: { action: string; before: object; after: object; reason: string; actorEmail: string }[] = (await rep.audit(id)).body.data;
    const corrections = events.filter((e) => e.action === 'submission.corrected');
    // employeeCount did not change: not a correction.
    expect(corrections).toEqual([
      expect.objectContaining({ before: { paymentMethod: 'EFT' }, after: { paymentMethod: 'CHECK_COPY' }, reason: 'Name as on the signed application', actorEmail: REP.CO }),
      expect.objectContaining({ before: { 'group.name': 'Acme Bakery' }, after: { 'group.name': 'Acme Bakery LLC' } }),
    ]);
    const [email] = (await emailsOf(t, id)).filter((e) => e.template === 'submission.corrected');
    expect(email.recipient).toBe(BROKER.CO);
    expect(email.body).toContain('- Payment method: EFT → CHECK_COPY');
    expect(email.body).toContain('- Group name: Acme Bakery → Acme Bakery LLC');
    expect(email.body).toContain('Why: Name as on the signed application');
  });

  it('refuses to correct a field CASL does not let a rep correct (403 naming it), and a correction that changes nothing', async () => {
    const rep = await asReviewer(t, REP.CO);
    const { id, version } = await heldSubmission(t, 'CO');
    const refused = await rep.correct(id, { version, reason: 'moving it', region: 'GA', group: { name: 'X' } });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('region');
    const same = await rep.correct(id, { version, reason: 'no-op', group: { name: 'Acme Bakery' } });
    expect(same.status).toBe(400);
    expect(await versionOf(t, id)).toBe(version);
  });

  it('requests items; each clears itself when a document of its kind arrives, the last one returns it to the same rep', async () => {
    const rep = await asReviewer(t, REP.CO);
    const broker = partner(t, await t.login(BROKER.CO));
    const { id, version } = await heldSubmission(t, 'CO');
    const requested = await rep.requestItems(id, version, [
      { kind: 'EFT_AUTHORIZATION', description: 'Signed EFT authorization' },
      { kind: 'OTHER', description: 'Quarterly wage report' },
    ]);
    expect(requested.status).toBe(200);
    expect(requested.body).toMatchObject({ state: 'PENDING_ITEMS', partnerStatus: 'ACTION_REQUIRED' });
    expect(requested.body.pendingItems).toEqual([
      { kind: 'EFT_AUTHORIZATION', description: 'Signed EFT authorization', receivedAt: null, documentId: null },
      { kind: 'OTHER', description: 'Quarterly wage report', receivedAt: null, documentId: null },
    ]);
    expect(requested.body.instructions).toMatch(/Contact Dana Whitfield|Contact .* at rep\.co@example\.com/);
    // The partner reads the same items and instructions on their transaction.
    const seen = (await broker.get(id)).body;
    expect(seen).toMatchObject({ partnerStatus: 'ACTION_REQUIRED', instructions: requested.body.instructions });
    expect(seen.pendingItems).toEqual(requested.body.pendingItems);
    const [email] = (await emailsOf(t, id)).filter((e) => e.template === 'submission.items_requested');
    expect(email.body).toContain('- Signed EFT authorization');

    // Data stays locked; a document of a kind not asked for clears nothing.
    expect((await broker.patch(id, { version: requested.body.version, group: { name: 'Z' } })).status).toBe(422);
    expect((await broker.document(id, 'SIGNED_APPLICATION')).status).toBe(201);
    expect((await rep.get(id)).body.state).toBe('PENDING_ITEMS');

    setNow(t, '2027-01-06T18:00:00Z');
    const eft = await broker.document(id, 'EFT_AUTHORIZATION');
    expect(eft.status).toBe(201);
    let record = (await rep.get(id)).body;
    expect(record.state).toBe('PENDING_ITEMS');
    expect(record.pendingItems[0]).toMatchObject({ receivedAt: '2027-01-06T18:00:00.000Z', documentId: eft.body.id });
    expect(record.pendingItems[1].receivedAt).toBeNull();
    expect((await broker.get(id)).body.pendingItems.map((i: { receivedAt: string | null }) => i.receivedAt)).toEqual([
      '2027-01-06T18:00:00.000Z',
      null,
    ]);

    expect((await broker.document(id, 'OTHER')).status).toBe(201);
    record = (await rep.get(id)).body;
    expect(record).toMatchObject({ state: 'IN_REVIEW', partnerStatus: 'PENDING_KP_REVIEW', assignee: { email: REP.CO }, instructions: null });
    // One business day waited: due a day later.
    expect(record.dueAt).toBe('2027-01-11');
    expect(record.history.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['submission.items_requested', 'submission.item_received', 'submission.items_received']),
    );
  });

  it('sends a resubmission to the queue when the rep who returned it is no longer active', async () => {
    const { id, version } = await heldSubmission(t, 'CA');
    const rep = await asReviewer(t, REP.CA);
    const returned = await rep.return(id, version, 'Please fix the address.');
    await t.dataSource.query(`UPDATE app_user SET active = false WHERE email = $1`, [REP.CA]);
    try {
      const broker = partner(t, await t.login(BROKER.CA));
      expect((await broker.submit(id)).status).toBe(200);
      const [row] = await t.dataSource.query(`SELECT state, assignee_id FROM submission WHERE id = $1`, [id]);
      expect(row).toEqual({ state: 'SUBMITTED', assignee_id: null });
      expect(returned.status).toBe(200);
    } finally {
      await t.dataSource.query(`UPDATE app_user SET active = true WHERE email = $1`, [REP.CA]);
    }
  });

  it('refers offline with a reason, pointing the partner to the enrollment mailbox', async () => {
    const rep = await asReviewer(t, REP.CO);
    const { id, version } = await heldSubmission(t, 'CO');
    expect((await rep.referOffline(id, version, '')).status).toBe(400);
    const res = await rep.referOffline(id, version, 'The group has employees in two markets.');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'REFERRED_OFFLINE', partnerStatus: 'ACTION_REQUIRED' });
    expect(res.body.instructions).toContain('The group has employees in two markets.');
    expect(res.body.instructions).toContain('KPSBUBrokerNewGroups@kp.org');
    const [event] = (await rep.audit(id)).body.data.filter((e: { action: string }) => e.action === 'submission.referred_offline');
    expect(event.reason).toBe('The group has employees in two markets.');
  });

  // Each text is audited or sent to the partner, so spaces alone are no text: 400 naming the field, nothing written.
  it.each([
    ['return', 'CA', 'instructions', (r: Reviewer, id: string, v: number) => r.return(id, v, '        ')],
    ['refer offline', 'CO', 'reason', (r: Reviewer, id: string, v: number) => r.referOffline(id, v, '        ')],
    ['correct', 'CO', 'reason', (r: Reviewer, id: string, v: number) => r.correct(id, { version: v, group: { employeeCount: 9 }, reason: '      ' })],
    ['request items (instructions)', 'CO', 'instructions', (r: Reviewer, id: string, v: number) =>
      r.requestItems(id, v, [{ kind: 'SIGNED_APPLICATION', description: 'Signed application' }], '       ')],
    ['request items (description)', 'CO', 'items.0.description', (r: Reviewer, id: string, v: number) =>
      r.requestItems(id, v, [{ kind: 'SIGNED_APPLICATION', description: '    ' }])],
  ] as const)('refuses a %s whose text is spaces alone', async (_, region, field, act) => {
    const rep = await asReviewer(t, REP[region]);
    const { id, version } = await heldSubmission(t, region);
    const res = await act(rep, id, version);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual([field]);
    expect(await versionOf(t, id)).toBe(version);
  });

  it('claims, releases, and lets a lead assign and reassign within the region only to active reviewers of it', async () => {
    const rep = await asReviewer(t, REP.CA);
    const lead = await asReviewer(t, LEAD_CA);
    const id = await queuedSubmission(t, 'CA');
    const claimed = await rep.claim(id, await versionOf(t, id));
    const released = await rep.release(id, claimed.body.version);
    expect(released.body).toMatchObject({ state: 'SUBMITTED', assignee: null, assigneeId: null });

    expect((await rep.assign(id, released.body.version, await userId(t, REP.CA))).status).toBe(403);
    const coRep = await userId(t, REP.CO);
    const wrong = await lead.assign(id, released.body.version, coRep);
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.assigneeId).toMatch(/active representative or lead of California/);

    const assigned = await lead.assign(id, released.body.version, await userId(t, REP.CA));
    expect(assigned.body).toMatchObject({ state: 'IN_REVIEW', assignee: { email: REP.CA } });
    const reassigned = await lead.assign(id, assigned.body.version, await userId(t, LEAD_CA));
    expect(reassigned.body).toMatchObject({ state: 'IN_REVIEW', assignee: { email: LEAD_CA } });
    // Carmen no longer holds it.
    expect((await rep.approve(id, reassigned.body.version)).status).toBe(403);
    const events = (await lead.audit(id)).body.data.filter((e: { action: string }) => e.action === 'submission.assigned');
    expect(events).toHaveLength(2);
  });

  it('refuses transitions the state machine does not allow with 422 INVALID_TRANSITION', async () => {
    const lead = await asReviewer(t, LEAD_CA);
    const id = await queuedSubmission(t, 'CA');
    const res = await lead.approve(id, await versionOf(t, id));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('INVALID_TRANSITION');
    expect(res.body.message).toMatch(/in the queue, not yet claimed/);
  });

  describe('staff entry of EMAIL and OFFLINE submissions', () => {
    const body = (overrides: Record<string, unknown> = {}) => ({
      type: 'NEW_GROUP',
      region: 'CO',
      channel: 'EMAIL',
      requestedEffectiveDate: '2027-02-01',
      paymentMethod: 'EFT',
      group: { name: 'Mailed-in Bakery', employeeCount: 4, address: { line1: '1 Main St', city: 'Denver', state: 'CO', zip: '80202' } },
      plans: [{ planCode: 'CO-GOLD-500', tier: 'GOLD' }],
      ...overrides,
    });

    it('goes straight to the queue with a due date', async () => {
      const rep = await asReviewer(t, REP.CO);
      const res = await rep.create(body());
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ channel: 'EMAIL', state: 'SUBMITTED', dueAt: '2027-01-08', bypassReason: null });
      expect(res.body.history[0]).toMatchObject({ action: 'submission.keyed_in', actorEmail: REP.CO });
    });

    it('applies the intake rules unless a bypass reason is given, which is recorded and audited', async () => {
      const rep = await asReviewer(t, REP.CO);
      const refused = await rep.create(body({ group: { name: 'Two Markets Inc', multiMarket: true } }));
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('MULTI_MARKET_OFFLINE');
      const bypassed = await rep.create(body({ channel: 'OFFLINE', group: { name: 'Two Markets Inc', multiMarket: true }, bypassReason: 'Approved by the market director' }));
      expect(bypassed.status).toBe(201);
      expect(bypassed.body.bypassReason).toBe('Approved by the market director');
      expect(bypassed.body.history[0]).toMatchObject({ reason: 'Approved by the market director', after: expect.objectContaining({ bypassedRule: 'MULTI_MARKET_OFFLINE' }) });
    });

    it('refuses a bypass reason of spaces alone: the audit trail needs a reason', async () => {
      const rep = await asReviewer(t, REP.CO);
      const res = await rep.create(body({ group: { name: 'Two Markets Inc', multiMarket: true }, bypassReason: ' \t\n   ' }));
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.errors)).toEqual(['bypassReason']);
    });

    it('is for staff channels and their own regions only', async () => {
      const rep = await asReviewer(t, REP.CO);
      expect((await rep.create(body({ channel: 'PORTAL' }))).status).toBe(400);
      expect((await rep.create(body({ region: 'CA' }))).status).toBe(403);
      const broker = partner(t, await t.login(BROKER.CO));
      expect((await t.http().post('/api/submissions').set('Authorization', `Bearer ${await t.login(BROKER.CO)}`).send(body())).status).toBe(403);
      expect(broker).toBeDefined();
    });

    const firmOf = async (email: string): Promise<string> =>
      (await t.dataSource.query(`SELECT firm_id FROM app_user WHERE email = $1`, [email]))[0].firm_id;
    const submissionCount = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM submission`))[0].n as number;

    it("attaches a firm of the submission's region: its broker sees the submission", async () => {
      const rep = await asReviewer(t, REP.CO);
      const res = await rep.create(body({ firmId: await firmOf(BROKER.CO) }));
      expect(res.status).toBe(201);
      expect((await partner(t, await t.login(BROKER.CO)).get(res.body.id)).status).toBe(200);
    });

    it('answers 404 for a firm outside the caller\'s regions, as for one that does not exist, and writes nothing', async () => {
      const rep = await asReviewer(t, REP.CA);
      const before = await submissionCount();
      for (const firmId of [await firmOf(BROKER.CO), '00000000-0000-4000-8000-000000000000']) {
        const res = await rep.create(body({ region: 'CA', plans: [{ planCode: 'CA-GOLD-500', tier: 'GOLD' }], firmId }));
        expect(res.status).toBe(404);
        expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Firm not found.', code: 'NOT_FOUND' });
      }
      expect(await submissionCount()).toBe(before);
    });

    it("refuses a firm of another of the caller's regions with 403 naming both regions", async () => {
      const rep = await asReviewer(t, REP.GA);
      const before = await submissionCount();
      const res = await rep.create(body({ region: 'GA', plans: [{ planCode: 'GA-GOLD-500', tier: 'GOLD' }], firmId: await firmOf(BROKER.MAS) }));
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
      expect(res.body.message).toMatch(/MAS.*GA|GA.*MAS/);
      expect(await submissionCount()).toBe(before);
    });
  });

  it('shows the full record: census rows, documents, problems, history and the actions open to the caller', async () => {
    const rep = await asReviewer(t, REP.CO);
    const { id } = await heldSubmission(t, 'CO');
    const res = await rep.get(id);
    expect(res.status).toBe(200);
    expect(res.body.census).toMatchObject({ rowCount: 3, acceptedCount: 3 });
    expect(res.body.documents[0]).toMatchObject({ kind: 'SIGNED_APPLICATION', url: expect.stringMatching(/^\/api\/documents\//) });
    expect(res.body.problems).toEqual([]);
    expect(res.body.availableActions.sort()).toEqual(['approve', 'correct', 'referOffline', 'release', 'requestItems']);
    const census = await rep.census(id);
    expect(census.body.rows).toHaveLength(3);
    expect(census.body.errors).toEqual([]);
  });
});
