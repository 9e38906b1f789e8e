import { Alert, Box, Card, CardContent, CardHeader, LinearProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { type OpenState, type Region, REGION_NAMES, type SessionUser, TURNAROUND_AGE_BUCKETS, type TurnaroundReport } from '@sbo/shared';
import { type ReactNode, useState } from 'react';
import { Link, Title, useCreatePath, usePermissions } from 'react-admin';
import { useApiGet } from '../submissions/use-api-get';

/** The open states as the queue-size chart stacks them. */
const OPEN_STATE_BARS: { state: OpenState; label: string; color: string }[] = [
  { state: 'SUBMITTED', label: 'In the queue', color: 'info.main' },
  { state: 'IN_REVIEW', label: 'In review', color: 'primary.main' },
  { state: 'PENDING_ITEMS', label: 'Pending items', color: 'warning.light' },
  { state: 'RETURNED', label: 'Returned', color: 'warning.main' },
];

const PERIODS = [
  { days: 7, label: 'Last 7 days' },
  { days: 30, label: 'Last 30 days' },
  { days: 90, label: 'Last 90 days' },
];

const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const fmt = (n: number | null) => (n === null ? '—' : Number.isInteger(n) ? String(n) : n.toFixed(1));

function Kpi({ label, value, hint, tone }: { label: string; value: string; hint?: string; tone?: 'error' | 'success' }) {
  return (
    <Card sx={{ flex: '1 1 160px' }}>
      <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>
        <Typography variant="caption" color="text.secondary" component="p">
          {label}
        </Typography>
        <Typography variant="h5" component="p" color={tone ? `${tone}.main` : undefined}>
          {value}
        </Typography>
        {hint && (
          <Typography variant="caption" color="text.secondary">
            {hint}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}

/** Business days against the target: red over it, green within it. */
const DaysKpi = ({ label, days, target }: { label: string; days: number | null; target: number }) => (
  <Kpi
    label={label}
    value={days === null ? '—' : `${fmt(days)} bd`}
    tone={days === null ? undefined : days > target ? 'error' : 'success'}
    hint={`target ${target}`}
  />
);

const cardTitle = { title: { variant: 'h6', component: 'h2' } } as const;

function ChartCard({ title, description, children }: { title: string; description: string; children: React.ReactNode }) {
  return (
    <Card component="section" aria-label={title}>
      <CardHeader title={title} subheader={description} slotProps={{ ...cardTitle, subheader: { variant: 'body2' } }} sx={{ pb: 0 }} />
      <CardContent>{children}</CardContent>
    </Card>
  );
}

/** Open work by region, stacked by state: how big the queue is and where it waits. */
function QueueSizeChart({ report }: { report: TurnaroundReport }) {
  const totals = report.regions.map((r) => OPEN_STATE_BARS.reduce((sum, s) => sum + (r.open[s.state] ?? 0), 0));
  const max = Math.max(1, ...totals);
  return (
    <Stack spacing={1.25}>
      {report.regions.map((r, i) => (
        <Box key={r.region} sx={{ display: 'grid', gridTemplateColumns: '56px 1fr 40px', gap: 1, alignItems: 'center' }}>
          <Typography variant="body2">{r.region}</Typography>
          <Box
            role="img"
            aria-label={`${REGION_NAMES[r.region]}: ${OPEN_STATE_BARS.map((s) => `${r.open[s.state] ?? 0} ${s.label.toLowerCase()}`).join(', ')}`}
            sx={{ display: 'flex', height: 22, bgcolor: 'action.hover', borderRadius: 0.5, overflow: 'hidden' }}
          >
            {OPEN_STATE_BARS.map((s) => {
              const n = r.open[s.state] ?? 0;
              return n ? <Box key={s.state} title={`${s.label}: ${n}`} sx={{ width: `${(n / max) * 100}%`, bgcolor: s.color }} /> : null;
            })}
          </Box>
          <Typography variant="body2" align="right">
            {totals[i]}
          </Typography>
        </Box>
      ))}
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', pt: 0.5 }}>
        {OPEN_STATE_BARS.map((s) => (
          <Stack key={s.state} direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
            <Box sx={{ width: 12, height: 12, bgcolor: s.color, borderRadius: 0.25 }} />
            <Typography variant="caption">{s.label}</Typography>
          </Stack>
        ))}
      </Stack>
    </Stack>
  );
}

/** Age of the work with the carrier, in business days: bars past the target turn red. */
function AgeChart({ report }: { report: TurnaroundReport }) {
  const max = Math.max(1, ...TURNAROUND_AGE_BUCKETS.map((b) => report.overall.ageBuckets[b]));
  const colorOf = (bucket: string) => (bucket === '4+' ? 'error.main' : Number(bucket) >= report.targetBusinessDays ? 'warning.main' : 'success.main');
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'flex-end', gap: 2, height: 160, px: 1, borderBottom: 1, borderColor: 'divider' }}>
        {TURNAROUND_AGE_BUCKETS.map((b) => {
          const n = report.overall.ageBuckets[b];
          return (
            <Box key={b} sx={{ flex: 1, display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'flex-end', height: '100%' }}>
              <Typography variant="caption">{n}</Typography>
              <Box
                role="img"
                aria-label={`${n} open submission${n === 1 ? '' : 's'} aged ${b} business day${b === '1' ? '' : 's'}`}
                sx={{ width: '100%', maxWidth: 56, height: `${(n / max) * 100}%`, minHeight: n ? 4 : 0, bgcolor: colorOf(b), borderRadius: '4px 4px 0 0' }}
              />
            </Box>
          );
        })}
      </Box>
      <Box sx={{ display: 'flex', gap: 2, px: 1, pt: 0.5 }}>
        {TURNAROUND_AGE_BUCKETS.map((b) => (
          <Typography key={b} variant="caption" align="center" sx={{ flex: 1 }}>
            {b} bd
          </Typography>
        ))}
      </Box>
    </Box>
  );
}

/** Median and p90 business days to approval per region, against the target line. */
function TurnaroundChart({ report }: { report: TurnaroundReport }) {
  const target = report.targetBusinessDays;
  const max = Math.max(target + 1, ...report.regions.map((r) => r.p90BusinessDays ?? 0)) * 1.1;
  const pct = (n: number) => `${(n / max) * 100}%`;
  return (
    <Stack spacing={1.5}>
      {report.regions.map((r) => (
        <Box key={r.region} sx={{ display: 'grid', gridTemplateColumns: '56px 1fr 120px', gap: 1, alignItems: 'center' }}>
          <Typography variant="body2">{r.region}</Typography>
          <Box
            role="img"
            aria-label={`${REGION_NAMES[r.region]}: median ${fmt(r.medianBusinessDays)}, p90 ${fmt(r.p90BusinessDays)} business days, target ${target}`}
            sx={{ position: 'relative', height: 26, bgcolor: 'action.hover', borderRadius: 0.5 }}
          >
            {r.p90BusinessDays !== null && (
              <Box sx={{ position: 'absolute', left: 0, top: 0, bottom: 0, width: pct(r.p90BusinessDays), bgcolor: r.p90BusinessDays > target ? 'error.light' : 'success.light', opacity: 0.6, borderRadius: 0.5 }} />
            )}
            {r.medianBusinessDays !== null && (
              <Box sx={{ position: 'absolute', left: 0, top: 6, bottom: 6, width: pct(r.medianBusinessDays), bgcolor: r.medianBusinessDays > target ? 'error.main' : 'success.main', borderRadius: 0.5 }} />
            )}
            <Box title={`Target: ${target} business days`} sx={{ position: 'absolute', top: -4, bottom: -4, left: pct(target), borderLeft: 2, borderColor: 'text.primary', borderStyle: 'dashed' }} />
          </Box>
          <Typography variant="body2" color="text.secondary">
            {r.approved ? `${fmt(r.medianBusinessDays)} / ${fmt(r.p90BusinessDays)} bd` : 'no approvals'}
          </Typography>
        </Box>
      ))}
      <Typography variant="caption" color="text.secondary">
        Thin bar: median · wide bar: p90 · dashed line: the {target}-business-day target.
      </Typography>
    </Stack>
  );
}

function BreachTable({ report }: { report: TurnaroundReport }) {
  const createPath = useCreatePath();
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Box component="table" sx={{ width: '100%', borderCollapse: 'collapse', '& td, & th': { py: 0.75, px: 1, borderBottom: 1, borderColor: 'divider', textAlign: 'right' }, '& th:first-of-type, & td:first-of-type': { textAlign: 'left' } }}>
      <thead>
        <tr>
          <Typography component="th" variant="body2">Region</Typography>
          <Typography component="th" variant="body2">Overdue now</Typography>
          <Typography component="th" variant="body2">Approved late</Typography>
          <Typography component="th" variant="body2">Approved</Typography>
        </tr>
      </thead>
      <tbody>
        {report.regions.map((r) => (
          <tr key={r.region}>
            <Typography component="td" variant="body2">{REGION_NAMES[r.region]}</Typography>
            <Typography component="td" variant="body2" color={r.overdue ? 'error.main' : undefined}>
              {r.overdue ? (
                <Link
                  to={`${createPath({ resource: 'submissions', type: 'list' })}?filter=${encodeURIComponent(JSON.stringify({ region: r.region, state: ['SUBMITTED', 'IN_REVIEW'], dueBefore: today }))}`}
                >
                  {r.overdue}
                </Link>
              ) : (
                0
              )}
            </Typography>
            <Typography component="td" variant="body2" color={r.approvedLate ? 'error.main' : undefined}>{r.approvedLate}</Typography>
            <Typography component="td" variant="body2">{r.approved}</Typography>
          </tr>
        ))}
      </tbody>
    </Box>
  );
}

