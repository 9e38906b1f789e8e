import { downloadCSV, type Exporter, type RaRecord } from 'react-admin';

export interface CsvColumn<R> {
  label: string;
  value: (record: R) => unknown;
}

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula:
 * a leading single quote makes such text inert (CSV injection). Numbers are left as numbers.
 */
export const neutraliseFormula = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = neutraliseFormula(Array.isArray(value) ? value.join('; ') : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * An exporter for react-admin's ExportButton writing the named columns only (never whatever else
 * the API returns), one line per record. The BOM lets Excel read names with accents as UTF-8.
 */
export function csvExporter<R extends RaRecord>(columns: CsvColumn<R>[]): Exporter<R> {
  return (records, _fetchRelated, _dataProvider, resource = 'export') => {
    const lines = [columns.map((column) => cell(column.label)), ...records.map((record) => columns.map((column) => cell(column.value(record))))];
    downloadCSV(`\uFEFF${lines.map((line) => line.join(',')).join('\r\n')}`, resource.replaceAll('/', '-'));
  };
}
