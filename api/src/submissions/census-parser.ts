/**
 * Census (member enrollment spreadsheet) parser: CSV or XLSX in, validated and normalised
 * member rows plus one error per bad cell out. Plain TypeScript so that the upload endpoint,
 * staff entry and tests can all use it without a Nest context.
 */
import ExcelJS from 'exceljs';
import { parse as parseCsvText } from 'csv-parse/sync';
import {
  CENSUS_COLUMNS,
  CENSUS_RELATIONSHIPS,
  type CensusColumn,
  type CensusGender,
  type CensusMember,
  type CensusRelationship,
  type CensusRowError,
} from '@sbo/shared';

export const CENSUS_MAX_BYTES = 10 * 1024 * 1024;
export const CENSUS_MAX_ROWS = 10_000;

export interface CensusParseResult {
  rows: CensusMember[];
  errors: CensusRowError[];
  /** Non-blank data rows in the file, good and bad. */
  rowCount: number;
  /** EMPLOYEE rows among `rows`. */
  employeeCount: number;
  /** Dependent rows among `rows`. */
  dependentCount: number;
}

/** The file as a whole cannot be used (wrong type, unreadable, too big, bad header). */
export class CensusFileError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CensusFileError';
  }
}

const UNSUPPORTED_TYPE = 'The census must be a CSV or XLSX file';
const INVALID_XLSX =
  'The file is not a valid XLSX workbook; save it again from your spreadsheet program as .xlsx or .csv';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_MIMES = ['text/csv', 'application/csv', 'text/plain'];
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** An XLSX may not inflate beyond this: exceljs inflates every part in memory (zip bomb guard). */
const MAX_XLSX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;

/**
 * Parses a census file. Throws CensusFileError when the file as a whole is unusable; row
 * problems are returned in `errors` and never throw.
 *
 * The type comes from the file name's extension and must match the content (an XLSX is a
 * zip). The client's MIME type is consulted only when the name has no extension: browsers
 * label CSV files inconsistently (Windows sends application/vnd.ms-excel).
 */
export async function parseCensus(file: Buffer, fileName: string, mimeType?: string): Promise<CensusParseResult> {
  if (file.length === 0) throw new CensusFileError('The census file is empty');
  if (file.length > CENSUS_MAX_BYTES) {
    throw new CensusFileError(`The census file is larger than ${CENSUS_MAX_BYTES / 1024 / 1024} MB`);
  }
  const sheetRows = detectKind(file, fileName, mimeType) === 'xlsx' ? await readXlsx(file) : readCsv(file);
  return validateSheet(sheetRows);
}

type FileKind = 'csv' | 'xlsx';

function detectKind(file: Buffer, fileName: string, mimeType: string | undefined): FileKind {
  const extension = /\.([^./\\]+)$/.exec(fileName.trim())?.[1].toLowerCase();
  if (extension === 'xls') {
    throw new CensusFileError('Old .xls workbooks are not supported; save the census as .xlsx or .csv');
  }
  const claimed = extension === undefined ? kindFromMime(mimeType) : kindFromExtension(extension);
  if (claimed === undefined) throw new CensusFileError(UNSUPPORTED_TYPE);

  const isZip = file.subarray(0, 4).equals(ZIP_MAGIC);
  if (claimed === 'xlsx' && !isZip) throw new CensusFileError(INVALID_XLSX);
  if (claimed === 'csv' && isZip) {
    throw new CensusFileError('The file is named .csv but holds a workbook; upload it as .xlsx or save it as CSV');
  }
  // Text never holds NUL bytes; images, PDFs and other binaries renamed to .csv do.
  if (claimed === 'csv' && file.includes(0)) throw new CensusFileError(UNSUPPORTED_TYPE);
  return claimed;
}

function kindFromExtension(extension: string): FileKind | undefined {
  if (extension === 'csv') return 'csv';
  if (extension === 'xlsx') return 'xlsx';
  return undefined;
}

function kindFromMime(mimeType: string | undefined): FileKind | undefined {
  const essence = mimeType?.split(';')[0].trim().toLowerCase();
  if (essence === XLSX_MIME) return 'xlsx';
  if (essence !== undefined && CSV_MIMES.includes(essence)) return 'csv';
  return undefined;
}

/** A cell before it is turned into text: XLSX keeps numbers and dates typed. */
type RawCell = string | number | Date | null | undefined;

interface SheetRow {
  rowNumber: number;
  cells: RawCell[];
}

