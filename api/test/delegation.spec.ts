import { Client } from 'pg';
import { InvitationLinks } from '../src/delegation/invitation-links';
import { type SentMail, watchSentMail } from './support/sent-mail';
import { startTestApp, type TestApp } from './support/test-app';

const PEACHTREE = '58-1000003'; // General Agency (GA), at the cap of 4 administrators
const CHESAPEAKE = '52-1000004'; // General Agency (MAS), no active administrator
const FRONT_RANGE = '84-1000002'; // broker agency (CO), one active administrator
const GOLDEN_STATE = '94-1000001'; // broker agency (CA), one active administrator

describe('delegation: firms, administrators, delegates (API)', () => {
  let t: TestApp;
  let mail: SentMail;
  beforeAll(async () => {
    t = await startTestApp();
    mail = watchSentMail(t);
  });
  afterAll(() => t.close());

  const as = async (email: string) => `Bearer ${await t.login(email)}`;
  const firmId = async (taxId: string): Promise<string> =>
    (await t.dataSource.query(`SELECT id FROM firm WHERE tax_id = $1`, [taxId]))[0].id;
  const userId = async (email: string): Promise<string> =>
    (await t.dataSource.query(`SELECT id FROM app_user WHERE email = $1`, [email]))[0].id;
  const lastEmailTo = async (recipient: string): Promise<{ subject: string; body: string; template: string }> =>
    (await t.dataSource.query(`SELECT subject, body, template FROM notification WHERE recipient = $1 ORDER BY id DESC LIMIT 1`, [recipient]))[0];
  const loginStatus = async (email: string, password = 'demo1234') =>
    (await t.http().post('/api/auth/login').send({ email, password })).status;

  describe('reading firms', () => {
    it('lists every firm for GA support, those needing an administrator first, with their counts', async () => {
      const res = await t.http().get('/api/firms').set('Authorization', await as('gasupport@example.com'));
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(4);
      expect(res.body.data[0]).toMatchObject({ name: 'Chesapeake General Agency', activeAdminCount: 0, needsAdmin: true, adminCap: 4 });
      const byName = Object.fromEntries(res.body.data.map((f: { name: string }) => [f.name, f]));
      expect(byName['Peachtree General Agency']).toMatchObject({ kind: 'GENERAL_AGENCY', activeAdminCount: 4, needsAdmin: false });
      expect(byName['Front Range Benefits Group']).toMatchObject({ kind: 'BROKER_AGENCY', activeAdminCount: 1, adminCap: null });
      expect(res.body.data.slice(1).map((f: { name: string }) => f.name)).toEqual(
        ['Front Range Benefits Group', 'Golden State Benefit Partners', 'Peachtree General Agency'],
      );
    });

    it.each([
      ['needsAdmin=true', ['Chesapeake General Agency']],
      ['needsAdmin=false', ['Front Range Benefits Group', 'Golden State Benefit Partners', 'Peachtree General Agency']],
      ['kind=BROKER_AGENCY', ['Front Range Benefits Group', 'Golden State Benefit Partners']],
      ['region=GA', ['Peachtree General Agency']],
      ['q=peach', ['Peachtree General Agency']],
      ['q=84-10', ['Front Range Benefits Group']],
      ['sort=name&order=DESC&perPage=2', ['Peachtree General Agency', 'Golden State Benefit Partners']],
    ])('filters and sorts the list: %s', async (query, names) => {
      const res = await t.http().get(`/api/firms?${query}`).set('Authorization', await as('ebs@example.com'));
      expect(res.status).toBe(200);
      expect(res.body.data.map((f: { name: string }) => f.name)).toEqual(names);
    });

    it('counts only the firms asked for by id, not every firm (react-admin getMany)', async () => {
      const ids = [await firmId(PEACHTREE), await firmId(CHESAPEAKE)];
      const res = await t.http().get(`/api/firms?id=${ids[0]}&id=${ids[1]}&perPage=1`).set('Authorization', await as('gasupport@example.com'));
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(2);
      expect(res.body.data.map((f: { id: string }) => f.id)).toEqual([ids[1]]);
    });

    it('refuses an unknown filter or sort field with 400', async () => {
      const auth = await as('gasupport@example.com');
      expect((await t.http().get('/api/firms?needsAdmin=maybe').set('Authorization', auth)).status).toBe(400);
      expect((await t.http().get('/api/firms?sort=password').set('Authorization', auth)).status).toBe(400);
    });

    it('shows a firm with its users, who granted them, and open invitations', async () => {
      const res = await t.http().get(`/api/firms/${await firmId(PEACHTREE)}`).set('Authorization', await as('gasupport@example.com'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: 'Peachtree General Agency', activeAdminCount: 4, needsAdmin: false, invitations: [] });
      const users = Object.fromEntries(res.body.users.map((u: { email: string }) => [u.email, u]));
      expect(Object.keys(users)).toHaveLength(7);
      expect(users['former.admin.ga@example.com']).toMatchObject({ role: 'ADMIN', active: false });
      expect(users['delegate1.ga@example.com']).toEqual({
        id: expect.any(String),
        name: 'Lucy Nguyen',
        email: 'delegate1.ga@example.com',
        role: 'DELEGATE',
        active: true,
        grantedById: users['former.admin.ga@example.com'].id,
        deactivatedAt: null,
      });
    });

    it('shows a partner only their own firm: the list holds one, another firm is 404', async () => {
      const auth = await as('broker.ca@example.com');
      const list = await t.http().get('/api/firms').set('Authorization', auth);
      expect(list.body).toMatchObject({ total: 1, data: [{ name: 'Golden State Benefit Partners' }] });
      const other = await t.http().get(`/api/firms/${await firmId(PEACHTREE)}`).set('Authorization', auth);
      expect(other.status).toBe(404);
      expect(other.body.code).toBe('NOT_FOUND');
    });
  });

  describe('the cap of 4 administrators of a General Agency', () => {
    it('refuses a fifth administrator with 422 ADMIN_CAP_REACHED and changes nothing', async () => {
      const firm = await firmId(PEACHTREE);
      const res = await t
        .http()
        .post(`/api/firms/${firm}/admins`)
        .set('Authorization', await as('gasupport@example.com'))
        .send({ userId: await userId('delegate2.ga@example.com') });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'ADMIN_CAP_REACHED', details: { cap: 4, activeAdmins: 4, pendingAdminInvitations: 0 } });
      const [{ role }] = await t.dataSource.query(`SELECT firm_role AS role FROM app_user WHERE email = 'delegate2.ga@example.com'`);
      expect(role).toBe('DELEGATE');
    });

    it('refuses an invitation for a fifth administrator, but not one for a delegate', async () => {
      const firm = await firmId(PEACHTREE);
      const auth = await as('gasupport@example.com');
      const admin = await t.http().post(`/api/firms/${firm}/invitations`).set('Authorization', auth)
        .send({ email: 'fifth.admin@example.com', name: 'Fifth Admin', role: 'ADMIN' });
      expect(admin.status).toBe(422);
      expect(admin.body.code).toBe('ADMIN_CAP_REACHED');
      const delegate = await t.http().post(`/api/firms/${firm}/invitations`).set('Authorization', auth)
        .send({ email: 'third.delegate@example.com', name: 'Third Delegate', role: 'DELEGATE' });
      expect(delegate.status).toBe(201);
    });

    it('lets exactly one of two concurrent promotions into the last seat', async () => {
      const firm = await firmId(PEACHTREE);
      const auth = await as('gasupport@example.com');
      const departed = await t.http().post(`/api/firms/${firm}/admins/${await userId('admin4.ga@example.com')}/depart`)
        .set('Authorization', auth).send({ reason: 'Left the agency' });
      expect(departed.status).toBe(200);
      expect(departed.body.activeAdminCount).toBe(3);

      const promote = async (email: string) =>
        t.http().post(`/api/firms/${firm}/admins`).set('Authorization', auth).send({ userId: await userId(email) });
      const results = await Promise.all([promote('delegate1.ga@example.com'), promote('delegate2.ga@example.com')]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 422]);
      expect(results.find((r) => r.status === 422)!.body.code).toBe('ADMIN_CAP_REACHED');
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM app_user WHERE firm_id = $1 AND firm_role = 'ADMIN' AND active`, [firm]);
      expect(count).toBe(4);
    });

    it('holds in the database itself, against two transactions that bypass the API', async () => {
      const firm = await firmId(CHESAPEAKE);
      // Three active administrators, then two sessions each try to add a fourth and a fifth at once.
      await t.dataSource.query(
        `INSERT INTO app_user (email, name, roles, firm_id, firm_role)
         SELECT 'seat' || n || '.mas@example.com', 'Seat ' || n, '{ga_admin}', $1, 'ADMIN' FROM generate_series(1, 3) n`, [firm]);
      await t.dataSource.query(
        `INSERT INTO app_user (email, name, roles, firm_id, firm_role) VALUES
           ('late1.mas@example.com', 'Late 1', '{ga_delegate}', $1, 'DELEGATE'),
           ('late2.mas@example.com', 'Late 2', '{ga_delegate}', $1, 'DELEGATE')`, [firm]);
      const a = new Client({ connectionString: t.db.url });
      const b = new Client({ connectionString: t.db.url });
      await Promise.all([a.connect(), b.connect()]);
      try {
        await a.query('BEGIN');
        await b.query('BEGIN');
        await a.query(`UPDATE app_user SET firm_role = 'ADMIN' WHERE email = 'late1.mas@example.com'`);
        // b waits on the firm row a locked; once a commits, b counts a's administrator too.
        const second = b.query(`UPDATE app_user SET firm_role = 'ADMIN' WHERE email = 'late2.mas@example.com'`);
        await a.query('COMMIT');
        await expect(second).rejects.toMatchObject({ constraint: 'firm_admin_cap', code: '23514' });
        await b.query('ROLLBACK');
      } finally {
        await Promise.all([a.end(), b.end()]);
      }
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM app_user WHERE firm_id = $1 AND firm_role = 'ADMIN' AND active`, [firm]);
      expect(count).toBe(4);
      await t.dataSource.query(`DELETE FROM app_user WHERE email LIKE 'seat%.mas@example.com' OR email LIKE 'late%.mas@example.com'`);
    });

    it('does not cap a broker agency', async () => {
      const firm = await firmId(FRONT_RANGE);
      await t.dataSource.query(
        `INSERT INTO app_user (email, name, roles, firm_id, firm_role)
         SELECT 'extra' || n || '.co@example.com', 'Extra ' || n, '{broker}', $1, 'ADMIN' FROM generate_series(1, 4) n`, [firm]);
      const res = await t.http().get(`/api/firms/${firm}`).set('Authorization', await as('gasupport@example.com'));
      expect(res.body.activeAdminCount).toBe(5);
      await t.dataSource.query(`DELETE FROM app_user WHERE email LIKE 'extra%.co@example.com'`);
    });
  });

  describe('a departed administrator', () => {
    it('departing the only administrator flags the firm and leaves every delegate able to log in', async () => {
      const firm = await firmId(FRONT_RANGE);
      const departing = await userId('broker.co@example.com');
      const departedToken = await as('broker.co@example.com');
      expect((await t.http().get('/api/auth/me').set('Authorization', departedToken)).status).toBe(200);

      const res = await t.http().post(`/api/firms/${firm}/admins/${departing}/depart`)
        .set('Authorization', await as('gasupport@example.com'))
        .send({ reason: 'Retired from the agency' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ activeAdminCount: 0, needsAdmin: true });
      const users = Object.fromEntries(res.body.users.map((u: { email: string }) => [u.email, u]));
      expect(users['broker.co@example.com']).toMatchObject({ active: false, role: 'ADMIN', deactivatedAt: expect.any(String) });
      // delegate2 was granted by the administrator who just left, delegate1 by one who left earlier.
      expect(users['delegate2.co@example.com']).toMatchObject({ active: true, grantedById: departing });
      expect(users['delegate1.co@example.com']).toMatchObject({ active: true });

      expect(await loginStatus('delegate1.co@example.com')).toBe(200);
      expect(await loginStatus('delegate2.co@example.com')).toBe(200);
      // The departed administrator's open drafts stay with the firm, and its delegates carry on with them.
      const drafts: { id: string }[] = await t.dataSource.query(
        `SELECT id FROM submission WHERE created_by_id = $1 AND state = 'DRAFT'`, [departing]);
      expect(drafts.length).toBeGreaterThan(0);
      const open = await t.http().get('/api/partner/submissions?status=OPEN&perPage=100')
        .set('Authorization', await as('delegate2.co@example.com'));
      expect(open.status).toBe(200);
      expect(open.body.data.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(drafts.map((d) => d.id)));
      expect(await loginStatus('broker.co@example.com')).toBe(401);
      expect((await t.http().get('/api/auth/me').set('Authorization', departedToken)).status).toBe(401);

      const flagged = await t.http().get('/api/firms?needsAdmin=true').set('Authorization', await as('gasupport@example.com'));
      expect(flagged.body.data.map((f: { name: string }) => f.name)).toContain('Front Range Benefits Group');

      const [audit] = await t.dataSource.query(
        `SELECT actor_email, before, after, reason, firm_id, region FROM audit_event
          WHERE action = 'delegation.admin_departed' AND entity_id = $1`, [departing]);
      expect(audit).toMatchObject({
        actor_email: 'gasupport@example.com',
        reason: 'Retired from the agency',
        firm_id: firm,
        region: 'CO',
        before: { active: true, role: 'ADMIN' },
        after: { active: false, role: 'ADMIN', replacementUserId: null },
      });
    });

    it('promotes a named replacement in the same change', async () => {
      const firm = await firmId(GOLDEN_STATE);
      const replacement = await userId('delegate1.ca@example.com');
      const res = await t.http().post(`/api/firms/${firm}/admins/${await userId('broker.ca@example.com')}/depart`)
        .set('Authorization', await as('gasupport@example.com'))
        .send({ reason: 'Moved to another agency', replacementUserId: replacement });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ activeAdminCount: 1, needsAdmin: false });
      expect(res.body.users.find((u: { id: string }) => u.id === replacement)).toMatchObject({ role: 'ADMIN', active: true });
      const actions = await t.dataSource.query(
        `SELECT action, reason FROM audit_event WHERE firm_id = $1 AND action LIKE 'delegation.%' ORDER BY id`, [firm]);
      expect(actions).toEqual([
        { action: 'delegation.admin_departed', reason: 'Moved to another agency' },
        { action: 'delegation.admin_promoted', reason: 'Moved to another agency' },
      ]);
      expect(await lastEmailTo('delegate1.ca@example.com')).toMatchObject({ template: 'delegation.admin_promoted' });
    });

    it.each([
      ['a delegate', 'delegate2.ca@example.com', { reason: 'Gone' }, 422, 'INVALID_TRANSITION'],
      ['an administrator already departed', 'former.admin.ca@example.com', { reason: 'Gone' }, 422, 'INVALID_TRANSITION'],
      ['without a reason', 'delegate1.ca@example.com', {}, 400, 'VALIDATION_FAILED'],
      ['with an inactive replacement', 'delegate1.ca@example.com', { reason: 'Gone', replacementUserId: 'former.admin.ca@example.com' }, 422, 'INVALID_TRANSITION'],
      ['with a replacement from another firm', 'delegate1.ca@example.com', { reason: 'Gone', replacementUserId: 'delegate1.co@example.com' }, 400, 'VALIDATION_FAILED'],
      ['with a stale firm version', 'delegate1.ca@example.com', { reason: 'Gone', version: 1 }, 409, 'VERSION_CONFLICT'],
    ])('refuses to depart %s', async (_, email, body: Record<string, unknown>, status, code) => {
      const payload = { ...body };
      if (typeof payload.replacementUserId === 'string') payload.replacementUserId = await userId(payload.replacementUserId);
      const res = await t.http().post(`/api/firms/${await firmId(GOLDEN_STATE)}/admins/${await userId(email)}/depart`)
        .set('Authorization', await as('gasupport@example.com')).send(payload);
      expect(res.status).toBe(status);
      expect(res.body.code).toBe(code);
    });

    it('answers 404 for a user of another firm', async () => {
      const res = await t.http().post(`/api/firms/${await firmId(GOLDEN_STATE)}/admins/${await userId('gaadmin.ga@example.com')}/depart`)
        .set('Authorization', await as('gasupport@example.com')).send({ reason: 'Gone' });
      expect(res.status).toBe(404);
    });
  });

  describe('invitations', () => {
    it('invites an administrator who sets a password, logs in, and clears the flag', async () => {
      const firm = await firmId(CHESAPEAKE);
      const res = await t.http().post(`/api/firms/${firm}/invitations`).set('Authorization', await as('gasupport@example.com'))
        .send({ email: 'New.Admin@Chesapeake.example.com', name: 'Nora Admin', role: 'ADMIN' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ firmId: firm, email: 'new.admin@chesapeake.example.com', role: 'ADMIN', userId: null });
      expect(res.body).not.toHaveProperty('token');
      const detail = await t.http().get(`/api/firms/${firm}`).set('Authorization', await as('gasupport@example.com'));
      expect(detail.body).toMatchObject({ pendingAdminInvitationCount: 1, invitations: [{ email: 'new.admin@chesapeake.example.com' }] });

      const email = await lastEmailTo('new.admin@chesapeake.example.com');
      expect(email).toMatchObject({ template: 'delegation.invitation' });
      const token = await mail.tokenTo('new.admin@chesapeake.example.com');
      const [stored] = await t.dataSource.query(`SELECT token_hash FROM firm_invitation WHERE id = $1`, [res.body.id]);
      expect(stored.token_hash).not.toContain(token);

      const accepted = await t.http().post('/api/invitations/accept').send({ token, password: 'a-good-password' });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ email: 'new.admin@chesapeake.example.com', firmId: firm, role: 'ADMIN' });
      const login = await t.http().post('/api/auth/login').send({ email: 'new.admin@chesapeake.example.com', password: 'a-good-password' });
      expect(login.status).toBe(200);
      expect(login.body.user).toMatchObject({ roles: ['ga_admin'], firmId: firm });
      const after = await t.http().get(`/api/firms/${firm}`).set('Authorization', await as('gasupport@example.com'));
      expect(after.body).toMatchObject({ activeAdminCount: 1, needsAdmin: false, pendingAdminInvitationCount: 0, invitations: [] });
      expect(after.body.users.find((u: { email: string }) => u.email === 'new.admin@chesapeake.example.com'))
        .toMatchObject({ grantedById: await userId('gasupport@example.com') });

      const reused = await t.http().post('/api/invitations/accept').send({ token, password: 'another-password' });
      expect(reused.status).toBe(422);
      expect(reused.body).toMatchObject({ code: 'INVALID_TRANSITION', details: { invitation: 'ACCEPTED' } });
      expect(reused.body.message).toContain('already been used');
    });

    it('refuses an expired invitation token', async () => {
      const firm = await firmId(CHESAPEAKE);
      const res = await t.http().post(`/api/firms/${firm}/invitations`).set('Authorization', await as('gasupport@example.com'))
        .send({ email: 'slow.delegate@example.com', name: 'Slow Delegate', role: 'DELEGATE' });
      expect(res.status).toBe(201);
      const token = await mail.tokenTo('slow.delegate@example.com');
      await t.dataSource.query(`UPDATE firm_invitation SET expires_at = now() - interval '1 minute' WHERE id = $1`, [res.body.id]);
      const accepted = await t.http().post('/api/invitations/accept').send({ token, password: 'a-good-password' });
      expect(accepted.status).toBe(422);
      expect(accepted.body).toMatchObject({ code: 'INVALID_TRANSITION', details: { invitation: 'EXPIRED' } });
      expect(await loginStatus('slow.delegate@example.com', 'a-good-password')).toBe(401);

      // A new invitation to the same email replaces the expired one.
      const again = await t.http().post(`/api/firms/${firm}/invitations`).set('Authorization', await as('gasupport@example.com'))
        .send({ email: 'slow.delegate@example.com', name: 'Slow Delegate', role: 'DELEGATE' });
      expect(again.status).toBe(201);
    });

    it.each([
      ['an unknown token', { token: 'x'.repeat(43), password: 'a-good-password' }, 404],
      ['a malformed token', { token: 'bad token!', password: 'a-good-password' }, 400],
      ['a short password', { token: 'x'.repeat(43), password: 'short' }, 400],
    ])('refuses %s', async (_, body, status) => {
      expect((await t.http().post('/api/invitations/accept').send(body)).status).toBe(status);
    });

    it('refuses to invite an email this firm has an open invitation for with 409; another firm may invite it', async () => {
      const invite = async (taxId: string) => t.http().post(`/api/firms/${await firmId(taxId)}/invitations`)
        .set('Authorization', await as('gasupport@example.com')).send({ email: 'slow.delegate@example.com', name: 'Someone', role: 'DELEGATE' });
      const again = await invite(CHESAPEAKE);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('CONFLICT');
      // Refusing would tell Front Range that another firm invited this address.
      expect((await invite(FRONT_RANGE)).status).toBe(201);
    });

    it.each([
      ['a staff account', 'admin@example.com'],
      ['a partner of another firm', 'delegate2.ga@example.com'],
      ['a partner of this firm', 'delegate1.mas@example.com'],
    ])('answers an invitation to the address of %s as any other, and only tells the owner', async (_, email) => {
      const firm = await firmId(CHESAPEAKE);
      const auth = await as('gasupport@example.com');
      const invite = (to: string) => t.http().post(`/api/firms/${firm}/invitations`).set('Authorization', auth)
        .send({ email: to, name: 'Someone New', role: 'DELEGATE' });
      const existing = await invite(email);
      const fresh = await invite(`fresh.${email}`);
      expect(existing.status).toBe(201);
      expect(fresh.status).toBe(201);
      const shape = (body: Record<string, unknown>) => Object.entries(body).map(([k, v]) => `${k}:${v === null ? 'null' : typeof v}`).sort();
      expect(shape(existing.body)).toEqual(shape(fresh.body));
      expect(existing.body).toMatchObject({ email, userId: null, role: 'DELEGATE' });
      const detail = await t.http().get(`/api/firms/${firm}`).set('Authorization', auth);
      expect(detail.body.invitations.map((i: { email: string }) => i.email)).toEqual(expect.arrayContaining([email]));

      const notice = await mail.lastTo(email);
      expect(notice.subject).toBe('An invitation to Chesapeake General Agency for your address');
      expect(notice.text).toContain('already has an account, so the invitation cannot be used');
      expect(notice.text).toContain('GAsupport@kp.org');
      expect(notice.text).not.toMatch(/token|accept-invitation|\{\{link\}\}/);
      expect((await mail.lastTo(fresh.body.email)).text).toMatch(/accept-invitation\?token=/);

      // Never acceptable: no token was made, none can be, and the owner's password still works.
      const [row] = await t.dataSource.query(`SELECT token_hash FROM firm_invitation WHERE id = $1`, [existing.body.id]);
      expect(row.token_hash).toBeNull();
      expect(await t.app.get(InvitationLinks).mint(existing.body.id)).toBeNull();
      expect(await loginStatus(email)).toBe(200);
    });

    it('lets a GA administrator invite delegates to their own firm only, never administrators', async () => {
      const auth = await as('gaadmin.ga@example.com');
      const own = await firmId(PEACHTREE);
      const delegate = await t.http().post(`/api/firms/${own}/invitations`).set('Authorization', auth)
        .send({ email: 'new.delegate.ga@example.com', name: 'New Delegate', role: 'DELEGATE' });
      expect(delegate.status).toBe(201);
      expect(delegate.body.invitedById).toBe(await userId('gaadmin.ga@example.com'));
      const accepted = await t.http().post('/api/invitations/accept')
        .send({ token: await mail.tokenTo('new.delegate.ga@example.com'), password: 'a-good-password' });
      expect(accepted.body).toMatchObject({ role: 'DELEGATE' });
      const [created] = await t.dataSource.query(`SELECT roles, granted_by_id FROM app_user WHERE email = 'new.delegate.ga@example.com'`);
      expect(created).toEqual({ roles: ['ga_delegate'], granted_by_id: await userId('gaadmin.ga@example.com') });

      const admin = await t.http().post(`/api/firms/${own}/invitations`).set('Authorization', auth)
        .send({ email: 'sneaky.admin@example.com', name: 'Sneaky', role: 'ADMIN' });
      expect(admin.status).toBe(403);
      const other = await t.http().post(`/api/firms/${await firmId(CHESAPEAKE)}/invitations`).set('Authorization', auth)
        .send({ email: 'elsewhere@example.com', name: 'Elsewhere', role: 'DELEGATE' });
      expect(other.status).toBe(404);
    });

    it('records every invitation in the audit trail', async () => {
      const rows = await t.dataSource.query(
        `SELECT action, count(*)::int AS n FROM audit_event WHERE action LIKE 'delegation.invitation_%' GROUP BY action ORDER BY action`);
      expect(rows).toEqual([
        { action: 'delegation.invitation_accepted', n: 2 },
        { action: 'delegation.invitation_sent', n: 12 },
      ]);
    });
  });

  describe('GA self-service: a GA administrator deactivates a delegate of their own firm', () => {
    it('ends the delegate\'s access at once, audited with the reason; the firm shows them inactive', async () => {
      const auth = await as('gaadmin.ga@example.com');
      const own = await firmId(PEACHTREE);
      // The delegate gaadmin.ga invited above (the seeded ones may have been promoted by the cap tests).
      const delegate = await userId('new.delegate.ga@example.com');
      const token = await t.login('new.delegate.ga@example.com', 'a-good-password');
      const before = await t.http().get(`/api/firms/${own}`).set('Authorization', auth);
      expect(before.status).toBe(200);

      const res = await t.http().post(`/api/firms/${own}/delegates/${delegate}/deactivate`).set('Authorization', auth)
        .send({ reason: 'Left the agency', version: before.body.version });
      expect(res.status).toBe(200);
      const users = Object.fromEntries(res.body.users.map((u: { email: string }) => [u.email, u]));
      expect(users['new.delegate.ga@example.com']).toMatchObject({ role: 'DELEGATE', active: false, deactivatedAt: expect.any(String) });
      expect(users['gaadmin.ga@example.com']).toMatchObject({ active: true });
      expect(res.body.activeAdminCount).toBe(before.body.activeAdminCount);
      expect(await loginStatus('new.delegate.ga@example.com', 'a-good-password')).toBe(401);
      expect((await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);

      const [audit] = await t.dataSource.query(
        `SELECT actor_email, before, after, reason, firm_id FROM audit_event WHERE action = 'delegation.delegate_deactivated' AND entity_id = $1`,
        [delegate]);
      expect(audit).toMatchObject({
        actor_email: 'gaadmin.ga@example.com',
        reason: 'Left the agency',
        firm_id: own,
        before: { active: true },
        after: { active: false },
      });

      // Once is enough: an inactive delegate is a 422, and a stale firm version a 409.
      const again = await t.http().post(`/api/firms/${own}/delegates/${delegate}/deactivate`).set('Authorization', auth)
        .send({ reason: 'Again' });
      expect(again).toMatchObject({ status: 422, body: { code: 'INVALID_TRANSITION' } });
      const stale = await t.http().post(`/api/firms/${own}/delegates/${delegate}/deactivate`)
        .set('Authorization', auth).send({ reason: 'Stale', version: before.body.version });
      expect(stale.status).toBe(409);
    });

    it('never deactivates an administrator (GA support departs them), nor anyone of another firm', async () => {
      const auth = await as('gaadmin.ga@example.com');
      const own = await firmId(PEACHTREE);
      const admin = await t.http().post(`/api/firms/${own}/delegates/${await userId('admin2.ga@example.com')}/deactivate`)
        .set('Authorization', auth).send({ reason: 'Not mine to do' });
      expect(admin).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
      expect(await loginStatus('admin2.ga@example.com')).toBe(200);

      const foreign = await userId('delegate1.mas@example.com');
      const otherFirm = await t.http().post(`/api/firms/${await firmId(CHESAPEAKE)}/delegates/${foreign}/deactivate`)
        .set('Authorization', auth).send({ reason: 'Elsewhere' });
      expect(otherFirm.status).toBe(404);
      const throughOwn = await t.http().post(`/api/firms/${own}/delegates/${foreign}/deactivate`)
        .set('Authorization', auth).send({ reason: 'Elsewhere' });
      expect(throughOwn.status).toBe(404);
      expect(await loginStatus('delegate1.mas@example.com')).toBe(200);
    });

  });
});

