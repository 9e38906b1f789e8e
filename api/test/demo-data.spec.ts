import { PARTNER_STATUSES, type PartnerStatus, type Region } from '@sbo/shared';
import { BROKER, partner } from './support/intake';
import { asReviewer, REP } from './support/review';
import { startTestApp, type TestApp } from './support/test-app';

/*
 * The demo data a fresh `npm start` shows: every demo partner's dashboard has work in every status,
 * and every region's reviewers have a queue and work in hand (README, "Demo accounts").
 */

interface Row {
  id: string;
  reference: string;
  partnerStatus: PartnerStatus;
  instructions: string | null;
  createdAt: string;
}

const REGIONS_OF_FIRMS: Region[] = ['CA', 'CO', 'GA', 'MAS'];

describe('demo data (seed)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const dashboardOf = async (region: Region) => {
    const api = partner(t, await t.login(BROKER[region]));
    const res = await api.list({ perPage: 100 });
    expect(res.status).toBe(200);
    return { api, rows: res.body.data as Row[] };
  };

  it.each(REGIONS_OF_FIRMS)('gives the %s firm transactions in every partner status', async (region) => {
    const { rows } = await dashboardOf(region);
    for (const status of PARTNER_STATUSES) {
      expect(rows.filter((r) => r.partnerStatus === status).length).toBeGreaterThanOrEqual(1);
    }
  });

  it.each(REGIONS_OF_FIRMS)('gives the %s firm an open draft ready to submit and one still missing things', async (region) => {
    const { api, rows } = await dashboardOf(region);
    const open = await Promise.all(rows.filter((r) => r.partnerStatus === 'OPEN').map(async (r) => (await api.get(r.id)).body));
    const complete = open.filter((d) => d.problems.length === 0);
    const incomplete = open.filter((d) => d.problems.length > 0);
    expect(complete).toHaveLength(1);
    expect(complete[0]).toMatchObject({ type: 'NEW_GROUP', census: { rejectedCount: 0 } });
    expect(complete[0].documents.map((d: { kind: string }) => d.kind)).toEqual(
      region === 'CA' ? expect.arrayContaining(['SIGNED_APPLICATION', 'EFT_AUTHORIZATION']) : ['SIGNED_APPLICATION'],
    );
    expect(incomplete.length).toBeGreaterThanOrEqual(1);
    expect(incomplete[0].problems.map((p: { code: string }) => p.code)).toEqual(
      expect.arrayContaining(['MISSING_PAYMENT_METHOD', 'MISSING_CENSUS', 'MISSING_SIGNED_APPLICATION']),
    );
    // Complete means the partner can submit it as it is.
    const submitted = await api.submit(complete[0].id);
    expect(submitted.status).toBe(200);
    expect(submitted.body.partnerStatus).toBe('PENDING_KP_REVIEW');
  });

  it.each(REGIONS_OF_FIRMS)('tells the %s firm what to do on action required, with the rep to contact', async (region) => {
    const { rows } = await dashboardOf(region);
    const action = rows.filter((r) => r.partnerStatus === 'ACTION_REQUIRED');
    const [rep] = await t.dataSource.query(`SELECT name, email, phone FROM app_user WHERE email = $1`, [REP[region]]);
    const contact = `Contact ${rep.name} at ${rep.email} or ${rep.phone}.`;
    expect(action.length).toBeGreaterThanOrEqual(3);
    for (const r of action) expect(r.instructions).toMatch(new RegExp(`\\n\\n${contact.replace(/[.]/g, '\\.')}$`));

    const states: { state: string; pending: number }[] = await t.dataSource.query(
      `SELECT state, jsonb_array_length(pending_items) AS pending FROM submission WHERE id = ANY($1)`,
      [action.map((r) => r.id)],
    );
    // CA reps return for corrections; elsewhere they ask for items (never return).
    if (region === 'CA') expect(states.filter((s) => s.state === 'RETURNED')).toHaveLength(1);
    else expect(states.some((s) => s.state === 'RETURNED')).toBe(false);
    const requests = states.filter((s) => s.state === 'PENDING_ITEMS');
    expect(requests.length).toBeGreaterThanOrEqual(region === 'CA' ? 1 : 2);
    expect(requests.every((s) => s.pending > 0)).toBe(true);
    expect(states.filter((s) => s.state === 'REFERRED_OFFLINE')).toHaveLength(1);
  });

  it('gives every region a queue, overdue work and work in hand for its rep', async () => {
    for (const region of REGIONS_OF_FIRMS) {
      const rep = await asReviewer(t, REP[region]);
      const queued = await rep.list({ region, state: 'SUBMITTED', assigneeId: 'none', perPage: 100 });
      expect(queued.body.total).toBeGreaterThanOrEqual(2);
      expect(queued.body.data.some((s: { businessDaysLeft: number }) => s.businessDaysLeft < 0)).toBe(true);
      const held = await rep.list({ region, state: 'IN_REVIEW', assigneeId: 'me', perPage: 100 });
      expect(held.body.total).toBeGreaterThanOrEqual(2);
    }
  });

  it('numbers the demo transactions in the order they were created', async () => {
    const rows: { created: string }[] = await t.dataSource.query(
      `SELECT to_char(created_at, 'YYYY-MM-DD"T"HH24:MI:SS.US') AS created FROM submission ORDER BY substr(reference, 3)::bigint`,
    );
    expect(rows.length).toBeGreaterThan(40);
    rows.slice(1).forEach((r, i) => expect(r.created >= rows[i].created).toBe(true));
  });
});
