import { Box, Button, Card, CardContent, CardHeader, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { REGION_NAMES, type SessionUser, type StaffSubmissionRecord } from '@sbo/shared';
import type { ReactNode } from 'react';
import { Link, Title, useCreatePath, useGetList } from 'react-admin';
import { useAbility } from '../auth/ability';
import { ROLE_LABELS } from '../dashboard/role-guide';
import { DueChip } from './due-chip';
import { NextItemButton } from './next-item-button';
import { StateChip } from './state-chip';
import { TYPE_LABELS } from './submission-types';

const cardTitle = { title: { variant: 'h6', component: 'h2' } } as const;

/** A short due-first table of submissions, each row a link to the submission. */
function WorkTable({ filter, label, empty }: { filter: Record<string, unknown>; label: string; empty: string }) {
  const createPath = useCreatePath();
  const { data = [], total, isPending } = useGetList<StaffSubmissionRecord>('submissions', {
    filter,
    pagination: { page: 1, perPage: 10 },
    sort: { field: 'dueAt', order: 'ASC' },
  });
  return (
    <Card component="section" aria-label={label}>
      <CardHeader
        title={total === undefined ? label : `${label} (${total})`}
        slotProps={cardTitle}
        action={
          <Button
            size="small"
            component={Link}
            to={`${createPath({ resource: 'submissions', type: 'list' })}?filter=${encodeURIComponent(JSON.stringify(filter))}`}
          >
            See all
          </Button>
        }
        sx={{ pb: 0 }}
      />
      <CardContent>
        {!isPending && data.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {empty}
          </Typography>
        ) : (
          <Table size="small" aria-label={label}>
            <TableHead>
              <TableRow>
                <TableCell>Due</TableCell>
                <TableCell>Group</TableCell>
                <TableCell>Type</TableCell>
                <TableCell>Region</TableCell>
                <TableCell>State</TableCell>
                <TableCell>Assignee</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((s) => (
                <TableRow key={s.id} hover>
                  <TableCell>
                    <DueChip record={s} />
                  </TableCell>
                  <TableCell>
                    <Link to={createPath({ resource: 'submissions', id: s.id, type: 'show' })}>{s.group?.name ?? s.id}</Link>
                  </TableCell>
                  <TableCell>{TYPE_LABELS[s.type]}</TableCell>
                  <TableCell>{s.region}</TableCell>
                  <TableCell>
                    <StateChip state={s.state} />
                  </TableCell>
                  <TableCell>{s.assignee?.name ?? '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}

const Chips = ({ labels }: { labels: string[] }): ReactNode =>
  labels.map((label) => <Chip key={label} label={label} size="small" variant="outlined" />);

/** The home of reps and leads: the next item, what they hold, and what waits unassigned in their regions. */
export function ReviewHome({ user }: { user: SessionUser }) {
  const ability = useAbility();
  const isLead = ability.can('read', 'Metrics');
  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 3 }}>
      <Title title="Review" />
      <Card>
        <CardContent>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { md: 'center' } }}>
            <Box>
              <Typography variant="h5" component="h1">
                Welcome, {user.name}
              </Typography>
              <Stack direction="row" spacing={0.5} useFlexGap sx={{ mt: 0.5, alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography variant="body2" color="text.secondary" sx={{ mr: 1 }}>
                  {user.email}
                </Typography>
                <Chips labels={user.roles.map((r) => ROLE_LABELS[r] ?? r)} />
                <Chips labels={user.regions.map((r) => `${REGION_NAMES[r]} (${r})`)} />
              </Stack>
            </Box>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              {isLead && (
                <Button component={Link} to="/turnaround" variant="outlined">
                  Turnaround
                </Button>
              )}
              <NextItemButton size="large" />
            </Stack>
          </Stack>
        </CardContent>
      </Card>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', xl: '1fr 1fr' }, alignItems: 'start' }}>
        <WorkTable
          label="My work"
          filter={{ assigneeId: 'me', state: ['IN_REVIEW', 'RETURNED', 'PENDING_ITEMS'] }}
          empty="You hold nothing right now: take the next item."
        />
        <WorkTable
          label="Unassigned in my regions"
          filter={{ assigneeId: 'none', state: ['SUBMITTED'] }}
          empty="Nothing waits unassigned."
        />
        {isLead && (
          <WorkTable
            label="Overdue in my regions"
            filter={{ state: ['SUBMITTED', 'IN_REVIEW'], dueBefore: new Date().toISOString().slice(0, 10) }}
            empty="Nothing is overdue."
          />
        )}
      </Box>
    </Stack>
  );
}
