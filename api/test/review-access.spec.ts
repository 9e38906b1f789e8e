import type { Region } from '@sbo/shared';
import { BROKER, setNow } from './support/intake';
import { addStaff, asReviewer, heldSubmission, LEAD_CA, queuedSubmission, REP, type Reviewer, versionOf } from './support/review';
import { startTestApp, type TestApp } from './support/test-app';

const ON_TIME = '2027-01-05T18:00:00Z';

/** Every review call on one submission, each with the version the caller would have read. */
const ACTIONS: [string, (r: Reviewer, id: string, version: number) => ReturnType<Reviewer['get']>][] = [
  ['get', (r, id) => r.get(id)],
  ['census', (r, id) => r.census(id)],
  ['audit', (r, id) => r.audit(id)],
  ['claim', (r, id, v) => r.claim(id, v)],
  ['release', (r, id, v) => r.release(id, v)],
  ['correct', (r, id, v) => r.correct(id, { version: v, reason: 'typo', group: { name: 'Other name' } })],
  ['return', (r, id, v) => r.return(id, v, 'Please fix the census.')],
  ['request-items', (r, id, v) => r.requestItems(id, v, [{ kind: 'OTHER', description: 'Wage report' }])],
  ['approve', (r, id, v) => r.approve(id, v)],
  ['refer-offline', (r, id, v) => r.referOffline(id, v, 'Multi-market group')],
];

