import { JwtService } from '@nestjs/jwt';
import { DEMO_STAFF } from '../src/seed/demo-data';
import { startTestApp, type TestApp } from './support/test-app';

describe('login and session (API)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const demoAccounts: [string, string[], string[], boolean][] = [
    ['rep.ca@example.com', ['rep'], ['CA'], false],
    ['rep.co@example.com', ['rep'], ['CO'], false],
    ['rep.multi@example.com', ['rep'], ['GA', 'MAS'], false],
    ['lead.ca@example.com', ['lead'], ['CA'], false],
    ['gasupport@example.com', ['ga_support'], [], false],
    ['ebs@example.com', ['ebs'], [], false],
    ['admin@example.com', ['admin'], [], false],
    ['broker.ca@example.com', ['broker'], [], true],
    ['broker.co@example.com', ['broker'], [], true],
    ['gaadmin.ga@example.com', ['ga_admin'], [], true],
  ];

  it.each(demoAccounts)('%s logs in with demo1234 and is who API.md says', async (email, roles, regions, partner) => {
    const res = await t.http().post('/api/auth/login').send({ email, password: 'demo1234' });
    expect(res.status).toBe(200);
    expect(res.body.accessToken).toEqual(expect.any(String));
    expect(res.body.user).toMatchObject({ email, roles, regions });
    expect(Boolean(res.body.user.firmId)).toBe(partner);
    const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body).toEqual(res.body.user);
  });

  it('seeds every demo staff account listed in API.md', () => {
    expect(DEMO_STAFF.map((s) => s.email).sort()).toEqual(
      demoAccounts.filter(([, , , partner]) => !partner).map(([email]) => email).sort(),
    );
  });

  it('logs in regardless of the email case', async () => {
    const res = await t.http().post('/api/auth/login').send({ email: 'Rep.CA@Example.com', password: 'demo1234' });
    expect(res.status).toBe(200);
  });

  it.each([
    ['wrong password', { email: 'rep.ca@example.com', password: 'nope' }],
    ['unknown email', { email: 'nobody@example.com', password: 'demo1234' }],
    ['a departed administrator', { email: 'former.admin.ca@example.com', password: 'demo1234' }],
  ])('refuses %s with 401 and the same message', async (_, body) => {
    const res = await t.http().post('/api/auth/login').send(body);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Email or password is incorrect.',
      code: 'UNAUTHENTICATED',
    });
  });

  it.each([
    ['no body', undefined, ['email', 'password']],
    ['email not an email', { email: 'x', password: 'y' }, ['email']],
    ['unknown field', { email: 'rep.ca@example.com', password: 'demo1234', admin: true }, ['admin']],
  ])('answers a malformed login (%s) with 400 VALIDATION_FAILED per field', async (_, body, fields) => {
    const res = await t.http().post('/api/auth/login').send(body as object);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.body.errors).sort()).toEqual([...fields].sort());
  });

  it('answers JSON that does not parse with 400, not 500', async () => {
    const res = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"email":');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.message).toContain('not valid JSON');
  });

  it.each([
    ['no token', undefined, 'Log in first'],
    ['a tampered token', 'tampered', 'not valid'],
    ['garbage', 'Bearer abc.def.ghi', 'not valid'],
  ])('refuses %s with 401', async (_, header, message) => {
    let auth = header;
    if (header === 'tampered') {
      const token = await t.login('rep.ca@example.com');
      const [h, p, s] = token.split('.');
      const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
      auth = `Bearer ${h}.${Buffer.from(JSON.stringify({ ...payload, sub: 'someone-else' })).toString('base64url')}.${s}`;
    }
    const req = t.http().get('/api/auth/me');
    const res = auth ? await req.set('Authorization', auth) : await req;
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
    expect(res.body.message).toContain(message);
  });

  it('refuses an expired token with 401', async () => {
    const jwt = t.app.get(JwtService);
    const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${await t.login('rep.co@example.com')}`);
    const expired = await jwt.signAsync({ sub: me.body.id, tv: 0 }, { expiresIn: -10 });
    const res = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${expired}`);
    expect(res.status).toBe(401);
    expect(res.body.message).toContain('expired');
  });

  it('refresh gives a working token for a live session, and none after logout', async () => {
    const login = await t.http().post('/api/auth/login').send({ email: 'rep.multi@example.com', password: 'demo1234' });
    const refreshed = await t.http().post('/api/auth/refresh').set('Authorization', `Bearer ${login.body.accessToken}`);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ expiresIn: 900, user: { email: 'rep.multi@example.com' } });
    const auth = `Bearer ${refreshed.body.accessToken}`;
    expect((await t.http().get('/api/auth/me').set('Authorization', auth)).status).toBe(200);
    await t.http().post('/api/auth/logout').set('Authorization', auth);
    expect((await t.http().post('/api/auth/refresh').set('Authorization', auth)).status).toBe(401);
  });

  it('logout ends the session at once', async () => {
    const login = await t.http().post('/api/auth/login').send({ email: 'ebs@example.com', password: 'demo1234' });
    const auth = `Bearer ${login.body.accessToken}`;
    expect((await t.http().post('/api/auth/logout').set('Authorization', auth)).status).toBe(204);
    expect((await t.http().get('/api/auth/me').set('Authorization', auth)).status).toBe(401);
  });

  it('records logins and failed logins in the audit trail', async () => {
    const rows = await t.dataSource.query(
      `SELECT action FROM audit_event WHERE actor_email = 'rep.ca@example.com' AND action LIKE 'auth.%'`,
    );
    const actions = rows.map((r: { action: string }) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'auth.login_failed']));
  });

  it('answers a missing route with 404 in the error shape', async () => {
    const res = await t.http().get('/api/no-such-route');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found', code: 'NOT_FOUND' });
  });
});

describe('login throttling (API)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_ATTEMPTS_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('answers 429 after repeated failed logins for one account', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.http().post('/api/auth/login').send({ email: 'rep.co@example.com', password: 'wrong' });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const last = await t.http().post('/api/auth/login').send({ email: 'rep.co@example.com', password: 'demo1234' });
    expect(last.status).toBe(429);
    expect(last.body).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });
});
