import { Alert, AlertTitle, Box, Button, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { CENSUS_COLUMNS, type CensusDetail, type CensusRowError, toCsv } from '@sbo/shared';
import { useCallback, useEffect, useState } from 'react';
import { useNotify } from 'react-admin';
import { type ApiFailure, type Transaction, toFailure, usePartnerApi } from './api';
import { FileButton } from './file-button';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SHOWN_ROWS = 50;

/** The census template: the header row of the columns the API reads (shared's CENSUS_COLUMNS). */
function downloadTemplate() {
  const blob = new Blob([toCsv([...CENSUS_COLUMNS], [])], { type: 'text/csv' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = 'census-template.csv';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The rows the upload did not keep, one line per row and one cell per column: each bad cell says what to fix. */
function RowErrors({ errors }: { errors: CensusRowError[] }) {
  const rows = [...new Set(errors.map((e) => e.row))].sort((a, b) => a - b);
  return (
    <Box sx={{ overflow: 'auto', border: 1, borderColor: 'error.main', borderRadius: 1 }}>
      <Table size="small" aria-label="Rows not kept">
        <TableHead>
          <TableRow>
            <TableCell>Row</TableCell>
            {CENSUS_COLUMNS.map((c) => (
              <TableCell key={c}>{c}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row}>
              <TableCell component="th" scope="row">
                Row {row}
              </TableCell>
              {CENSUS_COLUMNS.map((column) => {
                const cell = errors.filter((e) => e.row === row && e.column === column);
                return (
                  <TableCell key={column} sx={cell.length ? { fontWeight: 600, borderLeft: 3, borderLeftColor: 'error.main' } : { color: 'text.secondary' }}>
                    {cell.length ? cell.map((e) => e.message).join('; ') : 'OK'}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

function KeptRows({ rows }: { rows: CensusDetail['rows'] }) {
  if (rows.length === 0) return null;
  return (
    <Box sx={{ maxHeight: 320, overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1 }} tabIndex={0} role="region" aria-label="Members kept">
      <Table size="small" stickyHeader aria-label={`Members kept (${rows.length})`}>
        <TableHead>
          <TableRow>
            <TableCell>Row</TableCell>
            <TableCell>Employee ID</TableCell>
            <TableCell>Relationship</TableCell>
            <TableCell>First name</TableCell>
            <TableCell>Last name</TableCell>
            <TableCell>Date of birth</TableCell>
            <TableCell>Gender</TableCell>
            <TableCell>ZIP</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.slice(0, SHOWN_ROWS).map((r) => (
            <TableRow key={r.rowNumber}>
              <TableCell>{r.rowNumber}</TableCell>
              <TableCell>{r.employeeId}</TableCell>
              <TableCell>{r.relationship}</TableCell>
              <TableCell>{r.firstName}</TableCell>
              <TableCell>{r.lastName}</TableCell>
              <TableCell>{r.dateOfBirth}</TableCell>
              <TableCell>{r.gender}</TableCell>
              <TableCell>{r.zip}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

/**
 * Step 3: the member census, uploaded as CSV or XLSX. Good rows are kept; each bad cell is listed by
 * row and column with what to fix. A new upload replaces the whole census.
 */
export function CensusStep({ record, onChanged }: { record: Transaction; onChanged: () => void }) {
  const api = usePartnerApi();
  const notify = useNotify();
  const [census, setCensus] = useState<CensusDetail>();
  const [failure, setFailure] = useState<ApiFailure>();
  const [uploading, setUploading] = useState(false);
  const path = `/${encodeURIComponent(record.id)}/census`;

  useEffect(() => {
    const controller = new AbortController();
    api<CensusDetail>(path, { signal: controller.signal })
      .then(setCensus)
      .catch((e: unknown) => !controller.signal.aborted && setFailure(toFailure(e)));
    return () => controller.abort();
  }, [api, path]);

  const upload = useCallback(
    async (file: File) => {
      setUploading(true);
      setFailure(undefined);
      const body = new FormData();
      body.append('file', file);
      try {
        const result = await api<CensusDetail>(path, { method: 'POST', body });
        setCensus(result);
        const kept = result.rows.length;
        // Row errors are on the screen, cell by cell; the notification only confirms a clean file.
        if (result.errors.length === 0) notify(`${file.name}: all ${kept} members kept.`, { type: 'success' });
        onChanged();
      } catch (e) {
        setFailure(toFailure(e));
      } finally {
        setUploading(false);
      }
    },
    [api, path, notify, onChanged],
  );

  const summary = census?.census;
  return (
    <Stack spacing={2}>
      <Typography variant="body2">
        Upload the employees and their dependents as a CSV or XLSX spreadsheet with these columns, in this order:{' '}
        <Box component="code">{CENSUS_COLUMNS.join(', ')}</Box>. Relationship is EMPLOYEE, SPOUSE, DOMESTIC_PARTNER or CHILD; dates
        are YYYY-MM-DD; gender is M, F or X.
      </Typography>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <FileButton label={summary ? 'Replace the census file' : 'Upload the census (CSV or XLSX)'} accept={ACCEPT} disabled={uploading} onFile={upload} />
        <Button variant="outlined" onClick={downloadTemplate}>
          Download the census template (CSV)
        </Button>
      </Stack>
      {uploading && <LinearProgress aria-label="Uploading the census" />}
      {failure && (
        <Alert severity="error" role="alert">
          <AlertTitle>The census was not uploaded</AlertTitle>
          {failure.errors?.file ?? failure.message}
        </Alert>
      )}
      {summary && (
        <Alert severity={summary.rejectedCount ? 'warning' : 'success'} role="status">
          <AlertTitle>{summary.fileName}</AlertTitle>
          {summary.acceptedCount} of {summary.rowCount} rows kept ({summary.employeeCount} employees, {summary.dependentCount} dependents)
          {summary.rejectedCount
            ? `; ${summary.rejectedCount} ${summary.rejectedCount === 1 ? 'row has' : 'rows have'} errors. Correct them in the spreadsheet and upload it again: the new file replaces this one.`
            : '.'}
        </Alert>
      )}
      {census && census.errors.length > 0 && <RowErrors errors={census.errors} />}
      {census && <KeptRows rows={census.rows} />}
      {census && !summary && (
        <Typography variant="body2" color="text.secondary">
          No census uploaded yet.
        </Typography>
      )}
    </Stack>
  );
}
