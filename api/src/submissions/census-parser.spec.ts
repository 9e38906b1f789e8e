import type { CensusColumn, CensusMember } from '@sbo/shared';
import ExcelJS from 'exceljs';
import { buildCensusFixtures } from './census-parser.bench';
import {
  CENSUS_MAX_BYTES,
  CensusFileError,
  CensusParseResult,
  parseCensus,
} from './census-parser';

const HEADER = 'employee_id,relationship,first_name,last_name,date_of_birth,gender,zip';
const EMPLOYEE: Record<CensusColumn, string> = {
  employee_id: 'E1',
  relationship: 'EMPLOYEE',
  first_name: 'Ann',
  last_name: 'Lee',
  date_of_birth: '1980-01-02',
  gender: 'F',
  zip: '80202',
};
const COLUMNS = Object.keys(EMPLOYEE) as CensusColumn[];
const UNSUPPORTED = 'The census must be a CSV or XLSX file';
const INVALID_XLSX = /not a valid XLSX workbook/;
const TODAY = new Date().toISOString().slice(0, 10);
const TOMORROW = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

/** One CSV line for a member: the employee above with some cells changed, every cell quoted. */
function line(overrides: Partial<Record<CensusColumn, string>> = {}): string {
  const member = { ...EMPLOYEE, ...overrides };
  return COLUMNS.map((column) => `"${member[column].replaceAll('"', '""')}"`).join(',');
}

/** The normalised form of the employee above, with some fields changed. */
function member(rowNumber: number, fields: Partial<CensusMember> = {}): CensusMember {
  const base = { employeeId: 'E1', relationship: 'EMPLOYEE', firstName: 'Ann', lastName: 'Lee' } as const;
  return { rowNumber, ...base, dateOfBirth: '1980-01-02', gender: 'F', zip: '80202', ...fields };
}

const fieldOf = (column: CensusColumn) =>
  column.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase()) as keyof CensusMember;
const messageLike = (message: string | RegExp) =>
  typeof message === 'string' ? message : expect.stringMatching(message);

function parseCsv(...lines: string[]): Promise<CensusParseResult> {
  return parseCensus(Buffer.from(`${lines.join('\n')}\n`), 'census.csv');
}