function readCsv(file: Buffer): SheetRow[] {
  let records: string[][];
  try {
    records = parseCsvText(decodeText(file), {
      // Blank lines are kept so that record index + 1 stays the row number a spreadsheet shows.
      skip_empty_lines: false,
      relax_column_count: true,
      relax_quotes: true,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CensusFileError(`The CSV file could not be read: ${reason}`, { cause: error });
  }
  return records.map((cells, index) => ({ rowNumber: index + 1, cells }));
}

/**
 * UTF-8 (a BOM is dropped) or, failing that, Windows-1252: Excel's plain "CSV (Comma
 * delimited)" on Windows writes the latter, and a name like "José" must survive it.
 */
function decodeText(file: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    return new TextDecoder('windows-1252').decode(file);
  }
}

async function readXlsx(file: Buffer): Promise<SheetRow[]> {
  assertInflatedSizeAllowed(file);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its parameter with a Buffer of its own that newer @types/node Buffers do
    // not match; at runtime it hands the Node Buffer to JSZip, which reads it directly.
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch (error) {
    throw new CensusFileError(INVALID_XLSX, { cause: error });
  }
  // exceljs opens any zip; one without a worksheet is not a workbook we can use.
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new CensusFileError(INVALID_XLSX);

  const rows: SheetRow[] = [];
  sheet.eachRow((row, rowNumber) => {
    const cells: RawCell[] = [];
    row.eachCell((cell, columnNumber) => {
      cells[columnNumber - 1] = toRawCell(cell.value);
    });
    rows.push({ rowNumber, cells });
  });
  return rows;
}

/**
 * Sums the uncompressed sizes the zip's central directory declares, so that a small file
 * that inflates to gigabytes is refused before exceljs inflates it.
 */
function assertInflatedSizeAllowed(file: Buffer): void {
  const endRecordSize = 22;
  const centralHeaderSize = 46;
  let end = -1;
  // The end record sits in the last 22 bytes plus at most a 64 KB comment.
  for (let at = file.length - endRecordSize; at >= Math.max(0, file.length - endRecordSize - 0xffff); at--) {
    if (file.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new CensusFileError(INVALID_XLSX);

  let total = 0;
  let offset = file.readUInt32LE(end + 16);
  for (let entry = file.readUInt16LE(end + 10); entry > 0; entry--) {
    if (offset + centralHeaderSize > file.length || file.readUInt32LE(offset) !== 0x02014b50) {
      throw new CensusFileError(INVALID_XLSX);
    }
    total += file.readUInt32LE(offset + 24);
    const variableLength = file.readUInt16LE(offset + 28) + file.readUInt16LE(offset + 30) + file.readUInt16LE(offset + 32);
    offset += centralHeaderSize + variableLength;
  }
  if (total > MAX_XLSX_UNCOMPRESSED_BYTES) {
    throw new CensusFileError('The workbook is too large once uncompressed; remove other sheets, images or formatting');
  }
}

/**
 * Reduces an exceljs value to what the sheet shows. A formula counts as its cached result
 * (the value the submitter saw); we never evaluate formulas, so one without a cached result
 * (only generated files lack it) is an empty cell. An error value such as #N/A is kept as
 * text for validation to reject.
 */
function toRawCell(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return toRawCell(value.result);
  // A hyperlink's text may itself be rich text at runtime, whatever the typings say.
  return toRawCell(value.text);
}

/**
 * Text of a cell for one column, trimmed. An XLSX date cell becomes YYYY-MM-DD (exceljs
 * gives the sheet's date at UTC midnight). A numeric zip lost its leading zeros to the
 * number format (02134 is stored as 2134), so it is padded back; a CSV holds text and a
 * short zip there is reported instead, because it cannot be told from a typo.
 */
function cellText(cell: RawCell, column: CensusColumn | undefined): string {
  if (cell === null || cell === undefined) return '';
  // toISOString throws on an Invalid Date, which a malformed date cell can produce.
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') {
    if (column === 'zip' && Number.isInteger(cell) && cell >= 0 && cell <= 999_999_999) {
      return String(cell).padStart(cell <= 99_999 ? 5 : 9, '0');
    }
    return String(cell);
  }
  return cell.trim();
}

function validateSheet(sheetRows: SheetRow[]): CensusParseResult {
  const isBlank = (row: SheetRow) => row.cells.every((cell) => cellText(cell, undefined) === '');
  const headerIndex = sheetRows.findIndex((row) => !isBlank(row));
  if (headerIndex < 0) throw new CensusFileError('The census has no header row');
  const columnIndexes = mapHeader(sheetRows[headerIndex].cells);

  const dataRows = sheetRows.slice(headerIndex + 1).filter((row) => !isBlank(row));
  if (dataRows.length > CENSUS_MAX_ROWS) {
    const count = (n: number) => n.toLocaleString('en-US');
    throw new CensusFileError(
      `The census has ${count(dataRows.length)} member rows; at most ${count(CENSUS_MAX_ROWS)} are accepted`,
    );
  }

  // UTC "today" is never behind the US date, so nobody born today is refused.
  const today = new Date().toISOString().slice(0, 10);
  const candidates = dataRows.map((row) => checkRow(row, columnIndexes, today));
  checkAcrossRows(candidates);

  const rows: CensusMember[] = [];
  const errors: CensusRowError[] = [];
  for (const candidate of candidates) {
    if (candidate.errors.size === 0) {
      // No error means every check passed and set its field.
      rows.push({ rowNumber: candidate.rowNumber, ...(candidate.values as Omit<CensusMember, 'rowNumber'>) });
      continue;
    }
    // Report in column order, whichever check found the problem.
    for (const column of CENSUS_COLUMNS) {
      const message = candidate.errors.get(column);
      if (message !== undefined) errors.push({ row: candidate.rowNumber, column, message });
    }
  }
  const employeeCount = rows.filter((row) => row.relationship === 'EMPLOYEE').length;
  return { rows, errors, rowCount: dataRows.length, employeeCount, dependentCount: rows.length - employeeCount };
}

/**
 * Header names are matched case-insensitively, trimmed, with spaces read as underscores
 * ("First Name" is first_name). Unknown columns are ignored.
 */
function mapHeader(cells: RawCell[]): Map<CensusColumn, number> {
  const indexes = new Map<CensusColumn, number>();
  cells.forEach((cell, index) => {
    const name = cellText(cell, undefined).toLowerCase().replace(/\s+/g, '_');
    const column = CENSUS_COLUMNS.find((known) => known === name);
    if (column === undefined) return;
    // Two columns with one name leave no way to tell which value is meant.
    if (indexes.has(column)) throw new CensusFileError(`The census has more than one "${column}" column`);
    indexes.set(column, index);
  });
  const missing = CENSUS_COLUMNS.filter((column) => !indexes.has(column));
  if (missing.length > 0) {
    throw new CensusFileError(`The census is missing required columns: ${missing.join(', ')}`);
  }
  return indexes;
}

interface Candidate {
  rowNumber: number;
  values: Partial<Omit<CensusMember, 'rowNumber'>>;
  /** At most one message per column: one error entry per bad cell. */
  errors: Map<CensusColumn, string>;
}

type Check<T> = { value: T } | { error: string };

function checkRow(row: SheetRow, columnIndexes: Map<CensusColumn, number>, today: string): Candidate {
  const text = (column: CensusColumn) => cellText(row.cells[columnIndexes.get(column) as number], column);
  const candidate: Candidate = { rowNumber: row.rowNumber, values: {}, errors: new Map() };
  const apply = <K extends keyof Candidate['values']>(column: CensusColumn, key: K, check: Check<CensusMember[K]>) => {
    if ('error' in check) candidate.errors.set(column, check.error);
    else candidate.values[key] = check.value;
  };
  apply('employee_id', 'employeeId', checkName('employee_id', text('employee_id'), 40));
  apply('relationship', 'relationship', checkRelationship(text('relationship')));
  apply('first_name', 'firstName', checkName('first_name', text('first_name'), 100));
  apply('last_name', 'lastName', checkName('last_name', text('last_name'), 100));
  apply('date_of_birth', 'dateOfBirth', checkDateOfBirth(text('date_of_birth'), today));
  apply('gender', 'gender', checkGender(text('gender')));
  apply('zip', 'zip', checkZip(text('zip')));
  return candidate;
}

/**
 * Dependents need their employee's EMPLOYEE row somewhere in the file (before or after
 * them); an employee has one EMPLOYEE row and at most one spouse or domestic partner. Only
 * rows whose employee_id and relationship are themselves valid take part. A dependent whose
 * EMPLOYEE row exists but has errors of its own is not flagged: fixing that row fixes both.
 */
function checkAcrossRows(candidates: Candidate[]): void {
  const employeeRowById = new Map<string, number>();
  const partnerRowById = new Map<string, number>();
  for (const candidate of candidates) {
    const { employeeId, relationship } = candidate.values;
    if (employeeId === undefined || relationship === undefined) continue;
    const isPartner = relationship === 'SPOUSE' || relationship === 'DOMESTIC_PARTNER';
    const seen = relationship === 'EMPLOYEE' ? employeeRowById : isPartner ? partnerRowById : undefined;
    const firstRow = seen?.get(employeeId);
    if (firstRow === undefined) {
      seen?.set(employeeId, candidate.rowNumber);
    } else if (relationship === 'EMPLOYEE') {
      candidate.errors.set('employee_id', `This employee already has an EMPLOYEE row (row ${firstRow})`);
    } else {
      candidate.errors.set('relationship', `This employee already has a spouse or domestic partner (row ${firstRow})`);
    }
  }
  for (const candidate of candidates) {
    const { employeeId, relationship } = candidate.values;
    if (employeeId === undefined || relationship === undefined || relationship === 'EMPLOYEE') continue;
    if (!employeeRowById.has(employeeId)) {
      candidate.errors.set('employee_id', 'No EMPLOYEE row in the census has this employee_id');
    }
  }
}

// Control characters (tabs, line breaks, NUL) have no place in IDs or names.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** employee_id is checked like a name: required, bounded, printable; any other text goes. */
function checkName(column: CensusColumn, value: string, maxLength: number): Check<string> {
  if (value === '') return { error: `${column} is required` };
  if (value.length > maxLength) return { error: `${column} must be at most ${maxLength} characters` };
  if (CONTROL_CHARACTERS.test(value)) {
    return { error: `${column} must not contain tabs, line breaks or other control characters` };
  }
  return { value };
}

/** Case-insensitive; spaces or hyphens may stand for the underscore ("Domestic Partner"). */
function checkRelationship(value: string): Check<CensusRelationship> {
  if (value === '') return { error: 'relationship is required' };
  const normalised = value.toUpperCase().replace(/[\s-]+/g, '_');
  const relationship = CENSUS_RELATIONSHIPS.find((known) => known === normalised);
  return relationship === undefined
    ? { error: `relationship must be one of ${CENSUS_RELATIONSHIPS.join(', ')}` }
    : { value: relationship };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** YYYY-MM-DD or M/D/YYYY (what Excel writes to CSV); two-digit years are refused as ambiguous. */
function checkDateOfBirth(value: string, today: string): Check<string> {
  if (value === '') return { error: 'date_of_birth is required' };
  const iso = ISO_DATE.exec(value);
  const us = US_DATE.exec(value);
  const parts = iso ? [iso[1], iso[2], iso[3]] : us ? [us[3], us[1], us[2]] : undefined;
  if (!parts) return { error: 'date_of_birth must be a date written YYYY-MM-DD or MM/DD/YYYY' };
  const [year, month, day] = parts.map(Number);
  if (year < 1900) return { error: 'date_of_birth must not be before 1900' };
  // Date.UTC rolls 02/30 over to March 2: a real date survives the round trip unchanged.
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { error: 'date_of_birth is not a real calendar date' };
  }
  const isoDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (isoDate > today) return { error: 'date_of_birth must not be in the future' };
  return { value: isoDate };
}

/**
 * M, F or X. Spelled-out forms are accepted case-insensitively; X is the "unspecified or
 * another gender" marker of US IDs, so non-binary, other and unspecified map to it.
 */
const GENDER_ALIASES = new Map<string, CensusGender>([
  ['M', 'M'],
  ['MALE', 'M'],
  ['MAN', 'M'],
  ['F', 'F'],
  ['FEMALE', 'F'],
  ['WOMAN', 'F'],
  ['X', 'X'],
  ['NONBINARY', 'X'],
  ['NON_BINARY', 'X'],
  ['NB', 'X'],
  ['OTHER', 'X'],
  ['UNSPECIFIED', 'X'],
]);

function checkGender(value: string): Check<CensusGender> {
  if (value === '') return { error: 'gender is required' };
  const gender = GENDER_ALIASES.get(value.toUpperCase().replace(/[\s-]+/g, '_'));
  return gender === undefined ? { error: 'gender must be M, F or X (Male, Female, Nonbinary)' } : { value: gender };
}

/** 12345, 12345-6789 or 123456789; ZIP+4 is stored hyphenated. */
function checkZip(value: string): Check<string> {
  if (value === '') return { error: 'zip is required' };
  const match = /^(\d{5})(?:-?(\d{4}))?$/.exec(value);
  if (!match) {
    const hint = /^\d{3,4}$/.test(value) ? '; leading zeros may have been dropped by the spreadsheet' : '';
    return { error: `zip must be 5 digits or ZIP+4 (12345 or 12345-6789)${hint}` };
  }
  return { value: match[2] ? `${match[1]}-${match[2]}` : match[1] };
}
