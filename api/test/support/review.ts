import type { Region } from '@sbo/shared';
import { BROKER, completeSubmission, partner } from './intake';
import type { TestApp } from './test-app';

/** The demo rep who works each region, and the demo CA lead. */
export const REP: Record<Region, string> = {
  CA: 'rep.ca@example.com',
  CO: 'rep.co@example.com',
  GA: 'rep.multi@example.com',
  MAS: 'rep.multi@example.com',
};
export const LEAD_CA = 'lead.ca@example.com';

/** Review calls with the bearer token of a staff account. */
export function reviewer(t: TestApp, token: string) {
  const auth = { Authorization: `Bearer ${token}` };
  const post = (path: string, body: object = {}) => t.http().post(`/api${path}`).set(auth).send(body);
  return {
    list: (query: Record<string, string | number | string[]> = {}) => t.http().get('/api/submissions').set(auth).query(query),
    get: (id: string) => t.http().get(`/api/submissions/${id}`).set(auth),
    census: (id: string) => t.http().get(`/api/submissions/${id}/census`).set(auth),
    audit: (id: string) => t.http().get(`/api/submissions/${id}/audit`).set(auth),
    create: (body: object) => post('/submissions', body),
    next: (body: object = {}) => post('/queue/next', body),
    claim: (id: string, version: number) => post(`/submissions/${id}/claim`, { version }),
    release: (id: string, version: number) => post(`/submissions/${id}/release`, { version }),
    assign: (id: string, version: number, assigneeId: string) => post(`/submissions/${id}/assign`, { version, assigneeId }),
    correct: (id: string, body: object) => t.http().patch(`/api/submissions/${id}`).set(auth).send(body),
    return: (id: string, version: number, instructions: string) => post(`/submissions/${id}/return`, { version, instructions }),
    requestItems: (id: string, version: number, items: object[], instructions = 'Please upload the items listed.') =>
      post(`/submissions/${id}/request-items`, { version, items, instructions }),
    approve: (id: string, version: number) => post(`/submissions/${id}/approve`, { version }),
    referOffline: (id: string, version: number, reason: string) => post(`/submissions/${id}/refer-offline`, { version, reason }),
  };
}

export type Reviewer = ReturnType<typeof reviewer>;

export const asReviewer = async (t: TestApp, email: string) => reviewer(t, await t.login(email));

/** The current version of a submission, straight from the database. */
export async function versionOf(t: TestApp, id: string): Promise<number> {
  const [row] = await t.dataSource.query(`SELECT version FROM submission WHERE id = $1`, [id]);
  return row.version;
}

/** A partner's complete submission, submitted: it waits in the region's queue (SUBMITTED). */
export async function queuedSubmission(t: TestApp, region: Region, overrides: Record<string, unknown> = {}): Promise<string> {
  const id = await completeSubmission(t, region, overrides);
  const res = await partner(t, await t.login(BROKER[region])).submit(id);
  if (res.status !== 200) throw new Error(`submit failed: ${res.status} ${JSON.stringify(res.body)}`);
  return id;
}

/** A queued submission claimed by `email`: IN_REVIEW, held by them. Returns its id and version. */
export async function heldSubmission(t: TestApp, region: Region, email = REP[region]) {
  const id = await queuedSubmission(t, region);
  const res = await (await asReviewer(t, email)).claim(id, await versionOf(t, id));
  if (res.status !== 200) throw new Error(`claim failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id, version: res.body.version as number };
}

/** Another active staff member of `regions`, who logs in with the demo password. */
export async function addStaff(t: TestApp, email: string, roles: string[], regions: Region[]): Promise<string> {
  const [row] = await t.dataSource.query(
    `INSERT INTO app_user (email, name, phone, roles, regions, password_hash)
     SELECT $1, $2, '303-555-0199', $3, $4, password_hash FROM app_user WHERE email = 'rep.co@example.com'
     RETURNING id`,
    [email, email.split('@')[0], roles, regions],
  );
  return row.id;
}

/** The outbox rows of a submission, oldest first. */
export const emailsOf = (t: TestApp, id: string): Promise<{ recipient: string; subject: string; template: string; body: string }[]> =>
  t.dataSource.query(`SELECT recipient, subject, template, body FROM notification WHERE entity_id = $1 ORDER BY id`, [id]);
