import { csvField } from '@sbo/shared';
import { downloadCSV, type Exporter, type RaRecord } from 'react-admin';

export interface CsvColumn<R> {
  label: string;
  value: (record: R) => unknown;
}

/** Any value a column reads, as the shared CSV writer takes it (which neutralises formulas). */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return csvField(value);
  return csvField(Array.isArray(value) ? value.join('; ') : String(value));
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
