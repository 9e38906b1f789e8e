/**
 * CSV writing for every list export. Exports are opened in spreadsheet programs, so any
 * text a partner or staff member typed is neutralised against formula injection (CWE-1236).
 */

/** Leading characters that make Excel, LibreOffice or Google Sheets treat text as a formula. */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/** Characters that force a field to be quoted (RFC 4180 §2.6). */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Prefixes a value that a spreadsheet would run as a formula with a single quote, which
 * spreadsheets read as "this cell is text" and do not display.
 */
export function neutraliseSpreadsheetCell(value: string): string {
  return FORMULA_TRIGGER.test(value) ? `'${value}` : value;
}

/** A cell as the writer takes it: text, a number, or nothing. */
export type CsvValue = string | number | null;

/**
 * One field of a CSV record: text neutralised, then quoted when it holds a quote, comma or line
 * break, quotes doubled. Numbers are written as they are: the text of a JS number cannot be a
 * formula, and prefixing "-5" would turn a number into text in the spreadsheet. null is empty.
 */
export function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = neutraliseSpreadsheetCell(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Builds an RFC 4180 CSV document: CRLF after every record, every field by `csvField` (headers
 * included). The caller adds a UTF-8 BOM if the download is meant for Excel.
 */
export function toCsv(headers: string[], rows: CsvValue[][]): string {
  const lines = [headers.map(csvField)];
  rows.forEach((row, index) => {
    // A short or long row would silently shift values under the wrong header.
    if (row.length !== headers.length) {
      throw new RangeError(`Row ${index + 1} has ${row.length} cells, expected ${headers.length}`);
    }
    lines.push(row.map(csvField));
  });
  return lines.map((fields) => `${fields.join(',')}\r\n`).join('');
}