/** The dashboard's charts, in their order on the page. */
const CHARTS: { title: string; description: string; Chart: (props: { report: TurnaroundReport }) => ReactNode }[] = [
  { title: 'Queue size by region', description: 'Open submissions now, by state', Chart: QueueSizeChart },
  { title: 'Age of open work', description: 'Submissions with the carrier, by business days held', Chart: AgeChart },
  { title: 'Turnaround against the target', description: 'Business days from complete submission to approval', Chart: TurnaroundChart },
  { title: 'Breaches', description: 'Overdue now and approvals that missed the target', Chart: BreachTable },
];

/** Lead dashboard: queue size and age by region, median and p90 turnaround against the target, breaches. */
export function TurnaroundPage() {
  const { permissions: user } = usePermissions<SessionUser>();
  const [region, setRegion] = useState<Region | ''>('');
  const [days, setDays] = useState(30);
  const query = new URLSearchParams({ from: isoDaysAgo(days), ...(region ? { region } : {}) });
  const { data: report, error, loading } = useApiGet<TurnaroundReport>(`/metrics/turnaround?${query}`);
  const overall = report?.overall;
  const openNow = overall ? Object.values(overall.open).reduce((a, b) => a + (b ?? 0), 0) : 0;
  const target = report?.targetBusinessDays ?? 3;

  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 3 }}>
      <Title title="Turnaround" />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, justifyContent: 'space-between' }}>
        <Box>
          <Typography variant="h5" component="h1">
            Turnaround
          </Typography>
          <Typography variant="body2" color="text.secondary">
            Target: approval within {target} business days of a complete submission.
            {report && ` Approvals from ${report.from} to ${report.to}; open work as of now.`}
          </Typography>
        </Box>
        <Stack direction="row" spacing={1}>
          {(user?.regions.length ?? 0) > 1 && (
            <TextField select size="small" label="Region" value={region} onChange={(e) => setRegion(e.target.value as Region | '')} sx={{ minWidth: 160 }}>
              <MenuItem value="">All my regions</MenuItem>
              {user?.regions.map((r) => (
                <MenuItem key={r} value={r}>
                  {REGION_NAMES[r]}
                </MenuItem>
              ))}
            </TextField>
          )}
          <TextField select size="small" label="Period" value={days} onChange={(e) => setDays(Number(e.target.value))} sx={{ minWidth: 150 }}>
            {PERIODS.map((p) => (
              <MenuItem key={p.days} value={p.days}>
                {p.label}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
      </Stack>
      {loading && <LinearProgress aria-label="Loading the figures" />}
      {error && <Alert severity="error">{error}</Alert>}
      {report && overall && (
        <>
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
            <Kpi label="Open now" value={String(openNow)} hint={`${(overall.open.SUBMITTED ?? 0)} unassigned in the queue`} />
            <Kpi label="Overdue now" value={String(overall.overdue)} tone={overall.overdue ? 'error' : 'success'} hint="past their due date, with us" />
            <Kpi label="Approved" value={String(overall.approved)} hint="in the period" />
            <DaysKpi label="Median turnaround" days={overall.medianBusinessDays} target={target} />
            <DaysKpi label="p90 turnaround" days={overall.p90BusinessDays} target={target} />
            <Kpi label="Approved late" value={String(overall.approvedLate)} tone={overall.approvedLate ? 'error' : 'success'} hint="breaches in the period" />
          </Stack>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
            {CHARTS.map(({ title, description, Chart }) => (
              <ChartCard key={title} title={title} description={description}>
                <Chart report={report} />
              </ChartCard>
            ))}
          </Box>
        </>
      )}
    </Stack>
  );
}
