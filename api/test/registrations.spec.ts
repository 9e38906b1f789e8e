import { type SentMail, watchSentMail } from './support/sent-mail';
import { startTestApp, type TestApp } from './support/test-app';

const STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'LOCKED', 'DEACTIVATED'];

describe('registrations (API)', () => {
  let t: TestApp;
  let mail: SentMail;
  beforeAll(async () => {
    t = await startTestApp();
    mail = watchSentMail(t);
  });
  afterAll(() => t.close());

  const ebs = async () => `Bearer ${await t.login('ebs@example.com')}`;
  const registrationOf = async (email: string): Promise<{ id: string; version: number }> =>
    (await t.dataSource.query(`SELECT id, version FROM registration WHERE email = $1 ORDER BY created_at DESC LIMIT 1`, [email]))[0];
  const firmId = async (taxId: string): Promise<string> =>
    (await t.dataSource.query(`SELECT id FROM firm WHERE tax_id = $1`, [taxId]))[0].id;
  const emailsTo = async (recipient: string): Promise<{ subject: string; body: string; template: string }[]> =>
    t.dataSource.query(`SELECT subject, body, template FROM notification WHERE recipient = $1 ORDER BY id`, [recipient]);
  const decide = async (id: string, action: string, body: object = {}) =>
    t.http().post(`/api/registrations/${id}/${action}`).set('Authorization', await ebs()).send(body);
  const login = (email: string, password = 'demo1234') => t.http().post('/api/auth/login').send({ email, password });

  describe('the public sign-up', () => {
    const signUp = (body: object) => t.http().post('/api/registrations').send(body);
    const jordan = { email: 'Jordan.Reed@Agency.example.com', name: 'Jordan Reed', firmName: 'Reed Benefits', firmTaxId: '77-1234567' };

    it('creates a PENDING registration without a token', async () => {
      const res = await signUp(jordan);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ id: expect.any(String), status: 'PENDING' });
      const [stored] = await t.dataSource.query(`SELECT email, status FROM registration WHERE id = $1`, [res.body.id]);
      expect(stored).toEqual({ email: 'jordan.reed@agency.example.com', status: 'PENDING' });
      const [audit] = await t.dataSource.query(`SELECT action, actor_email FROM audit_event WHERE entity_id = $1`, [res.body.id]);
      expect(audit).toEqual({ action: 'registration.submitted', actor_email: 'jordan.reed@agency.example.com' });
    });

    it('answers a sign-up for an email on file (any case) like a new one, changes nothing and tells the owner', async () => {
      const onFile = await registrationOf('jordan.reed@agency.example.com');
      const res = await signUp({ ...jordan, email: 'JORDAN.REED@agency.example.com', name: 'Mallory', firmName: 'Call 555-0100 now' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ id: expect.any(String), status: 'PENDING' });
      expect(res.body.id).not.toBe(onFile.id);
      const rows = await t.dataSource.query(`SELECT id, name, version FROM registration WHERE email = 'jordan.reed@agency.example.com'`);
      expect(rows).toEqual([{ id: onFile.id, name: 'Jordan Reed', version: onFile.version }]);
      expect((await t.http().get(`/api/registrations/${res.body.id}`).set('Authorization', await ebs())).status).toBe(404);

      const [audit] = await t.dataSource.query(
        `SELECT actor_email, after, reason FROM audit_event WHERE action = 'registration.repeated' AND entity_id = $1`, [onFile.id]);
      expect(audit).toMatchObject({ actor_email: 'jordan.reed@agency.example.com', after: { answeredId: res.body.id, name: 'Mallory' } });
      expect(audit.reason).toContain('already on file');
      const notice = await mail.lastTo('jordan.reed@agency.example.com');
      expect(notice.subject).toBe('Someone signed up again with your address');
      expect(notice.text).toContain('Hello Jordan Reed');
      expect(notice.text).toContain('ebs-web-support@kp.org');
      // Nothing the caller typed reaches the owner's inbox.
      expect(notice.text).not.toMatch(/Mallory|555-0100/);
    });

    it('answers sign-ups with the address of an existing account like any other', async () => {
      for (const email of ['admin@example.com', 'broker.co@example.com']) {
        const res = await signUp({ ...jordan, email });
        expect(res.status).toBe(201);
        expect(res.body).toEqual({ id: expect.any(String), status: 'PENDING' });
      }
    });

    it('answers identical sign-ups racing each other alike, keeping one registration', async () => {
      const body = { ...jordan, email: 'twins@agency.example.com' };
      const results = await Promise.all([signUp(body), signUp(body), signUp(body)]);
      expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
      expect(new Set(results.map((r) => r.body.id)).size).toBe(3);
      const rows = await t.dataSource.query(`SELECT id FROM registration WHERE email = 'twins@agency.example.com'`);
      expect(rows).toHaveLength(1);
    });

    it('lets a rejected person sign up again', async () => {
      const res = await signUp({ email: 'sam.unverified@example.com', name: 'Sam', firmName: 'Verified Now', firmTaxId: '99-9999998' });
      expect(res.status).toBe(201);
    });

    it.each([
      ['a malformed tax ID', { ...jordan, email: 'a@example.com', firmTaxId: '123' }, ['firmTaxId']],
      ['no email', { ...jordan, email: undefined }, ['email']],
      ['an extra field', { ...jordan, email: 'b@example.com', status: 'APPROVED' }, ['status']],
    ])('refuses %s with 400 per field', async (_, body, fields) => {
      const res = await signUp(body);
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.errors)).toEqual(fields);
    });
  });

  describe('EBS lists and reads', () => {
    it.each(STATUSES)('has demo registrations waiting as %s, and filters by it', async (status) => {
      const res = await t.http().get(`/api/registrations?status=${status}`).set('Authorization', await ebs());
      expect(res.status).toBe(200);
      expect(res.body.total).toBeGreaterThan(0);
      expect(res.body.data.every((r: { status: string }) => r.status === status)).toBe(true);
    });

    it('shows the firm to verify against and the actions open now', async () => {
      const { id } = await registrationOf('joiner.ga@example.com');
      const res = await t.http().get(`/api/registrations/${id}`).set('Authorization', await ebs());
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'PENDING',
        firmTaxId: '58-1000003',
        allowedActions: ['approve', 'reject'],
        matchingFirm: { id: await firmId('58-1000003'), name: 'Peachtree General Agency', kind: 'GENERAL_AGENCY' },
        account: null,
      });
    });

    it('refuses an unknown status filter with 400 and an unknown id with 404', async () => {
      expect((await t.http().get('/api/registrations?status=MAYBE').set('Authorization', await ebs())).status).toBe(400);
      expect((await t.http().get('/api/registrations/00000000-0000-4000-8000-000000000000').set('Authorization', await ebs())).status).toBe(404);
    });
  });

  describe('approving', () => {
    it('links the partner to an existing firm, creates a ga_delegate account and emails an invitation', async () => {
      const { id } = await registrationOf('joiner.ga@example.com');
      const peachtree = await firmId('58-1000003');
      const res = await decide(id, 'approve', { firmId: peachtree, reason: 'Verified with the agency' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'APPROVED',
        firmId: peachtree,
        decisionReason: 'Verified with the agency',
        allowedActions: ['lock', 'reinvite', 'deactivate'],
        account: { active: true, role: 'DELEGATE' },
      });
      const [user] = await t.dataSource.query(`SELECT roles, firm_id, firm_role, password_hash FROM app_user WHERE email = 'joiner.ga@example.com'`);
      expect(user).toEqual({ roles: ['ga_delegate'], firm_id: peachtree, firm_role: 'DELEGATE', password_hash: null });

      const [email] = await emailsTo('joiner.ga@example.com');
      expect(email).toMatchObject({ template: 'registration.approved' });
      expect((await login('joiner.ga@example.com', 'joiner-password')).status).toBe(401);
      const token = await mail.tokenTo('joiner.ga@example.com');
      const accepted = await t.http().post('/api/invitations/accept').send({ token, password: 'joiner-password' });
      expect(accepted.status).toBe(200);
      const session = await login('joiner.ga@example.com', 'joiner-password');
      expect(session.status).toBe(200);
      expect(session.body.user).toMatchObject({ roles: ['ga_delegate'], firmId: peachtree });

      const [audit] = await t.dataSource.query(
        `SELECT actor_email, before, after, reason, firm_id FROM audit_event WHERE action = 'registration.approved' AND entity_id = $1`, [id]);
      expect(audit).toMatchObject({
        actor_email: 'ebs@example.com',
        reason: 'Verified with the agency',
        firm_id: peachtree,
        before: { status: 'PENDING', firmId: null },
        after: { status: 'APPROVED', firmId: peachtree },
      });
    });

    it('creates the firm when none matches, with the registered name and tax ID', async () => {
      const { id } = await registrationOf('jordan.lee@baybenefits.example.com');
      const res = await decide(id, 'approve', { createFirm: { kind: 'BROKER_AGENCY', region: 'CA' } });
      expect(res.status).toBe(200);
      expect(res.body.matchingFirm).toMatchObject({ name: 'Bay Area Benefits LLC', taxId: '94-2000011', kind: 'BROKER_AGENCY', region: 'CA' });
      const [user] = await t.dataSource.query(`SELECT roles FROM app_user WHERE email = 'jordan.lee@baybenefits.example.com'`);
      expect(user.roles).toEqual(['broker']);
      const firms = await t.http().get('/api/firms?q=Bay%20Area').set('Authorization', await ebs());
      expect(firms.body.data).toEqual([expect.objectContaining({ name: 'Bay Area Benefits LLC', needsAdmin: true })]);
    });

    it('refuses to create a firm whose tax ID exists, naming the firm to use', async () => {
      const { id } = await registrationOf('applicant.mas@example.com');
      const res = await decide(id, 'approve', { createFirm: { kind: 'GENERAL_AGENCY', region: 'MAS' } });
      expect(res.status).toBe(409);
      expect(res.body.details).toEqual({ firmId: await firmId('52-1000004') });
    });

    it('refuses an administrator past the cap of a General Agency and leaves the registration pending', async () => {
      const { id } = await registrationOf('twins@agency.example.com');
      const res = await decide(id, 'approve', {
        firmId: await firmId('58-1000003'), firmRole: 'ADMIN', overrideReason: 'The agency confirmed this person by phone.',
      });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('ADMIN_CAP_REACHED');
      const [row] = await t.dataSource.query(`SELECT status FROM registration WHERE id = $1`, [id]);
      expect(row.status).toBe('PENDING');
      expect(await t.dataSource.query(`SELECT 1 FROM app_user WHERE email = 'twins@agency.example.com'`)).toEqual([]);
    });

    it('makes an administrator of a firm that needs one', async () => {
      const { id } = await registrationOf('applicant.mas@example.com');
      const chesapeake = await firmId('52-1000004');
      const res = await decide(id, 'approve', { firmId: chesapeake, firmRole: 'ADMIN' });
      expect(res.status).toBe(200);
      const firm = await t.http().get(`/api/firms/${chesapeake}`).set('Authorization', await ebs());
      expect(firm.body).toMatchObject({ activeAdminCount: 1, needsAdmin: false });
    });

    it.each([
      ['neither firmId nor createFirm', {}, 'firmId'],
      ['both firmId and createFirm', { firmId: '00000000-0000-4000-8000-000000000000', createFirm: { kind: 'BROKER_AGENCY', region: 'CA' } }, 'createFirm'],
      ['an unknown firm', { firmId: '00000000-0000-4000-8000-000000000000' }, 'firmId'],
      ['a new firm without a region', { createFirm: { kind: 'BROKER_AGENCY' } }, 'createFirm.region'],
    ])('refuses %s with 400', async (_, body, field) => {
      const { id } = await registrationOf('twins@agency.example.com');
      const res = await decide(id, 'approve', body);
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.errors)).toContain(field);
    });

    describe('into a firm whose tax ID is not the registered one', () => {
      const REASON = 'The agency changed its EIN last year; confirmed with its principal.';
      const pending = async (email: string, firmTaxId: string) =>
        (await t.http().post('/api/registrations').send({ email, name: 'Tax Person', firmName: 'Front Range Benefits', firmTaxId })).body.id as string;

      it('refuses without an override reason (422 TAX_ID_MISMATCH), changing nothing', async () => {
        const id = await pending('mismatch.one@agency.example.com', '84-1000009');
        const res = await decide(id, 'approve', { firmId: await firmId('84-1000002') });
        expect(res.status).toBe(422);
        expect(res.body).toMatchObject({ code: 'TAX_ID_MISMATCH', details: { registeredTaxId: '84-1000009', firmTaxId: '84-1000002' } });
        expect(res.body.message).toContain('overrideReason');
        const [row] = await t.dataSource.query(`SELECT status, firm_id FROM registration WHERE id = $1`, [id]);
        expect(row).toEqual({ status: 'PENDING', firm_id: null });
        expect(await t.dataSource.query(`SELECT 1 FROM app_user WHERE email = 'mismatch.one@agency.example.com'`)).toEqual([]);
      });

      it.each([
        ['too short', 'Because'],
        ['blank', '              '],
        ['too long', 'x'.repeat(501)],
        ['not text', 42],
      ])('refuses an override reason that is %s with 400', async (_, overrideReason) => {
        const id = await pending(`mismatch.${String(overrideReason).length}@agency.example.com`, '84-1000009');
        const res = await decide(id, 'approve', { firmId: await firmId('84-1000002'), overrideReason });
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { overrideReason: expect.any(String) } });
      });

      it('approves with a reason, shown on the record and audited', async () => {
        const id = await pending('mismatch.two@agency.example.com', '84-1000009');
        const frontRange = await firmId('84-1000002');
        const res = await decide(id, 'approve', { firmId: frontRange, overrideReason: `  ${REASON}  ` });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ status: 'APPROVED', firmId: frontRange, taxIdOverrideReason: REASON });
        expect((await t.http().get(`/api/registrations/${id}`).set('Authorization', await ebs())).body.taxIdOverrideReason).toBe(REASON);
        const [audit] = await t.dataSource.query(`SELECT before, after FROM audit_event WHERE action = 'registration.approved' AND entity_id = $1`, [id]);
        expect(audit).toMatchObject({ before: { taxIdOverrideReason: null }, after: { taxIdOverrideReason: REASON } });
      });

      it('compares digits only: the same EIN written without its dash matches', async () => {
        const id = await pending('mismatch.three@agency.example.com', '84-1000002');
        await t.dataSource.query(`UPDATE registration SET firm_tax_id = '841000002' WHERE id = $1`, [id]);
        const detail = await t.http().get(`/api/registrations/${id}`).set('Authorization', await ebs());
        expect(detail.body.matchingFirm).toMatchObject({ id: await firmId('84-1000002') });
        const res = await decide(id, 'approve', { firmId: await firmId('84-1000002') });
        expect(res.status).toBe(200);
        expect(res.body.taxIdOverrideReason).toBeNull();
      });

      it.each([
        ['the firm with the registered tax ID', '58-1000003', (): Promise<object> => firmId('58-1000003').then((id) => ({ firmId: id }))],
        ['a firm created from the registration', '33-3000003', async (): Promise<object> => ({ createFirm: { kind: 'BROKER_AGENCY', region: 'GA' } })],
      ])('refuses an override reason for %s with 400: nothing to override', async (_, taxId, target) => {
        const id = await pending(`needless.${taxId}@agency.example.com`, taxId);
        const res = await decide(id, 'approve', { ...(await target()), overrideReason: REASON });
        expect(res.status).toBe(400);
        expect(res.body.errors).toHaveProperty('overrideReason');
      });
    });

    it('refuses to link an email that belongs to another firm', async () => {
      const signUp = await t.http().post('/api/registrations')
        .send({ email: 'gaadmin.ga@example.com', name: 'Georgia', firmName: 'Front Range', firmTaxId: '84-1000002' });
      expect(signUp.status).toBe(201);
      const res = await decide(signUp.body.id, 'approve', { firmId: await firmId('84-1000002') });
      expect(res.status).toBe(409);
      expect(res.body.message).toContain('another account');
    });
  });

  describe('rejecting, locking, unlocking, re-inviting and deactivating', () => {
    it('rejects with a reason that is emailed to the person', async () => {
      const { id } = await registrationOf('twins@agency.example.com');
      expect((await decide(id, 'reject', {})).status).toBe(400);
      const res = await decide(id, 'reject', { reason: 'No appointment with the carrier on file.' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'REJECTED', allowedActions: [] });
      const email = (await emailsTo('twins@agency.example.com')).at(-1)!;
      expect(email).toMatchObject({ template: 'registration.rejected' });
      expect(email.body).toContain('No appointment with the carrier on file.');
      expect(email.body).toContain('ebs-web-support@kp.org');
    });

    it('locks: the partner cannot log in and an existing session ends; unlock restores both', async () => {
      const { id } = await registrationOf('delegate2.co@example.com');
      const token = (await login('delegate2.co@example.com')).body.accessToken;
      const locked = await decide(id, 'lock', { reason: 'Suspicious activity' });
      expect(locked.status).toBe(200);
      expect(locked.body).toMatchObject({ status: 'LOCKED', account: { active: false } });
      expect((await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);
      expect((await login('delegate2.co@example.com')).status).toBe(401);

      const unlocked = await decide(id, 'unlock');
      expect(unlocked.status).toBe(200);
      expect(unlocked.body).toMatchObject({ status: 'APPROVED', account: { active: true } });
      expect((await login('delegate2.co@example.com')).status).toBe(200);
      expect((await emailsTo('delegate2.co@example.com')).map((e) => e.template)).toEqual(['registration.locked', 'registration.unlocked']);
    });

    it('deactivates, then re-invites: the old invitation stops working and the new one restores access', async () => {
      const { id } = await registrationOf('delegate2.ca@example.com');
      const first = await decide(id, 'reinvite');
      expect(first.status).toBe(200);
      const firstToken = await mail.tokenTo('delegate2.ca@example.com');

      const deactivated = await decide(id, 'deactivate', { reason: 'Left the agency' });
      expect(deactivated.body).toMatchObject({ status: 'DEACTIVATED', allowedActions: ['reinvite'] });
      expect((await login('delegate2.ca@example.com')).status).toBe(401);
      const stale = await t.http().post('/api/invitations/accept').send({ token: firstToken, password: 'new-password' });
      expect(stale.status).toBe(422);

      const reinvited = await decide(id, 'reinvite');
      expect(reinvited.body).toMatchObject({ status: 'APPROVED', account: { active: true } });
      const secondToken = await mail.tokenTo('delegate2.ca@example.com');
      const accepted = await t.http().post('/api/invitations/accept').send({ token: secondToken, password: 'new-password' });
      expect(accepted.status).toBe(200);
      expect((await login('delegate2.ca@example.com', 'new-password')).status).toBe(200);
      expect((await emailsTo('delegate2.ca@example.com')).map((e) => e.template)).toEqual([
        'registration.reinvited', 'registration.deactivated', 'registration.reinvited',
      ]);
    });

    it.each<[string, string, string, object]>([
      ['unlock', 'a pending registration', 'jordan.reed@agency.example.com', {}],
      ['approve', 'an approved registration', 'delegate2.co@example.com', { createFirm: { kind: 'BROKER_AGENCY', region: 'CO' } }],
      ['lock', 'a deactivated registration', 'former.admin.ca@example.com', {}],
      ['reject', 'a locked registration', 'former.admin.co@example.com', { reason: 'Because' }],
    ])('refuses to %s %s with 422 INVALID_TRANSITION', async (action, _, email, body) => {
      const { id } = await registrationOf(email);
      const res = await decide(id, action, body);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('INVALID_TRANSITION');
      expect(res.body.details).toMatchObject({ action, allowedActions: expect.any(Array) });
    });

    it('refuses a decision taken on a stale version with 409', async () => {
      const { id, version } = await registrationOf('former.admin.co@example.com');
      const res = await decide(id, 'unlock', { version: version - 1 < 1 ? version + 1 : version - 1 });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('VERSION_CONFLICT');
    });

    it('writes every decision to the audit trail with before and after', async () => {
      const rows: { action: string; before: { status: string }; after: { status: string } }[] = await t.dataSource.query(
        `SELECT action, before, after FROM audit_event
          WHERE entity_type = 'Registration' AND action NOT IN ('registration.submitted', 'registration.repeated') ORDER BY id`);
      expect(rows.map((r) => `${r.action}: ${r.before.status} → ${r.after.status}`)).toEqual([
        'registration.approved: PENDING → APPROVED',
        'registration.approved: PENDING → APPROVED',
        'registration.approved: PENDING → APPROVED',
        'registration.approved: PENDING → APPROVED',
        'registration.approved: PENDING → APPROVED',
        'registration.rejected: PENDING → REJECTED',
        'registration.locked: APPROVED → LOCKED',
        'registration.unlocked: LOCKED → APPROVED',
        'registration.reinvited: APPROVED → APPROVED',
        'registration.deactivated: APPROVED → DEACTIVATED',
        'registration.reinvited: DEACTIVATED → APPROVED',
      ]);
    });
  });
});