describe('review access: regions, roles and the region policy (API)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => setNow(t, ON_TIME));

  describe("nothing of another region is visible: 404 on every route, never counted or listed", () => {
    const cases: [string, Region][] = [
      [REP.CA, 'CO'],
      [REP.CO, 'CA'],
      [REP.GA, 'CA'],
      [LEAD_CA, 'GA'],
    ];
    it.each(cases.flatMap(([who, region]) => ACTIONS.map(([name, call]) => [who, region, name, call] as const)))(
      '%s on a %s submission: %s → 404',
      async (who, region, _, call) => {
        const { id, version } = await heldSubmission(t, region);
        const res = await call(await asReviewer(t, who), id, version);
        expect(res.status).toBe(404);
        expect(res.body).toMatchObject({ code: 'NOT_FOUND', message: 'Submission not found.' });
        expect(await versionOf(t, id)).toBe(version);
      },
    );

    it.each<[string, Region[]]>([
      [REP.CA, ['CA']],
      [REP.CO, ['CO']],
      [REP.GA, ['GA', 'MAS']],
    ])('%s lists and counts only %j', async (who, regions) => {
      const rep = await asReviewer(t, who);
      const all = await rep.list({ perPage: 100 });
      expect(all.status).toBe(200);
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM submission WHERE region = ANY($1) AND state <> 'DRAFT'`,
        [regions],
      );
      expect(all.body.total).toBe(count);
      expect(all.body.data.length).toBeGreaterThan(0);
      expect(all.body.data.every((s: { region: Region }) => regions.includes(s.region))).toBe(true);
      // Asking for another region narrows to nothing rather than widening.
      const other = await rep.list({ region: regions.includes('CO') ? 'CA' : 'CO' });
      expect(other.body).toEqual({ data: [], total: 0 });
      // Nor does a search find another region's group.
      const [foreign] = await t.dataSource.query(`SELECT id, reference, group_name FROM submission WHERE NOT region = ANY($1) AND state <> 'DRAFT' LIMIT 1`, [regions]);
      expect((await rep.list({ q: foreign.group_name })).body.total).toBe(0);
      expect((await rep.list({ q: foreign.id })).body.total).toBe(0);
      expect((await rep.list({ q: foreign.reference })).body.total).toBe(0);
      expect((await rep.list({ id: [foreign.id] })).body.total).toBe(0);
    });

    it('finds a submission by its reference, as a partner reads it out on the phone', async () => {
      const rep = await asReviewer(t, REP.CO);
      const [mine] = await t.dataSource.query(
        `SELECT id, reference FROM submission WHERE region = 'CO' AND state <> 'DRAFT' ORDER BY created_at LIMIT 1`,
      );
      const number = mine.reference.slice(2);
      for (const q of [mine.reference, mine.reference.toLowerCase(), `T ${number}`, number]) {
        const res = await rep.list({ q });
        expect(res.status).toBe(200);
        expect(res.body.data.map((s: { id: string }) => s.id)).toContain(mine.id);
        expect(res.body.data.find((s: { id: string }) => s.id === mine.id).reference).toBe(mine.reference);
      }
      expect((await rep.list({ q: mine.reference })).body.total).toBe(1);
      expect((await rep.get(mine.id)).body.reference).toBe(mine.reference);
    });

    it('hides partner drafts from staff', async () => {
      const rep = await asReviewer(t, REP.CO);
      expect((await rep.list({ state: 'DRAFT' })).body.total).toBe(0);
      const [draft] = await t.dataSource.query(`SELECT id FROM submission WHERE region = 'CO' AND state = 'DRAFT' LIMIT 1`);
      expect((await rep.get(draft.id)).status).toBe(404);
    });
  });

  describe('region policy: CA returns, never corrects; elsewhere reps correct, never return', () => {
    it.each<[Region, string, 'correct' | 'return', number, string | undefined]>([
      ['CA', REP.CA, 'correct', 422, 'REGION_POLICY'],
      ['CA', REP.CA, 'return', 200, undefined],
      ['CA', LEAD_CA, 'correct', 422, 'REGION_POLICY'],
      ['CA', LEAD_CA, 'return', 200, undefined],
      ['CO', REP.CO, 'return', 422, 'REGION_POLICY'],
      ['CO', REP.CO, 'correct', 200, undefined],
      ['GA', REP.GA, 'return', 422, 'REGION_POLICY'],
      ['GA', REP.GA, 'correct', 200, undefined],
      ['MAS', REP.MAS, 'return', 422, 'REGION_POLICY'],
      ['MAS', REP.MAS, 'correct', 200, undefined],
    ])('%s submission, %s: %s → %i %s', async (region, who, action, status, code) => {
      const { id, version } = await heldSubmission(t, region, who);
      const r = await asReviewer(t, who);
      const res =
        action === 'correct'
          ? await r.correct(id, { version, reason: 'typo', group: { name: 'Corrected name' } })
          : await r.return(id, version, 'Please fix the census.');
      expect(res.status).toBe(status);
      if (code) {
        expect(res.body.code).toBe(code);
        expect(res.body.message).toMatch(action === 'correct' ? /use Return instead/ : /use Correct instead/i);
        expect(await versionOf(t, id)).toBe(version);
      }
    });
  });

  describe('reps act on what they hold; leads on anything of their regions', () => {
    it.each(['release', 'return', 'request-items', 'approve', 'refer-offline'])('another CA rep may not %s what Carmen holds (403); the lead may', async (name) => {
      await addStaff(t, `rep2.${name}@example.com`, ['rep'], ['CA']);
      const { id, version } = await heldSubmission(t, 'CA');
      const call = ACTIONS.find(([n]) => n === name)![1];
      const other = await call(await asReviewer(t, `rep2.${name}@example.com`), id, version);
      expect(other.status).toBe(403);
      expect(other.body.message).toMatch(/Another representative holds this submission/);
      expect((await call(await asReviewer(t, LEAD_CA), id, version)).status).toBe(200);
    });

    it('asks a rep to claim an unassigned one first', async () => {
      const id = await queuedSubmission(t, 'CO');
      const res = await (await asReviewer(t, REP.CO)).approve(id, await versionOf(t, id));
      expect(res.status).toBe(403);
      expect(res.body.message).toMatch(/Claim this submission first/);
    });
  });

  describe('roles without review powers are refused at the door (403)', () => {
    it.each([BROKER.CA, 'gaadmin.ga@example.com', 'gasupport@example.com', 'ebs@example.com', 'admin@example.com'])('%s', async (who) => {
      const r = await asReviewer(t, who);
      const [own] = await t.dataSource.query(`SELECT id, version FROM submission WHERE region = 'CA' AND state = 'IN_REVIEW' LIMIT 1`);
      expect((await r.list()).status).toBe(403);
      expect((await r.next()).status).toBe(403);
      for (const [, call] of ACTIONS) expect((await call(r, own.id, own.version)).status).toBe(403);
    });

    it('only leads assign', async () => {
      const { id, version } = await heldSubmission(t, 'CO');
      const res = await (await asReviewer(t, REP.CO)).assign(id, version, '00000000-0000-4000-8000-000000000000');
      expect(res.status).toBe(403);
    });
  });

  describe('every write refuses a stale version with 409 and changes nothing', () => {
    it.each(ACTIONS.filter(([name]) => !['get', 'census', 'audit', 'claim'].includes(name)))('%s', async (name, call) => {
      const region: Region = name === 'correct' ? 'CO' : 'CA';
      const { id, version } = await heldSubmission(t, region);
      const res = await call(await asReviewer(t, REP[region]), id, version - 1);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: version } });
      expect(await versionOf(t, id)).toBe(version);
    });

    it('claim', async () => {
      const id = await queuedSubmission(t, 'CA');
      const version = await versionOf(t, id);
      expect((await (await asReviewer(t, REP.CA)).claim(id, version - 1)).status).toBe(409);
    });
  });
});
