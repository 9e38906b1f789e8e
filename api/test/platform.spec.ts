import { QueryFailedError } from 'typeorm';
import { toErrorBody } from '../src/common/error-body.filter';
import { startTestApp, type TestApp } from './support/test-app';

describe('platform (API)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports health with the database up', async () => {
    const res = await t.http().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: 'up' });
  });

  it('serves the OpenAPI document and the browsable docs', async () => {
    const json = await t.http().get('/api/docs-json');
    expect(json.status).toBe(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/auth/me', '/api/health']));
    const html = await t.http().get('/api/docs');
    expect(html.status).toBe(200);
    expect(html.text).toContain('swagger');
  });

  it('sends security headers', async () => {
    const res = await t.http().get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('refuses a body over the size limit with 413 in the error shape', async () => {
    const res = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'a@example.com', password: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  describe('CORS: the console\'s origin only', () => {
    const preflight = (origin: string) =>
      t.http().options('/api/submissions').set('Origin', origin).set('Access-Control-Request-Method', 'PATCH')
        .set('Access-Control-Request-Headers', 'authorization,content-type');

    it('answers a preflight from the console origin with its CORS headers', async () => {
      const res = await preflight('http://localhost:5173');
      expect(res.status).toBeLessThan(300);
      expect(res.headers['access-control-allow-origin']).toBe('http://localhost:5173');
      expect(res.headers['access-control-allow-methods']).toMatch(/PATCH/);
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    });

    it.each(['https://evil.example', 'http://localhost:5173.evil.example', 'null'])('gives a foreign origin (%s) nothing to read', async (origin) => {
      const res = await preflight(origin);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      const get = await t.http().get('/api/health').set('Origin', origin);
      expect(get.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('allows only the configured origins (CORS_ORIGINS)', async () => {
      const other = await startTestApp({ CORS_ORIGINS: 'https://console.example.com' });
      try {
        const ok = await other.http().get('/api/health').set('Origin', 'https://console.example.com');
        expect(ok.headers['access-control-allow-origin']).toBe('https://console.example.com');
        const dev = await other.http().get('/api/health').set('Origin', 'http://localhost:5173');
        expect(dev.headers['access-control-allow-origin']).toBeUndefined();
      } finally {
        await other.close();
      }
    });
  });

  it('answers a URL it cannot decode, and a body nested too deeply, with 400 in the error shape', async () => {
    const bad = await t.http().get('/api/submissions/%C0%AE%C0%AE');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'VALIDATION_FAILED' });
    const deep = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(deep.status).toBe(400);
    expect(deep.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', message: expect.stringMatching(/nested too deeply/) });
    const nul = await t.http().post('/api/registrations').send({ email: 'a@example.com', name: 'A\u0000', firmName: 'F', firmTaxId: '12-3456789' });
    expect(nul.status).toBe(400);
    expect(nul.body.errors).toEqual({ name: 'name must not contain NUL characters' });
  });

  it('sends no stack, SQL or framework detail in a 500 body', () => {
    const sqlError = new QueryFailedError('SELECT secret FROM app_user', [], Object.assign(new Error('syntax error at or near "x"'), { code: '42601' }));
    for (const error of [new Error('boom at /app/src/x.ts:12'), sqlError, 'a string', null]) {
      const body = toErrorBody(error);
      expect(body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: expect.any(String), code: 'INTERNAL_ERROR' });
      expect(JSON.stringify(body)).not.toMatch(/SELECT|syntax|\.ts:|boom/);
    }
    // A value PostgreSQL cannot store (no DTO bound) is the caller's 400, still without SQL.
    const range = new QueryFailedError('UPDATE contact SET version = $1', [2 ** 31], Object.assign(new Error('value "2147483648" is out of range for type integer'), { code: '22003' }));
    expect(toErrorBody(range)).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(JSON.stringify(toErrorBody(range))).not.toMatch(/UPDATE|2147483648|integer/);
  });

});