describe('registration routes by role (API)', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp();
    const rows = await t.dataSource.query(`SELECT email, id FROM registration`);
    for (const r of rows) ids[r.email] = r.id;
    ids.peachtree = (await t.dataSource.query(`SELECT id FROM firm WHERE tax_id = '58-1000003'`))[0].id;
  });
  afterAll(() => t.close());

  const CALLERS = {
    rep: 'rep.ca@example.com',
    lead: 'lead.ca@example.com',
    ga_support: 'gasupport@example.com',
    ebs: 'ebs@example.com',
    admin: 'admin@example.com',
    broker: 'broker.ca@example.com',
    ga_admin: 'gaadmin.ga@example.com',
    ga_delegate: 'delegate1.ga@example.com',
    'no token': null,
  } as const;
  type Caller = keyof typeof CALLERS;
  const onlyEbs = (ok: number): Record<Caller, number> => ({
    rep: 403, lead: 403, ga_support: 403, ebs: ok, admin: 403, broker: 403, ga_admin: 403, ga_delegate: 403, 'no token': 401,
  });
  const everyone = (status: number): Record<Caller, number> => ({
    rep: status, lead: status, ga_support: status, ebs: status, admin: status, broker: status, ga_admin: status,
    ga_delegate: status, 'no token': status,
  });
  const slug = (caller: Caller) => caller.replace(/[^a-z]+/g, '-');

  // Decisions on demo registrations, in an order where each is allowed when EBS takes it.
  const ROUTES: [string, (caller: Caller) => { method: 'get' | 'post'; path: string; body?: object }, Record<Caller, number>][] = [
    ['GET /registrations', () => ({ method: 'get', path: '/api/registrations' }), onlyEbs(200)],
    ['GET /registrations/:id', () => ({ method: 'get', path: `/api/registrations/${ids['joiner.ga@example.com']}` }), onlyEbs(200)],
    [
      'POST /registrations (public sign-up)',
      (caller) => ({
        method: 'post',
        path: '/api/registrations',
        body: { email: `signup.${slug(caller)}@example.com`, name: 'Signer', firmName: 'Some Agency', firmTaxId: '11-1111111' },
      }),
      everyone(201),
    ],
    ['POST /registrations/:id/approve', () => ({
      method: 'post', path: `/api/registrations/${ids['joiner.ga@example.com']}/approve`, body: { firmId: ids.peachtree },
    }), onlyEbs(200)],
    ['POST /registrations/:id/reject', () => ({
      method: 'post', path: `/api/registrations/${ids['jordan.lee@baybenefits.example.com']}/reject`, body: { reason: 'Not appointed' },
    }), onlyEbs(200)],
    ['POST /registrations/:id/lock', () => ({ method: 'post', path: `/api/registrations/${ids['delegate2.co@example.com']}/lock` }), onlyEbs(200)],
    ['POST /registrations/:id/unlock', () => ({ method: 'post', path: `/api/registrations/${ids['delegate2.co@example.com']}/unlock` }), onlyEbs(200)],
    ['POST /registrations/:id/reinvite', () => ({ method: 'post', path: `/api/registrations/${ids['delegate2.ca@example.com']}/reinvite` }), onlyEbs(200)],
    ['POST /registrations/:id/deactivate', () => ({ method: 'post', path: `/api/registrations/${ids['delegate2.ca@example.com']}/deactivate` }), onlyEbs(200)],
  ];

  const cases = ROUTES.flatMap(([name, call, expected]) =>
    (Object.keys(CALLERS) as Caller[]).map((caller) => [name, caller, expected[caller], call] as const),
  );

  it.each(cases)('%s as %s → %i', async (_, caller, status, call) => {
    const { method, path, body } = call(caller);
    const email = CALLERS[caller];
    let req = t.http()[method](path);
    if (email) req = req.set('Authorization', `Bearer ${await t.login(email)}`);
    const res = await (body ? req.send(body) : req);
    expect(res.status).toBe(status);
  });
});