describe('delegation routes by role (API)', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp();
    const rows = await t.dataSource.query(
      `SELECT 'firm' AS k, id FROM firm WHERE tax_id = '58-1000003'
       UNION ALL SELECT email, id FROM app_user WHERE email IN ('delegate2.ga@example.com', 'admin4.ga@example.com')`);
    for (const r of rows) ids[r.k] = r.id;
  });
  afterAll(() => t.close());

  // Who calls: one account per role; the partners are of Peachtree (the firm called) except the broker.
  const CALLERS = {
    rep: 'rep.ca@example.com',
    lead: 'lead.ca@example.com',
    ga_support: 'gasupport@example.com',
    ebs: 'ebs@example.com',
    admin: 'admin@example.com',
    'broker of another firm': 'broker.ca@example.com',
    'ga_admin of the firm': 'gaadmin.ga@example.com',
    'ga_delegate of the firm': 'delegate1.ga@example.com',
    'no token': null,
  } as const;
  type Caller = keyof typeof CALLERS;

  interface Route {
    name: string;
    call: (caller: Caller) => { method: 'get' | 'post'; path: string; body?: object };
    expected: Record<Caller, number>;
  }
  const staffOnly = (ok: number, otherwise: Partial<Record<Caller, number>> = {}): Record<Caller, number> => ({
    rep: 403, lead: 403, ga_support: ok, ebs: 403, admin: 403, 'broker of another firm': 403,
    'ga_admin of the firm': 403, 'ga_delegate of the firm': 403, 'no token': 401, ...otherwise,
  });
  const slug = (caller: Caller) => caller.replace(/[^a-z]+/g, '-');

  // In this order: reads, then changes; GA support's departure comes last.
  const ROUTES: Route[] = [
    {
      name: 'GET /firms',
      call: () => ({ method: 'get', path: '/api/firms' }),
      expected: staffOnly(200, { ebs: 200, 'broker of another firm': 200, 'ga_admin of the firm': 200, 'ga_delegate of the firm': 200 }),
    },
    {
      name: 'GET /firms/:id',
      call: () => ({ method: 'get', path: `/api/firms/${ids.firm}` }),
      expected: staffOnly(200, { ebs: 200, 'broker of another firm': 404, 'ga_admin of the firm': 200, 'ga_delegate of the firm': 200 }),
    },
    {
      name: 'POST /firms/:id/invitations (delegate)',
      call: (caller) => ({
        method: 'post',
        path: `/api/firms/${ids.firm}/invitations`,
        body: { email: `invitee.${slug(caller)}@example.com`, name: 'Invitee', role: 'DELEGATE' },
      }),
      expected: staffOnly(201, { 'ga_admin of the firm': 201 }),
    },
    {
      name: 'POST /firms/:id/admins (at the cap)',
      call: () => ({ method: 'post', path: `/api/firms/${ids.firm}/admins`, body: { userId: ids['delegate2.ga@example.com'] } }),
      expected: staffOnly(422),
    },
    {
      name: 'POST /firms/:id/delegates/:userId/deactivate',
      call: () => ({
        method: 'post',
        path: `/api/firms/${ids.firm}/delegates/${ids['delegate2.ga@example.com']}/deactivate`,
        body: { reason: 'Left the agency' },
      }),
      expected: staffOnly(403, { 'ga_admin of the firm': 200 }),
    },
    {
      name: 'POST /firms/:id/admins/:userId/depart',
      call: () => ({
        method: 'post',
        path: `/api/firms/${ids.firm}/admins/${ids['admin4.ga@example.com']}/depart`,
        body: { reason: 'Left the agency' },
      }),
      expected: staffOnly(200),
    },
  ];

  const cases = ROUTES.flatMap((route) =>
    (Object.keys(CALLERS) as Caller[]).map((caller) => [route.name, caller, route.expected[caller], route] as const),
  );

  it.each(cases)('%s as %s → %i', async (_, caller, status, route) => {
    const { method, path, body } = route.call(caller);
    const email = CALLERS[caller];
    let req = t.http()[method](path);
    if (email) req = req.set('Authorization', `Bearer ${await t.login(email)}`);
    const res = await (body ? req.send(body) : req);
    expect(res.status).toBe(status);
    if (status === 403) expect(res.body.code).toBe('FORBIDDEN');
  });

  const idOf = async (email: string): Promise<string> =>
    (await t.dataSource.query(`SELECT id FROM app_user WHERE email = $1`, [email]))[0].id;
  const bearer = async (email: string) => `Bearer ${await t.login(email)}`;
  const statusOfLogin = async (email: string) =>
    (await t.http().post('/api/auth/login').send({ email, password: 'demo1234' })).status;

  const firmOf = async (taxId: string): Promise<string> =>
    (await t.dataSource.query(`SELECT id FROM firm WHERE tax_id = $1`, [taxId]))[0].id;

  it('lets no broker deactivate a delegate (brokers see their firm read-only), nor a delegate', async () => {
    const broker = await t.http().post(`/api/firms/${await firmOf('84-1000002')}/delegates/${await idOf('delegate2.co@example.com')}/deactivate`)
      .set('Authorization', await bearer('broker.co@example.com')).send({ reason: 'No' });
    expect(broker).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await statusOfLogin('delegate2.co@example.com')).toBe(200);
    const peer = await t.http().post(`/api/firms/${await firmOf('52-1000004')}/delegates/${await idOf('delegate2.mas@example.com')}/deactivate`)
      .set('Authorization', await bearer('delegate1.mas@example.com')).send({ reason: 'No' });
    expect(peer).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
  });

  it('lets the public accept an invitation, whoever they are', async () => {
    const res = await t.http().post('/api/invitations/accept').send({ token: 'y'.repeat(43), password: 'a-good-password' });
    expect(res.status).toBe(404);
  });
});
