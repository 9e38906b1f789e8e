import { Alert, Box, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { CensusDetail, StaffSubmissionDetail } from '@sbo/shared';
import { useApiGet } from './use-api-get';

const COLUMNS: [keyof CensusDetail['rows'][number] & string, string][] = [
  ['rowNumber', 'Row'],
  ['employeeId', 'Employee'],
  ['relationship', 'Relationship'],
  ['firstName', 'First name'],
  ['lastName', 'Last name'],
  ['dateOfBirth', 'Date of birth'],
  ['gender', 'Gender'],
  ['zip', 'ZIP'],
];

/** The census members kept, as a grid, and the rows the upload rejected with their errors. */
export function CensusCard({ record }: { record: StaffSubmissionDetail }) {
  const { data, error, loading } = useApiGet<CensusDetail>(`/submissions/${record.id}/census`, record.version);
  const summary = record.census;
  if (!summary) return <Alert severity="warning">No census uploaded.</Alert>;
  return (
    <Stack spacing={1.5}>
      <Typography variant="body2" color="text.secondary">
        {summary.fileName} · {summary.rowCount} rows · {summary.employeeCount} employees, {summary.dependentCount} dependents
        {summary.rejectedCount > 0 && ` · ${summary.rejectedCount} rejected`}
      </Typography>
      {loading && !data && <LinearProgress aria-label="Loading the census" />}
      {error && <Alert severity="error">{error}</Alert>}
      {data && data.errors.length > 0 && (
        <Alert severity="error" role="region" aria-label="Census row errors">
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {data.errors.map((e) => (
              <li key={`${e.row}-${e.column}`}>
                Row {e.row}, {e.column}: {e.message}
              </li>
            ))}
          </Box>
        </Alert>
      )}
      {data && (
        <Box sx={{ maxHeight: 320, overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1 }}>
          <Table size="small" stickyHeader aria-label="Census">
            <TableHead>
              <TableRow>
                {COLUMNS.map(([key, label]) => (
                  <TableCell key={key}>{label}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {data.rows.map((row) => {
                const rowErrors = data.errors.filter((e) => e.row === row.rowNumber);
                return (
                  <TableRow key={row.rowNumber} sx={rowErrors.length ? { bgcolor: 'error.light' } : undefined}>
                    {COLUMNS.map(([key]) => (
                      <TableCell key={key}>{String(row[key] ?? '')}</TableCell>
                    ))}
                  </TableRow>
                );
              })}
              {data.rows.length === 0 && (
                <TableRow>
                  <TableCell colSpan={COLUMNS.length}>No member was kept.</TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        </Box>
      )}
    </Stack>
  );
}
