import { addStaff, LEAD_CA, REP } from './support/review';
import { startTestApp, type TestApp } from './support/test-app';

/** Saved filters (each person's own), instruction templates (per region) and the reviewers a lead may assign to. */
describe('review preferences (API)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const as = async (email: string) => {
    const auth = { Authorization: `Bearer ${await t.login(email)}` };
    return {
      get: (path: string, query: Record<string, string> = {}) => t.http().get(`/api${path}`).set(auth).query(query),
      post: (path: string, body: object) => t.http().post(`/api${path}`).set(auth).send(body),
      patch: (path: string, body: object) => t.http().patch(`/api${path}`).set(auth).send(body),
      delete: (path: string) => t.http().delete(`/api${path}`).set(auth),
    };
  };

  describe('saved filters', () => {
    it.each([
      [REP.CA, 201],
      [LEAD_CA, 201],
      ['gasupport@example.com', 201],
      ['ebs@example.com', 201],
      ['admin@example.com', 201],
      ['broker.ca@example.com', 403],
    ])('%s saves a filter → %i', async (email, status) => {
      const me = await as(email);
      const res = await me.post('/saved-filters', { resource: 'submissions', name: `Overdue ${email}`, filter: { state: ['SUBMITTED'] } });
      expect(res.status).toBe(status);
      if (status !== 201) return;
      expect(res.body).toMatchObject({ resource: 'submissions', name: `Overdue ${email}`, filter: { state: ['SUBMITTED'] } });
      const list = await me.get('/saved-filters', { resource: 'submissions' });
      expect(list.status).toBe(200);
      expect(list.body.data.map((f: { name: string }) => f.name)).toContain(`Overdue ${email}`);
    });

    it("lists only the caller's own filters; another person's is 404 to delete", async () => {
      const ca = await as(REP.CA);
      const co = await as(REP.CO);
      const mine = await ca.post('/saved-filters', { resource: 'submissions', name: 'Mine only', filter: { assigneeId: 'me' } });
      expect(mine.status).toBe(201);
      const theirs = await co.get('/saved-filters');
      expect(theirs.body.data.some((f: { id: string }) => f.id === mine.body.id)).toBe(false);
      expect((await co.delete(`/saved-filters/${mine.body.id}`)).status).toBe(404);
      expect((await co.delete('/saved-filters/not-a-uuid')).status).toBe(404);
      expect((await ca.delete(`/saved-filters/${mine.body.id}`)).status).toBe(204);
      expect((await ca.delete(`/saved-filters/${mine.body.id}`)).status).toBe(404);
    });

    it('refuses a duplicate name (409) and a bad body (400 with field errors)', async () => {
      const ca = await as(REP.CA);
      expect((await ca.post('/saved-filters', { resource: 'submissions', name: 'Twice', filter: {} })).status).toBe(201);
      const again = await ca.post('/saved-filters', { resource: 'submissions', name: 'Twice', filter: {} });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('CONFLICT');
      const bad = await ca.post('/saved-filters', { resource: 'Bad Name!', name: '', filter: 'x' });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.errors).sort()).toEqual(['filter', 'name', 'resource']);
    });

    it('refuses a name of spaces alone as blank (400 naming it) and keeps names trimmed', async () => {
      const ca = await as(REP.CA);
      const blank = await ca.post('/saved-filters', { resource: 'submissions', name: ' \t  ', filter: {} });
      expect(blank.status).toBe(400);
      expect(blank.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { name: 'name must not be blank' } });
      const padded = await ca.post('/saved-filters', { resource: 'submissions', name: '  Padded  ', filter: {} });
      expect(padded.status).toBe(201);
      expect(padded.body.name).toBe('Padded');
    });
  });

  describe('instruction templates', () => {
    it.each([
      [REP.CA, ['CA']],
      [REP.CO, ['CO']],
      [REP.GA, ['GA', 'MAS']],
      [LEAD_CA, ['CA']],
    ])('%s reads the templates of %j only', async (email, regions) => {
      const res = await (await as(email)).get('/instruction-templates', { perPage: '100' });
      expect(res.status).toBe(200);
      expect(res.body.total).toBeGreaterThan(0);
      expect([...new Set(res.body.data.map((x: { region: string }) => x.region))].sort()).toEqual(regions);
    });

    it.each(['admin@example.com', 'ebs@example.com', 'broker.ca@example.com'])('%s may not read templates (403)', async (email) => {
      expect((await (await as(email)).get('/instruction-templates')).status).toBe(403);
    });

    it('filters by kind: returns exist only where reps return (CA)', async () => {
      const ca = await as(REP.CA);
      const co = await as(REP.CO);
      expect((await ca.get('/instruction-templates', { kind: 'RETURN' })).body.total).toBeGreaterThan(0);
      expect((await co.get('/instruction-templates', { kind: 'RETURN' })).body.total).toBe(0);
      expect((await co.get('/instruction-templates', { region: 'CA' })).body).toEqual({ data: [], total: 0 });
    });

    it('lets a lead manage the templates of their region, with versions; reps and other regions may not', async () => {
      const lead = await as(LEAD_CA);
      const rep = await as(REP.CA);
      const co = await as(REP.CO);
      const body = { region: 'CA', kind: 'PENDING_ITEMS', title: 'Signed rate sheet', body: 'Please upload the signed rate sheet.' };
      expect((await rep.post('/instruction-templates', body)).status).toBe(403);
      expect((await lead.post('/instruction-templates', { ...body, region: 'CO' })).status).toBe(403);
      const created = await lead.post('/instruction-templates', body);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ ...body, version: 1 });
      const id = created.body.id;

      expect((await co.get(`/instruction-templates/${id}`)).status).toBe(404);
      expect((await co.patch(`/instruction-templates/${id}`, { version: 1, title: 'x' })).status).toBe(403);
      expect((await rep.patch(`/instruction-templates/${id}`, { version: 1, title: 'x' })).status).toBe(403);
      const edited = await lead.patch(`/instruction-templates/${id}`, { version: 1, title: 'Signed rate sheet (all pages)' });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ version: 2, title: 'Signed rate sheet (all pages)' });
      const stale = await lead.patch(`/instruction-templates/${id}`, { version: 1, title: 'Stale' });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });

      expect((await rep.delete(`/instruction-templates/${id}`)).status).toBe(403);
      expect((await lead.delete(`/instruction-templates/${id}`)).status).toBe(204);
      expect((await lead.get(`/instruction-templates/${id}`)).status).toBe(404);
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM audit_event WHERE entity_type = 'InstructionTemplate' AND entity_id = $1`,
        [id],
      );
      expect(count).toBe(3);
    });

    it('refuses a title or body of spaces alone, or null, on create and edit (400 naming the field), writing nothing', async () => {
      const lead = await as(LEAD_CA);
      const body = { region: 'CA', kind: 'PENDING_ITEMS', title: 'Wage report', body: 'Please upload the wage report.' };
      const count = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM instruction_template`))[0].n as number;
      const before = await count();
      for (const [field, value] of [['title', '   '], ['body', ' \n\t '], ['body', '  ab  ']] as const) {
        const res = await lead.post('/instruction-templates', { ...body, [field]: value });
        expect([field, value, res.status, res.body.code]).toEqual([field, value, 400, 'VALIDATION_FAILED']);
        expect(Object.keys(res.body.errors)).toEqual([field]);
      }
      expect(await count()).toBe(before);

      const created = await lead.post('/instruction-templates', { ...body, title: '  Wage report  ' });
      expect(created.body.title).toBe('Wage report');
      for (const [field, value] of [['title', '   '], ['body', '    '], ['title', null], ['body', null]] as const) {
        const res = await lead.patch(`/instruction-templates/${created.body.id}`, { version: 1, [field]: value });
        expect([field, value, res.status, res.body.code]).toEqual([field, value, 400, 'VALIDATION_FAILED']);
        expect(Object.keys(res.body.errors)).toEqual([field]);
      }
      expect((await lead.get(`/instruction-templates/${created.body.id}`)).body).toMatchObject({ version: 1, title: 'Wage report' });
    });
  });

  describe('reviewers a lead may assign to', () => {
    it('lists the active reps and leads of the lead’s regions only', async () => {
      const second = await addStaff(t, 'rep2.ca.prefs@example.com', ['rep'], ['CA']);
      await addStaff(t, 'rep.inactive.ca.prefs@example.com', ['rep'], ['CA']).then((id) =>
        t.dataSource.query(`UPDATE app_user SET active = false WHERE id = $1`, [id]),
      );
      const res = await (await as(LEAD_CA)).get('/reviewers');
      expect(res.status).toBe(200);
      const emails = res.body.data.map((r: { email: string }) => r.email);
      expect(emails).toEqual(expect.arrayContaining([REP.CA, LEAD_CA, 'rep2.ca.prefs@example.com']));
      expect(emails).not.toContain(REP.CO);
      expect(emails).not.toContain('rep.inactive.ca.prefs@example.com');
      expect(res.body.data.find((r: { id: string }) => r.id === second)).toMatchObject({ regions: ['CA'], roles: ['rep'] });
      expect((await (await as(LEAD_CA)).get('/reviewers', { region: 'CO' })).body).toEqual({ data: [], total: 0 });
    });

    it.each([REP.CA, 'admin@example.com', 'broker.ca@example.com'])('%s may not list reviewers (403)', async (email) => {
      expect((await (await as(email)).get('/reviewers')).status).toBe(403);
    });
  });
});
