import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { POLICIES, PUBLIC_ROUTE } from '../src/authorization/policies.decorator';
import { DEMO_PASSWORD } from '../src/seed/demo-data';
import { AUTHORIZATION_MATRIX, CALLER_EMAIL, CALLERS, type Caller } from './authorization-matrix';
import { completeSubmission, GOOD_CENSUS, newGroupBody, PDF, setNow, userId, ZIP } from './support/intake';
import { heldSubmission, queuedSubmission, versionOf } from './support/review';
import { watchSentMail } from './support/sent-mail';
import { startTestApp, type TestApp } from './support/test-app';

const ON_TIME = '2027-01-05T18:00:00Z';
/** Tables a refused request must never write to. */
const TABLES = [
  'submission', 'audit_event', 'notification', 'app_user', 'firm', 'firm_invitation', 'registration',
  'document', 'census', 'census_row', 'holiday', 'contact', 'idempotency_key', 'saved_filter', 'instruction_template',
];
/** What a CA fixture is called: no refused answer may ever contain it. */
const SECRET_GROUP = 'Sierra Matrix Bakery';
const CA_FIRM_NAME = 'Golden State Benefit Partners';
const CA_FIRM_TAX_ID = '94-1000001';
const ERROR_KEYS = ['code', 'details', 'error', 'errors', 'message', 'statusCode'];

interface Call {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: object;
  upload?: { fields?: Record<string, string>; file: Buffer; fileName: string };
}

interface Scenario {
  /** Changes state: every allowed caller gets a fresh fixture; refused callers share one. */
  mutates?: boolean;
  prepare(caller: Caller): Promise<Call>;
}

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

