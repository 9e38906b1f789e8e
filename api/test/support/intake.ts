import type { Region } from '@sbo/shared';
import { Clock } from '../../src/calendar/clock';
import type { TestApp } from './test-app';

/** A one-page PDF: enough for the signature check. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
export const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');

export const CENSUS_HEADER = 'employee_id,relationship,first_name,last_name,date_of_birth,gender,zip';
export const GOOD_CENSUS = [
  CENSUS_HEADER,
  'E1,EMPLOYEE,Ann,Lee,1980-01-02,F,80202',
  'E1,CHILD,Ben,Lee,2012-05-06,M,80202',
  'E2,EMPLOYEE,Cy,Diaz,1975-09-30,X,80203',
].join('\n');

/** The partner who works each region's demo firm. */
export const BROKER: Record<Region, string> = {
  CA: 'broker.ca@example.com',
  CO: 'broker.co@example.com',
  GA: 'gaadmin.ga@example.com',
  MAS: 'delegate1.mas@example.com',
};

export const ZIP: Record<Region, string> = { CA: '94612', CO: '80202', GA: '30303', MAS: '21202' };

/** A create body that is complete apart from census and documents. */
export function newGroupBody(region: Region, overrides: Record<string, unknown> = {}) {
  const { group, ...rest } = overrides as { group?: Record<string, unknown> };
  return {
    type: 'NEW_GROUP',
    region,
    requestedEffectiveDate: '2027-01-01',
    paymentMethod: 'EFT',
    group: {
      name: 'Acme Bakery',
      taxId: '12-3456789',
      employeeCount: 12,
      multiMarket: false,
      guaranteedAvailability: false,
      address: { line1: '1 Main St', city: 'Denver', state: 'CO', zip: ZIP[region] },
      ...group,
    },
    plans: [{ planCode: `${region}-GOLD-500`, tier: 'GOLD' }],
    ...rest,
  };
}

/** Partner calls with the bearer token of a demo account. */
export function partner(t: TestApp, token: string) {
  const auth = { Authorization: `Bearer ${token}` };
  return {
    create: (body: object, key?: string) => {
      const req = t.http().post('/api/partner/submissions').set(auth);
      return (key ? req.set('Idempotency-Key', key) : req).send(body);
    },
    get: (id: string) => t.http().get(`/api/partner/submissions/${id}`).set(auth),
    list: (query: Record<string, string | number> = {}) => t.http().get('/api/partner/submissions').set(auth).query(query),
    patch: (id: string, body: object) => t.http().patch(`/api/partner/submissions/${id}`).set(auth).send(body),
    census: (id: string, content: string | Buffer, fileName = 'census.csv') =>
      t
        .http()
        .post(`/api/partner/submissions/${id}/census`)
        .set(auth)
        .attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content), fileName),
    document: (id: string, kind: string, content: Buffer = PDF, fileName = 'form.pdf') =>
      t.http().post(`/api/partner/submissions/${id}/documents`).set(auth).field('kind', kind).attach('file', content, fileName),
    submit: (id: string, key?: string) => {
      const req = t.http().post(`/api/partner/submissions/${id}/submit`).set(auth);
      return key ? req.set('Idempotency-Key', key) : req;
    },
    cancel: (id: string) => t.http().post(`/api/partner/submissions/${id}/cancel`).set(auth),
  };
}

/** Creates a submission with its census and documents: it passes every rule on an on-time day. */
export async function completeSubmission(t: TestApp, region: Region, overrides: Record<string, unknown> = {}): Promise<string> {
  const api = partner(t, await t.login(BROKER[region]));
  const created = await api.create(newGroupBody(region, overrides));
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.id as string;
  const census = await api.census(id, GOOD_CENSUS.replaceAll('80202', ZIP[region]).replaceAll('80203', ZIP[region]));
  if (census.status !== 201) throw new Error(`census failed: ${census.status} ${JSON.stringify(census.body)}`);
  for (const kind of region === 'CA' ? ['SIGNED_APPLICATION', 'EFT_AUTHORIZATION'] : ['SIGNED_APPLICATION']) {
    const doc = await api.document(id, kind);
    if (doc.status !== 201) throw new Error(`document failed: ${doc.status} ${JSON.stringify(doc.body)}`);
  }
  return id;
}

/** Moves the app's clock (the late cutoff and the SEP window read it). */
export function setNow(t: TestApp, iso: string): void {
  const clock = t.app.get(Clock);
  jest.spyOn(clock, 'now').mockReturnValue(new Date(iso));
}

export async function userId(t: TestApp, email: string): Promise<string> {
  const [row] = await t.dataSource.query(`SELECT id FROM app_user WHERE email = $1`, [email]);
  return row.id;
}
