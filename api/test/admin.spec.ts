import { startTestApp, type TestApp } from './support/test-app';

describe('staff accounts and contact mailboxes (API)', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = `Bearer ${await t.login('admin@example.com')}`;
  });
  afterAll(() => t.close());

  it.each([
    ['rep.ca@example.com', 403],
    ['lead.ca@example.com', 403],
    ['gasupport@example.com', 403],
    ['ebs@example.com', 403],
    ['broker.ca@example.com', 403],
    ['admin@example.com', 200],
  ])('GET /api/staff as %s → %i', async (email, status) => {
    const res = await t.http().get('/api/staff').set('Authorization', `Bearer ${await t.login(email)}`);
    expect(res.status).toBe(status);
  });

  it('lists only staff, never partner users, with filters', async () => {
    const all = await t.http().get('/api/staff?perPage=100').set('Authorization', admin);
    expect(all.body.total).toBe(7);
    expect(all.body.data.every((s: { email: string }) => !s.email.startsWith('broker'))).toBe(true);
    const reps = await t.http().get('/api/staff?role=rep&region=GA').set('Authorization', admin);
    expect(reps.body.data.map((s: { email: string }) => s.email)).toEqual(['rep.multi@example.com']);
    const search = await t.http().get('/api/staff?q=carmen').set('Authorization', admin);
    expect(search.body.data.map((s: { email: string }) => s.email)).toEqual(['rep.ca@example.com']);
  });

  it('answers react-admin getMany: only the ids asked for, and 400 for an id that is not one', async () => {
    const all = await t.http().get('/api/staff?perPage=100').set('Authorization', admin);
    const [a, b] = all.body.data;
    const some = await t.http().get(`/api/staff?id=${a.id}&id=${b.id}`).set('Authorization', admin);
    expect(some.body.total).toBe(2);
    expect(some.body.data.map((s: { id: string }) => s.id).sort()).toEqual([a.id, b.id].sort());
    const contacts = await t.http().get('/api/contacts?perPage=1').set('Authorization', admin);
    const one = await t.http().get(`/api/contacts?id=${contacts.body.data[0].id}`).set('Authorization', admin);
    expect(one.body).toMatchObject({ total: 1, data: [{ id: contacts.body.data[0].id }] });
    const bad = await t.http().get('/api/staff?id=42').set('Authorization', admin);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.id).toContain('UUID');
  });

  it('refuses an unknown sort field and filter with 400', async () => {
    const sort = await t.http().get('/api/staff?sort=passwordHash').set('Authorization', admin);
    expect(sort.status).toBe(400);
    expect(sort.body.errors.sort).toContain('sort must be one of');
    const filter = await t.http().get('/api/staff?perPage=1000&evil=1').set('Authorization', admin);
    expect(filter.status).toBe(400);
    expect(Object.keys(filter.body.errors).sort()).toEqual(['evil', 'perPage']);
  });

  it('creates a rep who can then log in, and refuses a duplicate email', async () => {
    const body = { email: 'New.Rep@Example.com', name: 'New Rep', roles: ['rep'], regions: ['CO'], password: 'longenough1' };
    const res = await t.http().post('/api/staff').set('Authorization', admin).send(body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: 'new.rep@example.com', roles: ['rep'], regions: ['CO'], active: true, version: 1 });
    await t.login('new.rep@example.com', 'longenough1');
    const again = await t.http().post('/api/staff').set('Authorization', admin).send(body);
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('already exists');
  });

  it.each([
    [{ roles: ['broker'] }, 'roles'],
    [{ regions: ['TX'] }, 'regions'],
    [{ roles: ['rep'], regions: [] }, 'regions'],
    [{ password: 'short' }, 'password'],
  ])('refuses an invalid staff account %j on field %s', async (override, field) => {
    const body = { email: `x${Math.random()}@example.com`, name: 'X', roles: ['ebs'], regions: [], password: 'longenough1', ...override };
    const res = await t.http().post('/api/staff').set('Authorization', admin).send(body);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toContain(field);
  });

  it('deactivating a staff member ends their session on the next request', async () => {
    const token = await t.login('rep.co@example.com');
    const list = await t.http().get('/api/staff?q=rep.co').set('Authorization', admin);
    const rep = list.body.data[0];
    const res = await t.http().patch(`/api/staff/${rep.id}`).set('Authorization', admin).send({ version: rep.version, active: false });
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
    const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);
    expect(me.status).toBe(401);
    const audit = await t.dataSource.query(`SELECT action FROM audit_event WHERE entity_id = $1`, [rep.id]);
    expect(audit.map((a: { action: string }) => a.action)).toContain('staff.deactivated');
  });

  it('answers a stale version with 409 and changes nothing', async () => {
    const list = await t.http().get('/api/staff?q=lead.ca').set('Authorization', admin);
    const lead = list.body.data[0];
    const first = await t.http().patch(`/api/staff/${lead.id}`).set('Authorization', admin).send({ version: lead.version, name: 'Lena C.' });
    expect(first.status).toBe(200);
    const stale = await t.http().patch(`/api/staff/${lead.id}`).set('Authorization', admin).send({ version: lead.version, name: 'Overwrite' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect((await t.http().get(`/api/staff/${lead.id}`).set('Authorization', admin)).body.name).toBe('Lena C.');
  });

  it('does not let an admin lock themselves out', async () => {
    const me = await t.http().get('/api/auth/me').set('Authorization', admin);
    const self = await t.http().get(`/api/staff/${me.body.id}`).set('Authorization', admin);
    const res = await t.http().patch(`/api/staff/${me.body.id}`).set('Authorization', admin).send({ version: self.body.version, active: false });
    expect(res.status).toBe(400);
  });

  it('returns 404 for a partner user id on the staff routes', async () => {
    const [{ id }] = await t.dataSource.query(`SELECT id FROM app_user WHERE email = 'broker.ca@example.com'`);
    expect((await t.http().get(`/api/staff/${id}`).set('Authorization', admin)).status).toBe(404);
  });

  it('lets everyone read the contact mailboxes from the FAQ, and only admins edit them', async () => {
    const broker = `Bearer ${await t.login('broker.ca@example.com')}`;
    const list = await t.http().get('/api/contacts').set('Authorization', broker);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(10);
    const ebs = list.body.data.find((c: { team: string }) => c.team === 'EBS');
    expect(ebs).toMatchObject({ email: 'ebs-web-support@kp.org', phone: '855-327-0507', region: null });
    const refused = await t.http().patch(`/api/contacts/${ebs.id}`).set('Authorization', broker).send({ version: ebs.version, email: 'x@example.com' });
    expect(refused.status).toBe(403);
    const ok = await t.http().patch(`/api/contacts/${ebs.id}`).set('Authorization', admin).send({ version: ebs.version, email: 'ebs@kp.example.org' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ email: 'ebs@kp.example.org', version: ebs.version + 1 });
    const bad = await t.http().patch(`/api/contacts/${ebs.id}`).set('Authorization', admin).send({ version: ok.body.version, email: 'not-an-email' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.email).toBeDefined();
  });
});
