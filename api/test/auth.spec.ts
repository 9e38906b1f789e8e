import { createHmac } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import argon2 = require('argon2');
import request from 'supertest';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { createApp } from '../src/app.factory';
import { DEMO_STAFF } from '../src/seed/demo-data';
import { startTestApp, type TestApp } from './support/test-app';

/** An HS256 token signed with `secret`, with exactly the claims given (no exp unless given). */
const signToken = (claims: object, secret: string) => {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
};

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

  it.each(demoAccounts)('%s logs in with demo1234 and is who the README says', async (email, roles, regions, partner) => {
    const res = await t.http().post('/api/auth/login').send({ email, password: 'demo1234' });
    expect(res.status).toBe(200);
    expect(res.body.accessToken).toEqual(expect.any(String));
    expect(res.body.user).toMatchObject({ email, roles, regions });
    expect(Boolean(res.body.user.firmId)).toBe(partner);
    const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body).toEqual(res.body.user);
  });

  it('seeds every demo staff account listed in the README', () => {
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

  it('refuses a correctly signed token that never expires with 401', async () => {
    const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${await t.login('rep.co@example.com')}`);
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: me.body.id, tv: 0, iat: now };
    const expiring = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${signToken({ ...claims, exp: now + 60 }, t.config.jwtSecret)}`);
    expect(expiring.status).toBe(200);
    const res = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${signToken(claims, t.config.jwtSecret)}`);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'The access token is not valid: it never expires. Log in again.',
      code: 'UNAUTHENTICATED',
    });
  });

  describe('an unknown email costs the same password check as a known one', () => {
    let verify: jest.SpyInstance;
    beforeEach(() => {
      verify = jest.spyOn(argon2, 'verify');
    });
    afterEach(() => verify.mockRestore());

    const hashParameters = (hash: string) => hash.split('$').slice(1, 4).join('$');

    it.each([
      ['a known email with a wrong password', 'rep.ca@example.com', 'wrong'],
      ['an unknown email', 'nobody.at.all@example.com', 'demo1234'],
      ['an unknown email, again', 'nobody.else@example.com', 'demo1234'],
    ])('%s: one argon2 verification, with the parameters of real hashes', async (_, email, password) => {
      const [{ hash: realHash }] = await t.dataSource.query(`SELECT password_hash AS hash FROM app_user WHERE email = 'rep.ca@example.com'`);
      const res = await t.http().post('/api/auth/login').send({ email, password });
      expect(res.status).toBe(401);
      expect(verify).toHaveBeenCalledTimes(1);
      const [checkedHash, checkedPassword] = verify.mock.calls[0];
      expect(checkedPassword).toBe(password);
      expect(hashParameters(checkedHash)).toBe(hashParameters(realHash));
    });

    it('an account without a password yet is checked the same way and refused', async () => {
      await t.dataSource.query(`UPDATE app_user SET password_hash = NULL WHERE email = 'former.admin.co@example.com'`);
      const res = await t.http().post('/api/auth/login').send({ email: 'former.admin.co@example.com', password: 'demo1234' });
      expect(res.status).toBe(401);
      expect(verify).toHaveBeenCalledTimes(1);
    });
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
  // Every test starts with fresh budgets (the address, 127.0.0.1, is shared by all of them).
  beforeEach(() => t.dataSource.query(`DELETE FROM login_failure`));

  const login = (email: string, password: string, forwardedFor?: string) => {
    const req = t.http().post('/api/auth/login');
    return (forwardedFor ? req.set('X-Forwarded-For', forwardedFor) : req).send({ email, password });
  };
  const statuses = async (attempts: number, email: string, password: string) => {
    const seen: number[] = [];
    for (let i = 0; i < attempts; i++) seen.push((await login(email, password)).status);
    return seen;
  };
  const lockEvents = (entityType: string, entityId: string) =>
    t.dataSource.query(`SELECT actor_email, reason FROM audit_event WHERE action = 'auth.login_locked' AND entity_type = $1 AND entity_id = $2`, [
      entityType,
      entityId,
    ]);
  /** The addresses whose lockouts were audited, the test client's own connection named as such. */
  const addressLocks = async () => {
    const rows: { entity_id: string }[] = await t.dataSource.query(
      `SELECT entity_id FROM audit_event WHERE action = 'auth.login_locked' AND entity_type = 'LoginAddress' ORDER BY id`,
    );
    return rows.map((r) => (['127.0.0.1', '::ffff:127.0.0.1', '::1'].includes(r.entity_id) ? 'the socket address' : r.entity_id));
  };
  let locksBefore: string[];
  beforeEach(async () => {
    locksBefore = await addressLocks();
  });
  /** As if the window that started with the first failure had ended. */
  const endWindows = () => t.dataSource.query(`UPDATE login_failure SET window_start = window_start - interval '61 seconds'`);

  it('answers 429 with Retry-After after repeated failed logins for one account, even with the right password', async () => {
    expect(await statuses(5, 'rep.co@example.com', 'wrong')).toEqual([401, 401, 401, 429, 429]);
    const last = await login('rep.co@example.com', 'demo1234');
    expect(last.status).toBe(429);
    expect(last.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: expect.stringMatching(/^Too many failed logins\. Wait \d+ seconds, then try again\.$/),
      code: 'TOO_MANY_REQUESTS',
      details: { retryAfterSeconds: expect.any(Number) },
    });
    const retryAfter = Number(last.headers['retry-after']);
    expect(retryAfter).toBe(last.body.details.retryAfterSeconds);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('lets the right password in again once the window has passed', async () => {
    expect(await statuses(4, 'lead.ca@example.com', 'wrong')).toEqual([401, 401, 401, 429]);
    await endWindows();
    expect((await login('lead.ca@example.com', 'demo1234')).status).toBe(200);
  });

  it('never counts successful logins: the real user logging in often is not locked out', async () => {
    expect(await statuses(6, 'rep.ca@example.com', 'demo1234')).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await statuses(2, 'rep.ca@example.com', 'wrong')).toEqual([401, 401]);
    expect(await statuses(3, 'rep.ca@example.com', 'demo1234')).toEqual([200, 200, 200]);
    expect(await statuses(2, 'rep.ca@example.com', 'wrong')).toEqual([401, 429]);
  });

  it('refuses parallel guesses past the budget: they cannot all slip in before the failures are counted', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => login('rep.multi@example.com', 'wrong')));
    const seen = results.map((r) => r.status).sort();
    expect(seen).toEqual([401, 401, 401, 429, 429, 429, 429, 429, 429, 429]);
  });

  it('audits the lockout of an account once', async () => {
    const [{ id }] = await t.dataSource.query(`SELECT id FROM app_user WHERE email = 'ebs@example.com'`);
    expect(await statuses(3, 'ebs@example.com', 'wrong')).toEqual([401, 401, 401]);
    expect(await lockEvents('User', id)).toEqual([{ actor_email: 'ebs@example.com', reason: expect.stringMatching(/Too many failed logins for this account/) }]);
    expect(await statuses(3, 'ebs@example.com', 'wrong')).toEqual([429, 429, 429]);
    expect(await lockEvents('User', id)).toHaveLength(1);
  });

  it('throttles an address trying many accounts, at five times the account budget', async () => {
    const seen: number[] = [];
    for (let i = 0; i < 16; i++) seen.push((await login(`guess${i}@example.com`, 'wrong')).status);
    expect(seen).toEqual([...Array(15).fill(401), 429]);
    expect(await addressLocks()).toEqual([...locksBefore, 'the socket address']);
  });

  it('ignores X-Forwarded-For without TRUSTED_PROXIES: rotating it does not escape the per-address budget', async () => {
    const seen: number[] = [];
    for (let i = 0; i < 16; i++) seen.push((await login(`rotate${i}@example.com`, 'wrong', `198.51.100.${i}`)).status);
    expect(seen).toEqual([...Array(15).fill(401), 429]);
    expect(await addressLocks()).toEqual([...locksBefore, 'the socket address']);
  });

  it('counts failures on any API instance of the database as one', async () => {
    const url = (t.dataSource.options as PostgresConnectionOptions).url!;
    const other: NestFastifyApplication = await createApp(t.config, url);
    await other.init();
    await other.getHttpAdapter().getInstance().ready();
    try {
      const elsewhere = () => request(other.getHttpServer()).post('/api/auth/login').send({ email: 'gasupport@example.com', password: 'wrong' });
      expect(await statuses(2, 'gasupport@example.com', 'wrong')).toEqual([401, 401]);
      expect((await elsewhere()).status).toBe(401);
      expect((await elsewhere()).status).toBe(429);
      expect((await login('gasupport@example.com', 'demo1234')).status).toBe(429);
    } finally {
      await other.close();
    }
  });
});

describe('login throttling behind a trusted proxy (API)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_ATTEMPTS_PER_MINUTE: '1', TRUSTED_PROXIES: '127.0.0.1' });
  });
  afterAll(() => t.close());

  const login = (email: string, forwardedFor: string) =>
    t.http().post('/api/auth/login').set('X-Forwarded-For', forwardedFor).send({ email, password: 'wrong' });

  it('throttles the client the proxy names in X-Forwarded-For, not the proxy', async () => {
    const seen: number[] = [];
    for (let i = 0; i < 6; i++) seen.push((await login(`client${i}@example.com`, '203.0.113.9')).status);
    expect(seen).toEqual([401, 401, 401, 401, 401, 429]);
    // Another client behind the same proxy keeps its own budget.
    expect((await login('client6@example.com', '203.0.113.10')).status).toBe(401);
    const events = await t.dataSource.query(`SELECT entity_id FROM audit_event WHERE action = 'auth.login_locked' AND entity_type = 'LoginAddress'`);
    expect(events).toEqual([{ entity_id: '203.0.113.9' }]);
  });
});