describe('authorization matrix: every route × every caller (API)', () => {
  let t: TestApp;
  let operations: string[];
  const tokens = {} as Record<Caller, string | undefined>;
  let seq = 0;
  const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${++seq}`;

  const loginAll = async () => {
    tokens.anonymous = undefined;
    for (const [caller, email] of Object.entries(CALLER_EMAIL)) {
      const res = await t.http().post('/api/auth/login').send({ email, password: DEMO_PASSWORD });
      if (res.status !== 200) throw new Error(`login ${email}: ${res.status}`);
      tokens[caller as Caller] = res.body.accessToken;
    }
  };
  const as = (caller: Caller) => ({ Authorization: `Bearer ${tokens[caller]}` });

  // Fixture ids, looked up or built in beforeAll.
  const fx = {} as {
    caFirm: string;
    gaFirm: string;
    contact: string;
    staff: string;
    pendingRegistration: string;
    reviewCa: string;
    documentCa: string;
    partnerCa: string;
    leadCa: string;
    templateCa: string;
  };

  const countRows = async (): Promise<Record<string, number>> => {
    const [row] = await t.dataSource.query(`SELECT ${TABLES.map((n) => `(SELECT count(*)::int FROM ${n}) AS ${n}`).join(', ')}`);
    return row;
  };

  // --- fixture builders -------------------------------------------------------------------------
  const caGroup = { group: { name: SECRET_GROUP } };
  const held = async (region: 'CA' | 'CO' = 'CA') => {
    const { id, version } = await heldSubmission(t, region);
    await t.dataSource.query(`UPDATE submission SET group_name = $2 WHERE id = $1`, [id, SECRET_GROUP]);
    return { id, version };
  };
  const partnerDraft = async () => {
    const res = await t.http().post('/api/partner/submissions').set(as('broker_ca')).send(newGroupBody('CA', caGroup));
    if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.id as string, version: res.body.version as number };
  };
  const registration = async (state: 'PENDING' | 'APPROVED' | 'LOCKED') => {
    const email = `${unique('reg')}@agency.example.com`;
    const res = await t.http().post('/api/registrations').send({ email, name: 'Reg Istrant', firmName: CA_FIRM_NAME, firmTaxId: CA_FIRM_TAX_ID });
    if (res.status !== 201) throw new Error(`sign-up: ${res.status} ${JSON.stringify(res.body)}`);
    const id = res.body.id as string;
    const decide = async (action: string, body: object) => {
      const r = await t.http().post(`/api/registrations/${id}/${action}`).set(as('ebs')).send(body);
      if (r.status !== 200) throw new Error(`${action}: ${r.status} ${JSON.stringify(r.body)}`);
    };
    if (state !== 'PENDING') await decide('approve', { firmId: fx.caFirm });
    if (state === 'LOCKED') await decide('lock', { reason: 'Review' });
    return id;
  };
  const firmUser = async (firmRole: 'ADMIN' | 'DELEGATE') => {
    const [row] = await t.dataSource.query(
      `INSERT INTO app_user (email, name, password_hash, roles, firm_id, firm_role)
       SELECT $1, 'Firm User', password_hash, ARRAY['broker'], $2, $3 FROM app_user WHERE email = 'broker.ca@example.com'
       RETURNING id`,
      [`${unique('user')}@golden.example.com`, fx.caFirm, firmRole],
    );
    return row.id as string;
  };
  const invitationToken = async () => {
    const email = `${unique('invitee')}@golden.example.com`;
    const res = await t.http().post(`/api/firms/${fx.caFirm}/invitations`).set(as('ga_support')).send({ email, name: 'New Delegate', role: 'DELEGATE' });
    if (res.status !== 201) throw new Error(`invite: ${res.status} ${JSON.stringify(res.body)}`);
    // The token exists only in the email sent: deliver the outbox and read it there.
    return watchSentMail(t).tokenTo(email);
  };
  const template = async () => {
    const res = await t.http().post('/api/instruction-templates').set(as('lead_ca'))
      .send({ region: 'CA', kind: 'PENDING_ITEMS', title: unique('Wage report '), body: 'Please upload the wage report.' });
    if (res.status !== 201) throw new Error(`template: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.id as string, version: res.body.version as number };
  };
  const reviewAction = (body: (version: number) => object): Scenario => ({
    mutates: true,
    prepare: async () => {
      const { id, version } = await held('CA');
      return { params: { id }, body: body(version) };
    },
  });

  /** How to call each operation so that the authorization outcome is what is observed (valid bodies). */
  const SCENARIOS: Record<string, Scenario> = {
    'POST /api/auth/login': { prepare: async () => ({ body: { email: 'ebs@example.com', password: DEMO_PASSWORD } }) },
    'GET /api/auth/me': { prepare: async () => ({}) },
    'POST /api/auth/refresh': { prepare: async () => ({}) },
    'POST /api/auth/logout': { prepare: async () => ({}) },
    'GET /api/health': { prepare: async () => ({}) },
    'GET /api/metrics/turnaround': { prepare: async () => ({ query: { region: 'CA' } }) },
    'GET /api/notifications': { prepare: async () => ({}) },
    'GET /api/contacts': { prepare: async () => ({}) },
    'GET /api/contacts/{id}': { prepare: async () => ({ params: { id: fx.contact } }) },
    'PATCH /api/contacts/{id}': {
      mutates: true,
      prepare: async () => {
        const [c] = await t.dataSource.query(`SELECT version FROM contact WHERE id = $1`, [fx.contact]);
        return { params: { id: fx.contact }, body: { version: c.version, label: `Label ${unique('c')}` } };
      },
    },
    'GET /api/staff': { prepare: async () => ({}) },
    'POST /api/staff': {
      mutates: true,
      prepare: async () => ({
        body: { email: `${unique('staff')}@example.com`, name: 'New Rep', roles: ['rep'], regions: ['CA'], password: 'long-enough-1' },
      }),
    },
    'GET /api/staff/{id}': { prepare: async () => ({ params: { id: fx.staff } }) },
    'PATCH /api/staff/{id}': {
      mutates: true,
      prepare: async () => {
        const [s] = await t.dataSource.query(`SELECT version FROM app_user WHERE id = $1`, [fx.staff]);
        return { params: { id: fx.staff }, body: { version: s.version, name: `Grace ${unique('m')}` } };
      },
    },
    'GET /api/firms': { prepare: async () => ({}) },
    'GET /api/firms/{id}': { prepare: async () => ({ params: { id: fx.caFirm } }) },
    'POST /api/firms/{id}/admins': {
      mutates: true,
      prepare: async () => ({ params: { id: fx.caFirm }, body: { userId: await firmUser('DELEGATE'), reason: 'Named by the firm' } }),
    },
    'POST /api/firms/{id}/admins/{userId}/depart': {
      mutates: true,
      prepare: async () => ({ params: { id: fx.caFirm, userId: await firmUser('ADMIN') }, body: { reason: 'Left the agency' } }),
    },
    'POST /api/firms/{id}/delegates/{userId}/deactivate': {
      mutates: true,
      prepare: async () => ({ params: { id: fx.caFirm, userId: await firmUser('DELEGATE') }, body: { reason: 'Left the agency' } }),
    },
    'POST /api/firms/{id}/invitations': {
      mutates: true,
      prepare: async () => ({ params: { id: fx.caFirm }, body: { email: `${unique('inv')}@golden.example.com`, name: 'Invitee', role: 'DELEGATE' } }),
    },
    'POST /api/invitations/accept': {
      mutates: true,
      prepare: async () => ({ body: { token: await invitationToken(), password: 'a-new-password' } }),
    },
    'POST /api/registrations': {
      mutates: true,
      prepare: async () => ({ body: { email: `${unique('signup')}@agency.example.com`, name: 'Sign Up', firmName: 'Any Agency', firmTaxId: '12-3456789' } }),
    },
    'GET /api/registrations': { prepare: async () => ({ query: { status: 'PENDING' } }) },
    'GET /api/registrations/{id}': { prepare: async () => ({ params: { id: fx.pendingRegistration } }) },
    'POST /api/registrations/{id}/approve': {
      mutates: true,
      prepare: async () => ({ params: { id: await registration('PENDING') }, body: { firmId: fx.caFirm } }),
    },
    'POST /api/registrations/{id}/reject': {
      mutates: true,
      prepare: async () => ({ params: { id: await registration('PENDING') }, body: { reason: 'Not appointed' } }),
    },
    'POST /api/registrations/{id}/lock': { mutates: true, prepare: async () => ({ params: { id: await registration('APPROVED') }, body: {} }) },
    'POST /api/registrations/{id}/unlock': { mutates: true, prepare: async () => ({ params: { id: await registration('LOCKED') }, body: {} }) },
    'POST /api/registrations/{id}/reinvite': { mutates: true, prepare: async () => ({ params: { id: await registration('APPROVED') }, body: {} }) },
    'POST /api/registrations/{id}/deactivate': {
      mutates: true,
      prepare: async () => ({ params: { id: await registration('APPROVED') }, body: { reason: 'Left the agency' } }),
    },
    'GET /api/calendar/submission-deadline': { prepare: async () => ({ query: { region: 'CA', effectiveDate: '2027-01-01' } }) },
    'GET /api/holidays': { prepare: async () => ({ query: { region: 'CA' } }) },
    'POST /api/holidays': {
      mutates: true,
      prepare: async () => ({ body: { region: 'CA', date: `2031-03-${String(10 + (++seq % 18)).padStart(2, '0')}`, name: 'Matrix Day' } }),
    },
    'DELETE /api/holidays/{id}': {
      mutates: true,
      prepare: async () => {
        const [h] = await t.dataSource.query(
          `INSERT INTO holiday (region, date, name) VALUES ('CA', DATE '2032-01-01' + $1::int, 'To remove') RETURNING id`,
          [++seq],
        );
        return { params: { id: h.id } };
      },
    },
    'GET /api/partner/submissions': { prepare: async () => ({}) },
    // Another firm's partner creating a CA group creates it in their own firm: no secret name here.
    'POST /api/partner/submissions': { mutates: true, prepare: async () => ({ body: newGroupBody('CA') }) },
    'GET /api/partner/submissions/{id}': { prepare: async () => ({ params: { id: fx.partnerCa } }) },
    'PATCH /api/partner/submissions/{id}': {
      mutates: true,
      prepare: async () => {
        const { id, version } = await partnerDraft();
        return { params: { id }, body: { version, requestedEffectiveDate: '2027-02-01' } };
      },
    },
    'GET /api/partner/submissions/{id}/census': { prepare: async () => ({ params: { id: fx.partnerCa } }) },
    'POST /api/partner/submissions/{id}/census': {
      mutates: true,
      prepare: async () => ({
        params: { id: (await partnerDraft()).id },
        upload: { file: Buffer.from(GOOD_CENSUS.replaceAll(/8020[23]/g, ZIP.CA)), fileName: 'census.csv' },
      }),
    },
    'POST /api/partner/submissions/{id}/documents': {
      mutates: true,
      prepare: async () => ({
        params: { id: (await partnerDraft()).id },
        upload: { fields: { kind: 'SIGNED_APPLICATION' }, file: PDF, fileName: 'application.pdf' },
      }),
    },
    'POST /api/partner/submissions/{id}/submit': {
      mutates: true,
      prepare: async () => ({ params: { id: await completeSubmission(t, 'CA', caGroup) } }),
    },
    'POST /api/partner/submissions/{id}/cancel': { mutates: true, prepare: async () => ({ params: { id: (await partnerDraft()).id } }) },
    'GET /api/documents/{id}': { prepare: async () => ({ params: { id: fx.documentCa } }) },
    'GET /api/submissions': { prepare: async () => ({}) },
    'POST /api/submissions': {
      mutates: true,
      prepare: async () => ({ body: { ...newGroupBody('CA', caGroup), channel: 'EMAIL', firmId: fx.caFirm } }),
    },
    'GET /api/submissions/{id}': { prepare: async () => ({ params: { id: fx.reviewCa } }) },
    'PATCH /api/submissions/{id}': {
      mutates: true,
      prepare: async () => {
        const { id, version } = await held('CO');
        return { params: { id }, body: { version, reason: 'Typo in the name', group: { name: 'Corrected Bakery' } } };
      },
    },
    'GET /api/submissions/{id}/census': { prepare: async () => ({ params: { id: fx.reviewCa } }) },
    'GET /api/submissions/{id}/audit': { prepare: async () => ({ params: { id: fx.reviewCa } }) },
    'POST /api/submissions/{id}/claim': {
      mutates: true,
      prepare: async () => {
        const id = await queuedSubmission(t, 'CA', caGroup);
        return { params: { id }, body: { version: await versionOf(t, id) } };
      },
    },
    'POST /api/submissions/{id}/release': reviewAction((version) => ({ version })),
    'POST /api/submissions/{id}/assign': reviewAction((version) => ({ version, assigneeId: fx.leadCa })),
    'POST /api/submissions/{id}/return': reviewAction((version) => ({ version, instructions: 'Please fix the census.' })),
    'POST /api/submissions/{id}/request-items': reviewAction((version) => ({
      version,
      items: [{ kind: 'OTHER', description: 'Wage report' }],
      instructions: 'Please upload the wage report.',
    })),
    'POST /api/submissions/{id}/approve': reviewAction((version) => ({ version })),
    'POST /api/submissions/{id}/refer-offline': reviewAction((version) => ({ version, reason: 'Multi-market group' })),
    'GET /api/reviewers': { prepare: async () => ({ query: { region: 'CA' } }) },
    'GET /api/instruction-templates': { prepare: async () => ({}) },
    'POST /api/instruction-templates': {
      mutates: true,
      prepare: async () => ({ body: { region: 'CA', kind: 'RETURN', title: unique('Template '), body: 'Please fix the census rows.' } }),
    },
    'GET /api/instruction-templates/{id}': { prepare: async () => ({ params: { id: fx.templateCa } }) },
    'PATCH /api/instruction-templates/{id}': {
      mutates: true,
      prepare: async () => {
        const { id, version } = await template();
        return { params: { id }, body: { version, title: unique('Renamed ') } };
      },
    },
    'DELETE /api/instruction-templates/{id}': { mutates: true, prepare: async () => ({ params: { id: (await template()).id } }) },
    'GET /api/saved-filters': { prepare: async () => ({ query: { resource: 'submissions' } }) },
    'POST /api/saved-filters': {
      mutates: true,
      prepare: async () => ({ body: { resource: 'submissions', name: unique('Mine '), filter: { region: 'CA', state: 'SUBMITTED' } } }),
    },
    'DELETE /api/saved-filters/{id}': {
      mutates: true,
      prepare: async () => {
        const res = await t.http().post('/api/saved-filters').set(as('rep_ca')).send({ resource: 'submissions', name: unique('Carmen '), filter: { region: 'CA' } });
        if (res.status !== 201) throw new Error(`saved filter: ${res.status} ${JSON.stringify(res.body)}`);
        return { params: { id: res.body.id } };
      },
    },
    'POST /api/queue/next': {
      mutates: true,
      prepare: async () => {
        // Something waits in the queue of each reviewer's region, whatever ran before.
        await queuedSubmission(t, 'CA', caGroup);
        await queuedSubmission(t, 'CO');
        return { body: {} };
      },
    },
  };

  const send = (method: string, path: string, caller: Caller, call: Call) => {
    const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = call.params?.[name];
      if (!value) throw new Error(`${method} ${path}: no fixture for {${name}}`);
      return value;
    });
    let req = t.http()[method.toLowerCase() as 'get'](url);
    if (tokens[caller]) req = req.set(as(caller));
    if (call.query) req = req.query(call.query);
    if (call.upload) {
      for (const [k, v] of Object.entries(call.upload.fields ?? {})) req = req.field(k, v);
      return req.attach('file', call.upload.file, call.upload.fileName);
    }
    return call.body ? req.send(call.body) : req;
  };

  beforeAll(async () => {
    t = await startTestApp();
    setNow(t, ON_TIME);
    const doc = (await t.http().get('/api/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      HTTP_METHODS.filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${path}`),
    );
    await loginAll();
    const one = async (sql: string, params: unknown[] = []) => (await t.dataSource.query(sql, params))[0].id as string;
    fx.caFirm = await one(`SELECT id FROM firm WHERE tax_id = $1`, [CA_FIRM_TAX_ID]);
    fx.gaFirm = await one(`SELECT id FROM firm WHERE region = 'GA'`);
    fx.contact = await one(`SELECT id FROM contact ORDER BY id LIMIT 1`);
    fx.staff = await userId(t, 'rep.multi@example.com');
    fx.leadCa = await userId(t, 'lead.ca@example.com');
    fx.pendingRegistration = await one(`SELECT id FROM registration WHERE status = 'PENDING' ORDER BY created_at LIMIT 1`);
    fx.reviewCa = (await held('CA')).id;
    fx.documentCa = await one(`SELECT id FROM document WHERE submission_id = $1 LIMIT 1`, [fx.reviewCa]);
    fx.partnerCa = (await partnerDraft()).id;
    fx.templateCa = await one(`SELECT id FROM instruction_template WHERE region = 'CA' ORDER BY title LIMIT 1`);
  });
  afterAll(() => t.close());

  it('has one row per operation of the OpenAPI document, and no row for a route that is gone', () => {
    const table = Object.keys(AUTHORIZATION_MATRIX);
    expect({ missingFromTable: operations.filter((op) => !table.includes(op)) }).toEqual({ missingFromTable: [] });
    expect({ goneFromApp: table.filter((op) => !operations.includes(op)) }).toEqual({ goneFromApp: [] });
    expect({ noScenario: operations.filter((op) => !SCENARIOS[op]) }).toEqual({ noScenario: [] });
  });

  it('has a policy on every route handler: @Public, @Authenticated or @CheckPolicies', () => {
    const uncovered: string[] = [];
    let handlers = 0;
    for (const module of t.app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const proto = (wrapper.metatype as { prototype?: object } | undefined)?.prototype;
        if (!proto) continue;
        for (const name of Object.getOwnPropertyNames(proto)) {
          const handler = (proto as Record<string, unknown>)[name];
          if (name === 'constructor' || typeof handler !== 'function') continue;
          if (Reflect.getMetadata(METHOD_METADATA, handler) === undefined || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
          handlers++;
          const isPublic = Reflect.getMetadata(PUBLIC_ROUTE, handler) ?? Reflect.getMetadata(PUBLIC_ROUTE, wrapper.metatype!);
          const policies = Reflect.getMetadata(POLICIES, handler) as unknown[] | undefined;
          if (!isPublic && !policies?.length) uncovered.push(`${(wrapper.metatype as { name: string }).name}.${name}`);
        }
      }
    }
    expect(handlers).toBeGreaterThanOrEqual(operations.length);
    expect(uncovered).toEqual([]);
  });

  it('marks exactly the public routes public (login, sign-up, invitation accept, health)', () => {
    const publicRoutes = Object.entries(AUTHORIZATION_MATRIX).filter(([, e]) => e.public).map(([op]) => op).sort();
    expect(publicRoutes).toEqual(['GET /api/health', 'POST /api/auth/login', 'POST /api/invitations/accept', 'POST /api/registrations']);
    for (const [op, entry] of Object.entries(AUTHORIZATION_MATRIX)) {
      if (!entry.public) expect([op, entry.status[0]]).toEqual([op, 401]);
    }
  });

  it('serves the API documents to anyone', async () => {
    expect((await t.http().get('/api/docs-json')).status).toBe(200);
    expect((await t.http().get('/api/docs')).status).toBe(200);
  });

  describe('each operation × each caller', () => {
    // Logout revokes the caller's sessions: it runs last, and everyone logs in again afterwards.
    const ordered = Object.keys(AUTHORIZATION_MATRIX).sort(
      (a, b) => Number(a === 'POST /api/auth/logout') - Number(b === 'POST /api/auth/logout'),
    );
    afterAll(() => loginAll());

    it.each(ordered)('%s', async (op) => {
      const entry = AUTHORIZATION_MATRIX[op];
      const scenario = SCENARIOS[op];
      if (!operations.includes(op) || !scenario) throw new Error(`${op}: not in the OpenAPI document or no scenario`);
      const [method, path] = op.split(' ');
      const expected = Object.fromEntries(CALLERS.map((c, i) => [c, entry.status[i]])) as Record<Caller, number>;
      const refused = CALLERS.filter((c) => expected[c] >= 400);
      const allowed = CALLERS.filter((c) => expected[c] < 400);
      const observed = {} as Record<Caller, number>;
      const leaks: string[] = [];

      const shared = await scenario.prepare(refused[0] ?? allowed[0]);
      const before = await countRows();
      for (const caller of refused) {
        const res = await send(method, path, caller, shared);
        observed[caller] = res.status;
        // The error shape, and nothing of the record or of another region or firm.
        const text = JSON.stringify(res.body);
        const shapeOk =
          Object.keys(res.body).every((k) => ERROR_KEYS.includes(k)) &&
          res.body.statusCode === res.status &&
          typeof res.body.code === 'string' &&
          typeof res.body.message === 'string' &&
          (res.status !== 404 || res.body.details === undefined);
        if (!shapeOk) leaks.push(`${caller}: not the error shape: ${text}`);
        for (const secret of [SECRET_GROUP, CA_FIRM_NAME, CA_FIRM_TAX_ID]) if (text.includes(secret)) leaks.push(`${caller}: ${text}`);
      }
      // Refusals wrote nothing, anywhere.
      if (refused.length) expect(await countRows()).toEqual(before);

      for (const caller of allowed) {
        // Refusals changed nothing, so the shared fixture is still fresh for the first allowed caller.
        const call = scenario.mutates && caller !== allowed[0] ? await scenario.prepare(caller) : shared;
        observed[caller] = (await send(method, path, caller, call)).status;
      }
      expect(observed).toEqual(expected);
      expect(leaks).toEqual([]);
    });
  });

  describe('lists show only the caller\'s region or firm, totals included', () => {
    const list = (caller: Caller, path: string, query: Record<string, string | number> = {}) =>
      t.http().get(path).set(as(caller)).query({ perPage: 100, ...query });

    it.each<[Caller, string[]]>([
      ['rep_ca', ['CA']],
      ['rep_co', ['CO']],
      ['lead_ca', ['CA']],
    ])('%s: /api/submissions, /api/instruction-templates, /api/reviewers and metrics hold only %j', async (caller, regions) => {
      const subs = await list(caller, '/api/submissions');
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM submission WHERE region = ANY($1) AND state <> 'DRAFT'`, [regions]);
      expect(subs.body.total).toBe(count);
      expect(subs.body.data.every((s: { region: string }) => regions.includes(s.region))).toBe(true);
      // Asking for another region narrows to nothing.
      expect((await list(caller, '/api/submissions', { region: regions[0] === 'CA' ? 'CO' : 'CA' })).body).toEqual({ data: [], total: 0 });

      const templates = await list(caller, '/api/instruction-templates');
      const [{ count: templateCount }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM instruction_template WHERE region = ANY($1)`, [regions]);
      expect(templates.body.total).toBe(templateCount);
      expect(templates.body.data.every((x: { region: string }) => regions.includes(x.region))).toBe(true);

      if (caller === 'lead_ca') {
        const reviewers = await t.http().get('/api/reviewers').set(as(caller));
        expect(reviewers.body.data.map((r: { email: string }) => r.email)).not.toContain('rep.co@example.com');
        expect((await t.http().get('/api/reviewers?region=CO').set(as(caller))).body).toEqual({ data: [], total: 0 });
        const metrics = await t.http().get('/api/metrics/turnaround').set(as(caller));
        expect(metrics.status).toBe(200);
        expect(JSON.stringify(metrics.body)).not.toMatch(/"(CO|GA|MAS)"/);
      }
    });

    it.each<[Caller, string]>([
      ['broker_ca', 'CA'],
      ['broker_co', 'CO'],
      ['ga_admin', 'GA'],
    ])('%s: partner submissions and firms of their own firm only', async (caller, region) => {
      const [{ firm_id: firmId }] = await t.dataSource.query(`SELECT firm_id FROM app_user WHERE email = $1`, [CALLER_EMAIL[caller as 'broker_ca']]);
      const subs = await list(caller, '/api/partner/submissions');
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM submission WHERE firm_id = $1 AND state <> 'WITHDRAWN'`, [firmId]);
      expect(subs.body.total).toBe(count);
      if (caller !== 'broker_ca') expect(JSON.stringify(subs.body)).not.toContain(SECRET_GROUP);
      const firms = await list(caller, '/api/firms');
      expect(firms.body.total).toBe(1);
      expect(firms.body.data.map((f: { id: string; region: string }) => [f.id, f.region])).toEqual([[firmId, region]]);
      // A search for another firm finds nothing rather than a count.
      if (caller !== 'broker_ca') expect((await list(caller, '/api/firms', { q: CA_FIRM_NAME })).body).toEqual({ data: [], total: 0 });
    });

    it("lists a staff member's own saved filters only", async () => {
      await t.http().post('/api/saved-filters').set(as('rep_ca')).send({ resource: 'firms', name: 'Carmen only', filter: { q: 'x' } });
      for (const caller of ['rep_co', 'lead_ca', 'admin'] as Caller[]) {
        const res = await list(caller, '/api/saved-filters', { resource: 'firms' });
        expect(res.body).toEqual({ data: [], total: 0 });
      }
      expect((await list('rep_ca', '/api/saved-filters', { resource: 'firms' })).body.total).toBe(1);
    });
  });

  describe('sessions end on the next request, not when the token expires', () => {
    const me = (token: string) => t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);
    const refresh = (token: string) => t.http().post('/api/auth/refresh').set('Authorization', `Bearer ${token}`);

    it('a deactivated registration: the partner\'s live token and its refresh stop working', async () => {
      const [reg] = await t.dataSource.query(`SELECT id, email FROM registration WHERE status = 'APPROVED' AND email = 'delegate2.co@example.com'`);
      const token = (await t.http().post('/api/auth/login').send({ email: reg.email, password: DEMO_PASSWORD })).body.accessToken;
      expect((await me(token)).status).toBe(200);
      const res = await t.http().post(`/api/registrations/${reg.id}/deactivate`).set(as('ebs')).send({ reason: 'Left the agency' });
      expect(res.status).toBe(200);
      expect((await me(token)).status).toBe(401);
      expect((await refresh(token)).status).toBe(401);
      expect((await t.http().get('/api/partner/submissions').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    });

    it('a disabled staff member: a token refreshed before is refused too', async () => {
      const id = await userId(t, 'rep.multi@example.com');
      const token = (await t.http().post('/api/auth/login').send({ email: 'rep.multi@example.com', password: DEMO_PASSWORD })).body.accessToken;
      const refreshed = (await refresh(token)).body.accessToken as string;
      expect((await me(refreshed)).status).toBe(200);
      const [{ version }] = await t.dataSource.query(`SELECT version FROM app_user WHERE id = $1`, [id]);
      expect((await t.http().patch(`/api/staff/${id}`).set(as('admin')).send({ version, active: false })).status).toBe(200);
      for (const tok of [token, refreshed]) {
        expect((await me(tok)).status).toBe(401);
        expect((await t.http().get('/api/submissions').set('Authorization', `Bearer ${tok}`)).status).toBe(401);
      }
    });

    it('logout revokes every token of the caller, refreshed ones included', async () => {
      const token = (await t.http().post('/api/auth/login').send({ email: 'lead.ca@example.com', password: DEMO_PASSWORD })).body.accessToken;
      const refreshed = (await refresh(token)).body.accessToken as string;
      expect((await t.http().post('/api/auth/logout').set('Authorization', `Bearer ${refreshed}`)).status).toBe(204);
      expect((await me(token)).status).toBe(401);
      expect((await me(refreshed)).status).toBe(401);
      await loginAll();
    });
  });

});
