/**
 * Census parser benchmark: a 5,000-row CSV and the same census as XLSX, built in memory.
 * The benchmark suite calls benchCensusParser(); the spec reuses buildCensusFixtures().
 */
import ExcelJS from 'exceljs';
import { CENSUS_COLUMNS } from '@sbo/shared';
import { parseCensus } from './census-parser';

const BENCH_ROWS = 5_000;
/** Each family is an employee, a spouse and two children: 1 employee per 4 rows. */
const FAMILY = [
  { relationship: 'EMPLOYEE', gender: 'F', birthYear: 1970 },
  { relationship: 'SPOUSE', gender: 'M', birthYear: 1972 },
  { relationship: 'CHILD', gender: 'X', birthYear: 2005 },
  { relationship: 'CHILD', gender: 'M', birthYear: 2008 },
] as const;

export interface CensusFixtures {
  csv: Buffer;
  xlsx: Buffer;
  employees: number;
  dependents: number;
}

/** A valid census of `rowCount` data rows, as CSV and as XLSX with real date cells. */
export async function buildCensusFixtures(rowCount: number): Promise<CensusFixtures> {
  const members = Array.from({ length: rowCount }, (_, index) => {
    const family = Math.floor(index / FAMILY.length);
    const member = FAMILY[index % FAMILY.length];
    return {
      employeeId: `E${String(family).padStart(6, '0')}`,
      relationship: member.relationship,
      firstName: `First${index}`,
      lastName: `Family${family}`,
      dateOfBirth: new Date(Date.UTC(member.birthYear + (family % 10), family % 12, 1 + (family % 28))),
      gender: member.gender,
      // Some start with 0, so the XLSX (numeric zip cells) exercises the zero padding.
      zip: String((501 + family * 7) % 100_000).padStart(5, '0'),
    };
  });

  const csvLines = [CENSUS_COLUMNS.join(',')];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Census');
  sheet.addRow([...CENSUS_COLUMNS]);
  sheet.getColumn(5).numFmt = 'mm/dd/yyyy';
  for (const m of members) {
    const dob = m.dateOfBirth.toISOString().slice(0, 10);
    csvLines.push([m.employeeId, m.relationship, m.firstName, m.lastName, dob, m.gender, m.zip].join(','));
    sheet.addRow([m.employeeId, m.relationship, m.firstName, m.lastName, m.dateOfBirth, m.gender, Number(m.zip)]);
  }
  const employees = members.filter((m) => m.relationship === 'EMPLOYEE').length;
  return {
    csv: Buffer.from(`${csvLines.join('\r\n')}\r\n`, 'utf8'),
    xlsx: Buffer.from(await workbook.xlsx.writeBuffer()),
    employees,
    dependents: rowCount - employees,
  };
}

/** Milliseconds to parse each file once, after one untimed warm-up run of each. */
export async function benchCensusParser(): Promise<{ csvMs: number; xlsxMs: number; rows: number }> {
  const { csv, xlsx } = await buildCensusFixtures(BENCH_ROWS);
  await parseCensus(csv, 'census.csv');
  await parseCensus(xlsx, 'census.xlsx');

  const csvStart = performance.now();
  const csvResult = await parseCensus(csv, 'census.csv');
  const csvMs = performance.now() - csvStart;
  const xlsxStart = performance.now();
  const xlsxResult = await parseCensus(xlsx, 'census.xlsx');
  const xlsxMs = performance.now() - xlsxStart;

  // A benchmark of a parser that rejected the rows would measure the wrong thing.
  if (csvResult.rows.length !== BENCH_ROWS || xlsxResult.rows.length !== BENCH_ROWS) {
    const errorCount = csvResult.errors.length + xlsxResult.errors.length;
    throw new Error(`Benchmark census did not parse cleanly: ${errorCount} errors`);
  }
  return { csvMs: Math.round(csvMs * 10) / 10, xlsxMs: Math.round(xlsxMs * 10) / 10, rows: BENCH_ROWS };
}
