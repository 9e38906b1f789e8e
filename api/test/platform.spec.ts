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
});