async function xlsx(rows: ExcelJS.CellValue[][], prepare?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Census');
  rows.forEach((row, index) => {
    if (row.length > 0) sheet.getRow(index + 1).values = row;
  });
  prepare?.(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A zip of stored (uncompressed) entries; sizes in the central directory can be overstated. */
function storedZip(files: Record<string, string>, declaredSize?: number): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(declaredSize ?? data.length, 24);
    header.writeUInt16LE(nameBytes.length, 28);
    header.writeUInt32LE(offset, 42);
    parts.push(local, nameBytes, data);
    central.push(header, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

async function expectFileError(result: Promise<unknown>, message: string | RegExp): Promise<void> {
  const error = await result.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(CensusFileError);
  if (typeof message === 'string') expect((error as Error).message).toBe(message);
  else expect((error as Error).message).toMatch(message);
}

describe('parseCensus', () => {
  describe('good rows', () => {
    it('normalises rows and counts employees and dependents', async () => {
      const result = await parseCsv(
        HEADER,
        line(),
        line({ relationship: 'spouse', first_name: 'Bo', gender: 'Male', date_of_birth: '3/4/1979' }),
        line({ relationship: 'Child', first_name: 'Cy', gender: 'x', date_of_birth: '2015-06-30', zip: '802021234' }),
        line({ employee_id: 'E2', first_name: 'Di', gender: 'female', zip: '02134-0001' }),
      );
      expect(result).toEqual({
        rows: [
          member(2),
          member(3, { relationship: 'SPOUSE', firstName: 'Bo', dateOfBirth: '1979-03-04', gender: 'M' }),
          member(4, { relationship: 'CHILD', firstName: 'Cy', dateOfBirth: '2015-06-30', gender: 'X', zip: '80202-1234' }),
          member(5, { employeeId: 'E2', firstName: 'Di', zip: '02134-0001' }),
        ],
        errors: [],
        rowCount: 4,
        employeeCount: 2,
        dependentCount: 2,
      });
    });

    it.each<[CensusColumn, string, string]>([
      ['employee_id', '  E1  ', 'E1'],
      ['employee_id', 'A'.repeat(40), 'A'.repeat(40)],
      ['first_name', ' Ann ', 'Ann'],
      ['first_name', 'N'.repeat(100), 'N'.repeat(100)],
      ['last_name', "O'Brien-Núñez", "O'Brien-Núñez"],
      ['relationship', 'employee', 'EMPLOYEE'],
      ['date_of_birth', '1980-01-02', '1980-01-02'],
      ['date_of_birth', '01/02/1980', '1980-01-02'],
      ['date_of_birth', '1/2/1980', '1980-01-02'],
      ['date_of_birth', '02/29/2000', '2000-02-29'],
      ['date_of_birth', '1900-01-01', '1900-01-01'],
      ['date_of_birth', TODAY, TODAY],
      ['gender', 'M', 'M'],
      ['gender', 'male', 'M'],
      ['gender', 'Man', 'M'],
      ['gender', 'f', 'F'],
      ['gender', 'FEMALE', 'F'],
      ['gender', 'Woman', 'F'],
      ['gender', 'X', 'X'],
      ['gender', 'Nonbinary', 'X'],
      ['gender', 'Non-Binary', 'X'],
      ['gender', 'non binary', 'X'],
      ['gender', 'NB', 'X'],
      ['gender', 'Other', 'X'],
      ['gender', 'Unspecified', 'X'],
      ['zip', '80202', '80202'],
      ['zip', '02134', '02134'],
      ['zip', '80202-1234', '80202-1234'],
      ['zip', '802021234', '80202-1234'],
    ])('accepts %s %j as %j', async (column, value, expected) => {
      const result = await parseCsv(HEADER, line({ [column]: value }));
      expect(result.errors).toEqual([]);
      expect(result.rows[0][fieldOf(column)]).toBe(expected);
    });

    it.each([
      ['spouse', 'SPOUSE'],
      [' Spouse ', 'SPOUSE'],
      ['Domestic Partner', 'DOMESTIC_PARTNER'],
      ['domestic-partner', 'DOMESTIC_PARTNER'],
      ['DOMESTIC_PARTNER', 'DOMESTIC_PARTNER'],
      ['child', 'CHILD'],
    ])('accepts the dependent relationship %j as %s', async (value, expected) => {
      const result = await parseCsv(HEADER, line(), line({ relationship: value }));
      expect(result.errors).toEqual([]);
      expect(result.rows[1].relationship).toBe(expected);
    });
  });

  describe('row validation', () => {
    it.each<[CensusColumn, string, string | RegExp]>([
      ['employee_id', '', 'employee_id is required'],
      ['employee_id', 'A'.repeat(41), 'employee_id must be at most 40 characters'],
      ['employee_id', 'E\t1', /employee_id must not contain tabs, line breaks/],
      ['relationship', '', 'relationship is required'],
      ['relationship', 'COUSIN', 'relationship must be one of EMPLOYEE, SPOUSE, DOMESTIC_PARTNER, CHILD'],
      ['relationship', 'EE', /relationship must be one of/],
      ['first_name', '', 'first_name is required'],
      ['first_name', 'N'.repeat(101), 'first_name must be at most 100 characters'],
      ['first_name', 'Ann\nMarie', /first_name must not contain tabs, line breaks/],
      ['last_name', '', 'last_name is required'],
      ['last_name', 'N'.repeat(101), 'last_name must be at most 100 characters'],
      ['date_of_birth', '', 'date_of_birth is required'],
      ['date_of_birth', '1980/01/02', 'date_of_birth must be a date written YYYY-MM-DD or MM/DD/YYYY'],
      ['date_of_birth', '02-01-1980', /must be a date written/],
      ['date_of_birth', '1/2/80', /must be a date written/],
      ['date_of_birth', '1980-1-2', /must be a date written/],
      ['date_of_birth', 'yesterday', /must be a date written/],
      ['date_of_birth', '1980-02-30', 'date_of_birth is not a real calendar date'],
      ['date_of_birth', '2023-02-29', 'date_of_birth is not a real calendar date'],
      ['date_of_birth', '13/01/1980', 'date_of_birth is not a real calendar date'],
      ['date_of_birth', '1899-12-31', 'date_of_birth must not be before 1900'],
      ['date_of_birth', '0999-01-01', 'date_of_birth must not be before 1900'],
      ['date_of_birth', TOMORROW, 'date_of_birth must not be in the future'],
      ['date_of_birth', '2999-01-01', 'date_of_birth must not be in the future'],
      ['gender', '', 'gender is required'],
      ['gender', 'Q', 'gender must be M, F or X (Male, Female, Nonbinary)'],
      ['gender', 'U', /gender must be M, F or X/],
      ['zip', '', 'zip is required'],
      ['zip', '2134', /^zip must be 5 digits .*; leading zeros may have been dropped by the spreadsheet$/],
      ['zip', '123456', 'zip must be 5 digits or ZIP+4 (12345 or 12345-6789)'],
      ['zip', '12345-12', /zip must be 5 digits/],
      ['zip', '12345-', /zip must be 5 digits/],
      ['zip', '12345 6789', /zip must be 5 digits/],
      ['zip', 'ABCDE', /zip must be 5 digits/],
    ])('reports %s %j', async (column, value, message) => {
      const result = await parseCsv(HEADER, line({ [column]: value }));
      expect(result.rows).toEqual([]);
      expect(result.errors).toEqual([{ row: 2, column, message: messageLike(message) }]);
      expect(result.rowCount).toBe(1);
    });

    it('keeps good rows, reports one error per bad cell in row then column order, and counts both', async () => {
      const result = await parseCsv(
        HEADER,
        line(),
        line({ employee_id: 'E2', first_name: '', zip: '1' }),
        line({ relationship: 'CHILD', first_name: 'Cy' }),
        line({ employee_id: 'E3', gender: 'Q', date_of_birth: '2999-01-01', relationship: 'BOSS' }),
        line({ employee_id: 'E4' }),
      );
      expect(result.rows.map((row) => row.rowNumber)).toEqual([2, 4, 6]);
      expect(result.errors.map(({ row, column }) => [row, column])).toEqual([
        [3, 'first_name'],
        [3, 'zip'],
        [5, 'relationship'],
        [5, 'date_of_birth'],
        [5, 'gender'],
      ]);
      expect(result).toMatchObject({ rowCount: 5, employeeCount: 2, dependentCount: 1 });
    });
  });

  describe('rows that depend on each other', () => {
    it('reports a dependent whose employee has no EMPLOYEE row', async () => {
      const result = await parseCsv(HEADER, line(), line({ employee_id: 'E2', relationship: 'SPOUSE' }));
      expect(result.errors).toEqual([
        { row: 3, column: 'employee_id', message: 'No EMPLOYEE row in the census has this employee_id' },
      ]);
      expect(result).toMatchObject({ rowCount: 2, employeeCount: 1, dependentCount: 0 });
    });

    it('matches employee_id exactly, case included', async () => {
      const result = await parseCsv(HEADER, line(), line({ employee_id: 'e1', relationship: 'CHILD' }));
      expect(result.errors).toEqual([{ row: 3, column: 'employee_id', message: messageLike(/No EMPLOYEE row/) }]);
    });

    it('accepts dependents listed before their employee and any number of children', async () => {
      const result = await parseCsv(
        HEADER,
        line({ relationship: 'CHILD' }),
        line({ relationship: 'CHILD' }),
        line({ relationship: 'DOMESTIC_PARTNER' }),
        line(),
      );
      expect(result.errors).toEqual([]);
      expect(result).toMatchObject({ employeeCount: 1, dependentCount: 3 });
    });

    it('reports a second EMPLOYEE row for one employee_id', async () => {
      const result = await parseCsv(HEADER, line(), line({ first_name: 'Other' }));
      expect(result.errors).toEqual([
        { row: 3, column: 'employee_id', message: 'This employee already has an EMPLOYEE row (row 2)' },
      ]);
      expect(result.rows.map((row) => row.rowNumber)).toEqual([2]);
    });

    it.each([
      ['SPOUSE', 'SPOUSE'],
      ['SPOUSE', 'DOMESTIC_PARTNER'],
      ['DOMESTIC_PARTNER', 'DOMESTIC_PARTNER'],
    ])('reports a %s followed by a %s for one employee', async (first, second) => {
      const result = await parseCsv(HEADER, line(), line({ relationship: first }), line({ relationship: second }));
      expect(result.errors).toEqual([
        { row: 4, column: 'relationship', message: 'This employee already has a spouse or domestic partner (row 3)' },
      ]);
    });

    it('does not flag a dependent whose EMPLOYEE row has errors of its own', async () => {
      const result = await parseCsv(HEADER, line({ zip: 'bad' }), line({ relationship: 'CHILD' }));
      expect(result.errors).toEqual([{ row: 2, column: 'zip', message: expect.any(String) }]);
      expect(result.rows.map((row) => row.rowNumber)).toEqual([3]);
    });

    it('treats a misspelt EMPLOYEE row as no employee at all', async () => {
      const result = await parseCsv(HEADER, line({ relationship: 'EMPLOYE' }), line({ relationship: 'CHILD' }));
      expect(result.errors.map(({ row, column }) => [row, column])).toEqual([
        [2, 'relationship'],
        [3, 'employee_id'],
      ]);
    });

    it('reports one error per cell even when a cell breaks two rules', async () => {
      const result = await parseCsv(HEADER, line(), line({ employee_id: 'X'.repeat(41), relationship: 'CHILD' }));
      expect(result.errors).toEqual([
        { row: 3, column: 'employee_id', message: 'employee_id must be at most 40 characters' },
      ]);
    });
  });

  describe('headers', () => {
    it.each([
      ['spaces and capitals', 'Employee ID,Relationship,First Name,Last Name,Date of Birth,Gender,ZIP'],
      ['padding and repeated spaces', '  EMPLOYEE_ID , relationship,First  Name,\tLast_Name,DATE OF BIRTH,gender ,Zip'],
    ])('accepts %s', async (_, header) => {
      const result = await parseCsv(header, line());
      expect(result.errors).toEqual([]);
      expect(result.rows).toHaveLength(1);
    });

    it('reads columns in any order and ignores unknown ones', async () => {
      const result = await parseCsv(
        'Notes,zip,gender,date_of_birth,last_name,first_name,relationship,employee_id,email',
        'likes cats,80202,F,1980-01-02,Lee,Ann,EMPLOYEE,E1,ann@example.com',
      );
      expect(result.rows).toEqual([expect.objectContaining({ employeeId: 'E1', firstName: 'Ann', zip: '80202' })]);
    });

    it('names every missing column', async () => {
      await expectFileError(
        parseCsv('employee_id,relationship,first_name,last_name,date_of_birth', 'E1,EMPLOYEE,Ann,Lee,1980-01-02'),
        'The census is missing required columns: gender, zip',
      );
    });

    it('refuses a column given twice', async () => {
      await expectFileError(parseCsv(`${HEADER},Zip`, `${line()},80202`), 'The census has more than one "zip" column');
    });

    it('takes the first non-blank line as the header and keeps spreadsheet row numbers', async () => {
      const result = await parseCsv('', ',,,', HEADER, line(), '', ' , ,', line({ employee_id: 'E2' }));
      expect(result.rows.map((row) => row.rowNumber)).toEqual([4, 7]);
      expect(result.rowCount).toBe(2);
    });
  });

  describe('CSV text', () => {
    it('counts a quoted cell spanning lines as one row', async () => {
      const result = await parseCsv(HEADER, line({ first_name: 'Ann\nMarie' }), line({ employee_id: 'E2' }));
      expect(result.errors).toEqual([{ row: 2, column: 'first_name', message: expect.stringMatching(/line breaks/) }]);
      expect(result.rows.map((row) => row.rowNumber)).toEqual([3]);
    });

    it('reads CRLF line endings and a UTF-8 byte order mark', async () => {
      const text = `\uFEFF${HEADER}\r\n${line({ first_name: 'Zoë' })}\r\n`;
      const result = await parseCensus(Buffer.from(text, 'utf8'), 'census.csv');
      expect(result.rows).toEqual([expect.objectContaining({ firstName: 'Zoë' })]);
    });

    it('falls back to Windows-1252 when the file is not UTF-8', async () => {
      const text = `${HEADER}\r\n${line({ first_name: 'José' })}\r\n`;
      const result = await parseCensus(Buffer.from(text, 'latin1'), 'census.csv');
      expect(result.rows).toEqual([expect.objectContaining({ firstName: 'José' })]);
    });

    it('returns an empty result for a header without rows', async () => {
      const empty = { rows: [], errors: [], rowCount: 0, employeeCount: 0, dependentCount: 0 };
      await expect(parseCsv(HEADER)).resolves.toEqual(empty);
    });

    it('refuses a CSV it cannot read', async () => {
      await expectFileError(parseCsv(HEADER, 'E1,"EMPLOYEE'), /^The CSV file could not be read: Quote Not Closed/);
    });
  });

  describe('formula-looking cells', () => {
    it.each<[CensusColumn, string, string]>([
      ['first_name', '=1+1', '=1+1'],
      ['first_name', '=HYPERLINK("http://evil.example","x")', '=HYPERLINK("http://evil.example","x")'],
      ['last_name', '-Smith', '-Smith'],
      ['last_name', '+Jones', '+Jones'],
      ['first_name', '@SUM(A1:A9)', '@SUM(A1:A9)'],
      ['employee_id', '+100', '+100'],
      ['first_name', '\t=cmd', '=cmd'],
      ['last_name', '\r=cmd', '=cmd'],
    ])('keeps %s %j as text', async (column, value, expected) => {
      const result = await parseCsv(HEADER, line({ [column]: value }));
      expect(result.errors).toEqual([]);
      expect(result.rows[0][fieldOf(column)]).toBe(expected);
    });

    it.each<[CensusColumn, string]>([
      ['zip', '=1+1'],
      ['date_of_birth', '=TODAY()'],
      ['gender', '=CHAR(77)'],
      ['relationship', '@EMPLOYEE'],
    ])('never evaluates %s %j: validation rejects it', async (column, value) => {
      const result = await parseCsv(HEADER, line({ [column]: value }));
      expect(result.errors).toEqual([{ row: 2, column, message: expect.any(String) }]);
    });
  });

  describe('XLSX', () => {
    const header = HEADER.split(',');

    it('reads date cells, numeric cells and text dates', async () => {
      const file = await xlsx(
        [
          header,
          [1001, 'EMPLOYEE', 'Ann', 'Lee', new Date(Date.UTC(1980, 0, 2)), 'F', 2134],
          [1001, 'Spouse', 'Bo', 'Lee', '03/04/1979', 'M', 21341234],
          [1001, 'CHILD', 'Cy', 'Lee', '2015-06-30', 'X', 80202],
        ],
        (sheet) => {
          sheet.getColumn(5).numFmt = 'mm/dd/yyyy';
        },
      );
      const result = await parseCensus(file, 'census.xlsx');
      expect(result.errors).toEqual([]);
      const spouse = { relationship: 'SPOUSE', firstName: 'Bo', dateOfBirth: '1979-03-04', gender: 'M' } as const;
      const child = { relationship: 'CHILD', firstName: 'Cy', dateOfBirth: '2015-06-30', gender: 'X' } as const;
      expect(result.rows).toEqual([
        member(2, { employeeId: '1001', zip: '02134' }),
        member(3, { employeeId: '1001', ...spouse, zip: '02134-1234' }),
        member(4, { employeeId: '1001', ...child }),
      ]);
    });

    it('reports a date of birth that is a plain number rather than a date cell', async () => {
      const file = await xlsx([header, ['E1', 'EMPLOYEE', 'Ann', 'Lee', 29222, 'F', '80202']]);
      const result = await parseCensus(file, 'census.xlsx');
      expect(result.errors).toEqual([{ row: 2, column: 'date_of_birth', message: messageLike(/must be a date written/) }]);
    });

    it('reads rich text, hyperlinks, formula results and error values as the sheet shows them', async () => {
      const file = await xlsx([
        header,
        [
          { formula: '"E"&"1"', result: 'E1' },
          'EMPLOYEE',
          { richText: [{ text: 'An' }, { text: 'n', font: { bold: true } }] },
          { text: 'Lee', hyperlink: 'https://example.com' },
          new Date(Date.UTC(1980, 0, 2)),
          'F',
          '80202',
        ],
        ['E1', 'CHILD', 'Cy', 'Lee', '2015-06-30', { error: '#N/A' }, { formula: 'G2' }],
      ]);
      const result = await parseCensus(file, 'census.xlsx');
      expect(result.rows).toEqual([member(2)]);
      // A formula is never evaluated: without a cached result the cell is empty to us.
      expect(result.errors).toEqual([
        { row: 3, column: 'gender', message: messageLike(/gender must be/) },
        { row: 3, column: 'zip', message: 'zip is required' },
      ]);
    });

    it('keeps formula-looking text cells as text', async () => {
      const file = await xlsx([
        header,
        ['E1', 'EMPLOYEE', '=1+1', '-Smith', '1980-01-02', 'F', '80202'],
        ['E1', 'CHILD', '@Cy', '+Lee', '2015-06-30', 'X', '=80202'],
      ]);
      const result = await parseCensus(file, 'census.xlsx');
      expect(result.rows).toEqual([member(2, { firstName: '=1+1', lastName: '-Smith' })]);
      expect(result.errors).toEqual([{ row: 3, column: 'zip', message: messageLike(/zip must be/) }]);
    });

    it('skips blank rows, keeps sheet row numbers and finds a header below blank rows', async () => {
      const employee = ['E1', 'EMPLOYEE', 'Ann', 'Lee', '1980-01-02', 'F', '80202'];
      const file = await xlsx([[], header, employee, [], [null, '  '], ['E2', ...employee.slice(1)]]);
      const result = await parseCensus(file, 'census.xlsx');
      expect(result.rows.map((row) => [row.rowNumber, row.employeeId])).toEqual([
        [3, 'E1'],
        [6, 'E2'],
      ]);
    });

    it('reads only the first worksheet', async () => {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('Census').addRows([header, ['E1', 'EMPLOYEE', 'Ann', 'Lee', '1980-01-02', 'F', '80202']]);
      workbook.addWorksheet('Notes').addRows([['not', 'a', 'census']]);
      const result = await parseCensus(Buffer.from(await workbook.xlsx.writeBuffer()), 'census.xlsx');
      expect(result.rows).toHaveLength(1);
    });

    it('applies the header rules to XLSX too', async () => {
      const partialHeader = await xlsx([['Employee ID', 'Relationship']]);
      await expectFileError(parseCensus(partialHeader, 'census.xlsx'), /missing required columns: first_name, last_name/);
      await expectFileError(parseCensus(await xlsx([]), 'census.xlsx'), 'The census has no header row');
    });
  });

  describe('file checks', () => {
    const csvText = Buffer.from(`${HEADER}\n${line()}\n`);
    const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const bomb = () => storedZip({ 'xl/worksheets/sheet1.xml': '<x/>' }, 0xfffffff0);
    let workbook: Buffer;
    beforeAll(async () => {
      workbook = await xlsx([HEADER.split(','), ['E1', 'EMPLOYEE', 'Ann', 'Lee', '1980-01-02', 'F', '80202']]);
    });

    it.each<[string, () => Buffer, string, string | undefined, string | RegExp]>([
      ['an empty file', () => Buffer.alloc(0), 'census.csv', undefined, 'The census file is empty'],
      ['blank lines only', () => Buffer.from('\n \n,,\n'), 'census.csv', undefined, 'The census has no header row'],
      ['a PNG', () => PNG, 'photo.png', 'image/png', UNSUPPORTED],
      ['a PNG named .csv', () => PNG, 'census.csv', 'text/csv', UNSUPPORTED],
      ['a PNG named .xlsx', () => PNG, 'census.xlsx', undefined, INVALID_XLSX],
      ['a PDF', () => Buffer.from('%PDF-1.7\n'), 'census.pdf', 'application/pdf', UNSUPPORTED],
      ['a zip that is not a workbook', () => storedZip({ 'hello.txt': 'hi' }), 'census.xlsx', undefined, INVALID_XLSX],
      ['a zip named .zip', () => storedZip({ 'hello.txt': 'hi' }), 'census.zip', 'application/zip', UNSUPPORTED],
      ['bytes that only start like a zip', () => Buffer.from('PK\x03\x04 nope'), 'census.xlsx', undefined, INVALID_XLSX],
      ['a corrupted workbook', () => corrupt(workbook), 'census.xlsx', undefined, INVALID_XLSX],
      ['a workbook named .csv', () => workbook, 'census.csv', undefined, /named \.csv but holds a workbook/],
      ['CSV text named .xlsx', () => csvText, 'census.xlsx', undefined, INVALID_XLSX],
      ['an old .xls workbook', () => Buffer.from('d0cf11e0a1b11ae1', 'hex'), 'census.xls', undefined, /Old \.xls/],
      ['a name without extension or type', () => csvText, 'census', undefined, UNSUPPORTED],
      ['no extension and an unknown type', () => csvText, 'census', 'application/octet-stream', UNSUPPORTED],
      ['a zip bomb', bomb, 'census.xlsx', undefined, /too large once uncompressed/],
    ])('refuses %s', async (_, file, fileName, mimeType, message) => {
      await expectFileError(parseCensus(file(), fileName, mimeType), message);
    });

    it.each<[string, () => Buffer, string, string | undefined]>([
      ['an upper-case extension', () => csvText, 'CENSUS.CSV', undefined],
      ['a CSV named by its MIME type only', () => csvText, 'census', 'text/csv; charset=utf-8'],
      ['an XLSX named by its MIME type only', () => workbook, 'census', XLSX_MIME],
      ['a CSV the browser labels as Excel', () => csvText, 'census.csv', 'application/vnd.ms-excel'],
    ])('accepts %s', async (_, file, fileName, mimeType) => {
      await expect(parseCensus(file(), fileName, mimeType)).resolves.toMatchObject({ rowCount: 1, errors: [] });
    });

    it('refuses a file above 10 MB', async () => {
      const file = Buffer.alloc(CENSUS_MAX_BYTES + 1, 'a');
      await expectFileError(parseCensus(file, 'census.csv'), 'The census file is larger than 10 MB');
    });

    it('accepts 10,000 member rows and refuses 10,001', async () => {
      const employees = (count: number) => {
        const lines = Array.from({ length: count }, (_, index) => line({ employee_id: `E${index}` }));
        return Buffer.from([HEADER, ...lines].join('\n'));
      };
      await expect(parseCensus(employees(10_000), 'census.csv')).resolves.toMatchObject({ rowCount: 10_000, errors: [] });
      await expectFileError(
        parseCensus(employees(10_001), 'census.csv'),
        'The census has 10,001 member rows; at most 10,000 are accepted',
      );
    });
  });

  describe('5,000-row files', () => {
    it('parses the CSV and the XLSX of one census to the same rows', async () => {
      const fixtures = await buildCensusFixtures(5_000);
      const [fromCsv, fromXlsx] = await Promise.all([
        parseCensus(fixtures.csv, 'census.csv', 'text/csv'),
        parseCensus(fixtures.xlsx, 'census.xlsx'),
      ]);
      for (const result of [fromCsv, fromXlsx]) {
        expect(result).toMatchObject({ errors: [], rowCount: 5_000 });
        expect(result).toMatchObject({ employeeCount: fixtures.employees, dependentCount: fixtures.dependents });
      }
      expect(fixtures).toMatchObject({ employees: 1_250, dependents: 3_750 });
      expect(fromXlsx.rows).toEqual(fromCsv.rows);
    }, 30_000);
  });
});

/** Overwrites the compressed data of the workbook's entries; the zip directory stays intact. */
function corrupt(file: Buffer): Buffer {
  const copy = Buffer.from(file);
  copy.fill(0x55, 200, Math.min(copy.length - 2_000, 6_000));
  return copy;
}
