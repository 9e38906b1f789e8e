import { parse as parseDisposition } from 'content-disposition';
import ExcelJS from 'exceljs';
import { BROKER, CENSUS_HEADER, GOOD_CENSUS, JPEG, newGroupBody, partner, PDF, PNG } from './support/intake';
import { startTestApp, type TestApp } from './support/test-app';

describe('census and document uploads (API)', () => {
  let t: TestApp;
  let co: ReturnType<typeof partner>;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    token = await t.login(BROKER.CO);
    co = partner(t, token);
  });
  afterAll(() => t.close());

  const draft = async () => (await co.create(newGroupBody('CO'))).body.id as string;

  describe('census', () => {
    const MIXED = [
      CENSUS_HEADER,
      'E1,EMPLOYEE,Ann,Lee,1980-01-02,F,80202', // row 2: good
      'E1,SPOUSE,Bo,Lee,1981-13-02,M,80202', // row 3: bad date
      'E2,EMPLOYEE,,Diaz,1975-09-30,Q,8020', // row 4: three bad cells
      'E1,CHILD,Cal,Lee,2015-06-01,M,80202', // row 5: good
      'E7,CHILD,Dee,Roe,2016-06-01,F,80202', // row 6: no employee E7
      '',
      'E3,employee,Eve,Park,12/31/1990,female,80202-1234', // row 8: good, normalised
    ].join('\n');

    it('keeps the good rows and returns every bad cell with its row number, column and reason', async () => {
      const id = await draft();
      const res = await co.census(id, MIXED);
      expect(res.status).toBe(201);
      expect(res.body.census).toMatchObject({
        fileName: 'census.csv',
        rowCount: 6,
        acceptedCount: 3,
        rejectedCount: 3,
        employeeCount: 2,
        dependentCount: 1,
      });
      expect(res.body.rows.map((r: { rowNumber: number }) => r.rowNumber)).toEqual([2, 5, 8]);
      expect(res.body.rows[2]).toMatchObject({ relationship: 'EMPLOYEE', dateOfBirth: '1990-12-31', gender: 'F', zip: '80202-1234' });
      expect(res.body.errors).toEqual([
        { row: 3, column: 'date_of_birth', message: 'date_of_birth is not a real calendar date' },
        { row: 4, column: 'first_name', message: 'first_name is required' },
        { row: 4, column: 'gender', message: expect.stringMatching(/^gender must be M, F or X/) },
        { row: 4, column: 'zip', message: expect.stringMatching(/leading zeros/) },
        { row: 6, column: 'employee_id', message: 'No EMPLOYEE row in the census has this employee_id' },
      ]);

      const stored = await t.http().get(`/api/partner/submissions/${id}/census`).set('Authorization', `Bearer ${token}`);
      expect(stored.status).toBe(200);
      expect(stored.body.rows.map((r: { rowNumber: number }) => r.rowNumber)).toEqual([2, 5, 8]);
      expect(stored.body.errors).toEqual(res.body.errors);

      const detail = await co.get(id);
      expect(detail.body.census.rejectedCount).toBe(3);
      expect(detail.body.problems.map((p: { code: string }) => p.code)).toContain('CENSUS_ROW_ERRORS');
    });

    it('replaces the census with a new upload', async () => {
      const id = await draft();
      await co.census(id, MIXED);
      const res = await co.census(id, GOOD_CENSUS);
      expect(res.status).toBe(201);
      expect(res.body.errors).toEqual([]);
      const [counts] = await t.dataSource.query(
        `SELECT (SELECT count(*)::int FROM census_row WHERE submission_id = $1) AS rows,
                (SELECT count(*)::int FROM census_row_error WHERE submission_id = $1) AS errors,
                (SELECT count(*)::int FROM census WHERE submission_id = $1) AS censuses`,
        [id],
      );
      expect(counts).toEqual({ rows: 3, errors: 0, censuses: 1 });
      expect((await co.get(id)).body.problems.map((p: { code: string }) => p.code)).not.toContain('CENSUS_ROW_ERRORS');
    });

    it('reads an XLSX workbook with mixed rows', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Census');
      sheet.addRow(['Employee ID', 'Relationship', 'First Name', 'Last Name', 'Date of Birth', 'Gender', 'Zip']);
      sheet.addRow(['E1', 'EMPLOYEE', 'Ann', 'Lee', new Date(Date.UTC(1980, 0, 2)), 'F', 2134]);
      sheet.addRow(['E2', 'EMPLOYEE', 'Bob', 'Ray', 'yesterday', 'M', '80202']);
      const file = Buffer.from(await workbook.xlsx.writeBuffer());
      const res = await co.census(await draft(), file, 'census.xlsx');
      expect(res.status).toBe(201);
      expect(res.body.rows).toEqual([
        expect.objectContaining({ rowNumber: 2, dateOfBirth: '1980-01-02', zip: '02134' }),
      ]);
      expect(res.body.errors).toEqual([{ row: 3, column: 'date_of_birth', message: expect.any(String) }]);
    });

    it.each<[string, string, string | Buffer, number, RegExp]>([
      ['a PDF', 'census.pdf', PDF, 415, /CSV or XLSX/],
      ['a missing column', 'census.csv', 'employee_id,first_name\nE1,Ann', 400, /missing required columns/],
      ['an empty sheet', 'census.csv', '\n\n', 400, /no header row/],
      ['an old .xls workbook', 'census.xls', Buffer.from('d0cf11e0a1b11ae1', 'hex'), 400, /\.xls workbooks are not supported/],
      ['a PNG renamed .xlsx', 'census.xlsx', PNG, 400, /not a valid XLSX/],
    ])('refuses %s (%s) as a whole', async (_, name, content, status, message) => {
      const id = await draft();
      const res = await co.census(id, content, name);
      expect(res.status).toBe(status);
      expect(res.body.message).toMatch(message);
      expect((await co.get(id)).body.census).toBeNull();
    });
  });

  describe('documents', () => {
    it.each<[string, Buffer, string, string]>([
      ['SIGNED_APPLICATION', PDF, 'application.pdf', 'application/pdf'],
      ['EFT_AUTHORIZATION', PNG, 'eft.png', 'image/png'],
      ['OTHER', JPEG, 'photo.jpg', 'image/jpeg'],
    ])('stores a %s (%s) and serves it back to whoever may see the submission', async (kind, content, name, mimeType) => {
      const id = await draft();
      const res = await co.document(id, kind, content, name);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ kind, fileName: name, mimeType, sizeBytes: content.length, url: `/api/documents/${res.body.id}` });
      expect((await co.get(id)).body.documents).toEqual([res.body]);

      const download = await t
        .http()
        .get(res.body.url)
        .set('Authorization', `Bearer ${await t.login('delegate2.co@example.com')}`)
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(download.status).toBe(200);
      expect(download.headers['content-type']).toBe(mimeType);
      expect(parseDisposition(download.headers['content-disposition'])).toMatchObject({ type: 'attachment', parameters: { filename: name } });
      expect(Buffer.compare(download.body as Buffer, content)).toBe(0);
    });

    describe('download names follow the detected type, not the uploader', () => {
      const download = async (url: string) => t.http().get(url).set('Authorization', `Bearer ${token}`).buffer(true);
      const disposition = (header: string) => parseDisposition(header) as { type: string; parameters: Record<string, string> };

      it.each<[string, Buffer, string, string, string]>([
        ['a PDF named .pdf.hta', PDF, 'signed_application.pdf.hta', 'application/pdf', 'signed_application.pdf'],
        ['a PNG named .exe', PNG, 'photo.exe', 'image/png', 'photo.png'],
        ['a JPEG named .pdf.html', JPEG, 'id card.pdf.html', 'image/jpeg', 'id card.jpg'],
      ])('serves %s as its type, named for it, never sniffed', async (_, content, uploaded, mimeType, served) => {
        const res = await co.document(await draft(), 'OTHER', content, uploaded);
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({ fileName: served, mimeType });
        const file = await download(res.body.url);
        expect(file.status).toBe(200);
        expect(file.headers['content-type']).toBe(mimeType);
        expect(file.headers['x-content-type-options']).toBe('nosniff');
        expect(disposition(file.headers['content-disposition'])).toEqual({ type: 'attachment', parameters: { filename: served } });
      });

      it('encodes quotes and non-ASCII per RFC 6266 (ASCII fallback, UTF-8 filename*)', async () => {
        const res = await co.document(await draft(), 'OTHER', PDF, 'Résumé "final" 日本.pdf.hta');
        expect(res.status).toBe(201);
        const header = (await download(res.body.url)).headers['content-disposition'];
        expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9%._~!'*()-]+$/);
        // The name as the uploader's browser sent it (quotes as %22), then each parameter as sent.
        expect(res.body.fileName).toBe('Résumé "final" 日本.pdf');
        expect(/filename="([^"]*)"/.exec(header)![1]).toBe('Resume _final_ __.pdf');
        expect(decodeURIComponent(header.split("filename*=UTF-8''")[1])).toBe('Résumé "final" 日本.pdf');
        expect(disposition(header).parameters.filename).toBe('Résumé "final" 日本.pdf');
      });

      it('never lets a stored name break the header (CR LF, tab)', async () => {
        const res = await co.document(await draft(), 'OTHER', PDF, 'plain.pdf');
        await t.dataSource.query(`UPDATE document SET file_name = $2 WHERE id = $1`, [res.body.id, 'x"\r\nSet-Cookie: a=1\t.pdf.hta']);
        const file = await download(res.body.url);
        expect(file.status).toBe(200);
        expect(file.headers['set-cookie']).toBeUndefined();
        const header = file.headers['content-disposition'];
        expect(header).not.toMatch(/[\r\n\t]/);
        expect(decodeURIComponent(header.split("filename*=UTF-8''")[1])).toBe('x"Set-Cookie: a=1.pdf');
      });
    });

    it('lets the region rep download once submitted, but not while it is a draft, nor an admin', async () => {
      const id = await draft();
      const doc = await co.document(id, 'OTHER');
      const get = async (email: string) =>
        t.http().get(doc.body.url).set('Authorization', `Bearer ${await t.login(email)}`);
      expect((await get('rep.co@example.com')).status).toBe(404);
      expect((await get('rep.ca@example.com')).status).toBe(404);
      expect((await get('admin@example.com')).status).toBe(403);
      await t.dataSource.query(`UPDATE submission SET state = 'SUBMITTED' WHERE id = $1`, [id]);
      expect((await get('rep.co@example.com')).status).toBe(200);
      expect((await get('rep.ca@example.com')).status).toBe(404);
    });

    it.each<[string, () => Promise<{ status: number; body: { code: string; errors?: object; message: string } }>, number, string]>([
      ['a text file named .pdf', async () => co.document(await draft(), 'OTHER', Buffer.from('hello'), 'fake.pdf'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['an HTML page', async () => co.document(await draft(), 'OTHER', Buffer.from('<html><script>1</script>'), 'x.png'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['an unknown kind', async () => co.document(await draft(), 'PASSPORT'), 400, 'VALIDATION_FAILED'],
      ['an empty file', async () => co.document(await draft(), 'OTHER', Buffer.alloc(0)), 400, 'VALIDATION_FAILED'],
      [
        'no kind',
        async () => t.http().post(`/api/partner/submissions/${await draft()}/documents`).set('Authorization', `Bearer ${token}`).attach('file', PDF, 'a.pdf'),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'no file',
        async () => t.http().post(`/api/partner/submissions/${await draft()}/documents`).set('Authorization', `Bearer ${token}`).field('kind', 'OTHER'),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'the file in another field',
        async () =>
          t.http().post(`/api/partner/submissions/${await draft()}/documents`).set('Authorization', `Bearer ${token}`).field('kind', 'OTHER').attach('upload', PDF, 'a.pdf'),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'an unknown field',
        async () =>
          t.http().post(`/api/partner/submissions/${await draft()}/documents`).set('Authorization', `Bearer ${token}`).field('kind', 'OTHER').field('owner', 'me').attach('file', PDF, 'a.pdf'),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'two files',
        async () =>
          t.http().post(`/api/partner/submissions/${await draft()}/documents`).set('Authorization', `Bearer ${token}`).field('kind', 'OTHER').attach('file', PDF, 'a.pdf').attach('file', PDF, 'b.pdf'),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'a JSON body instead of multipart',
        async () => t.http().post(`/api/partner/submissions/${await draft()}/documents`).set('Authorization', `Bearer ${token}`).send({ kind: 'OTHER' }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
      [
        'a file over 10 MB',
        async () => co.document(await draft(), 'OTHER', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]), 'big.pdf'),
        413,
        'PAYLOAD_TOO_LARGE',
      ],
    ])('refuses %s', async (_, send, status, code) => {
      const res = await send();
      expect(res.status).toBe(status);
      expect(res.body.code).toBe(code);
    });

    it('stores nothing for a refused upload', async () => {
      const id = await draft();
      await co.document(id, 'OTHER', Buffer.from('not a pdf'), 'x.pdf');
      await co.document(id, 'PASSPORT');
      expect((await co.get(id)).body.documents).toEqual([]);
    });

    it('refuses documents once the submission is completed', async () => {
      const id = await draft();
      await t.dataSource.query(`UPDATE submission SET state = 'APPROVED' WHERE id = $1`, [id]);
      const res = await co.document(id, 'OTHER');
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('INVALID_TRANSITION');
    });
  });
});
