import { Button, Stack, Typography } from '@mui/material';
import { OPEN_STATES, REGION_NAMES, REVIEW_STATES, type SessionUser, type StaffSubmissionRecord, SUBMISSION_TYPES } from '@sbo/shared';
import { useState } from 'react';
import {
  DataTable,
  DateField,
  DateInput,
  ExportButton,
  FilterButton,
  List,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  TopToolbar,
  useListContext,
  usePermissions,
} from 'react-admin';
import { useAbility } from '../auth/ability';
import { csvExporter } from '../common/csv-export';
import { BulkAssignDialog } from './assign-dialog';
import { DueChip } from './due-chip';
import { NextItemButton } from './next-item-button';
import { SavedFiltersButton } from './saved-filters';
import { StateChip } from './state-chip';
import { PARTNER_STATUS_LABELS, STATE_LABELS, TYPE_LABELS } from './submission-types';

const STATE_CHOICES = REVIEW_STATES.filter((s) => s !== 'DRAFT').map((s) => ({ id: s, name: STATE_LABELS[s] }));
const TYPE_CHOICES = SUBMISSION_TYPES.map((t) => ({ id: t, name: TYPE_LABELS[t] }));
const ASSIGNEE_CHOICES = [
  { id: 'me', name: 'Held by me' },
  { id: 'none', name: 'Unassigned' },
];

function useFilters() {
  const { permissions: user } = usePermissions<SessionUser>();
  const regions = user?.regions ?? [];
  return [
    <SearchInput key="q" source="q" placeholder="Group name, group ID or submission ID" alwaysOn />,
    <SelectArrayInput key="state" source="state" label="State" choices={STATE_CHOICES} alwaysOn sx={{ minWidth: 200 }} />,
    <SelectInput key="assigneeId" source="assigneeId" label="Assignee" choices={ASSIGNEE_CHOICES} alwaysOn />,
    ...(regions.length > 1
      ? [<SelectInput key="region" source="region" label="Region" choices={regions.map((r) => ({ id: r, name: REGION_NAMES[r] }))} alwaysOn />]
      : []),
    <SelectInput key="type" source="type" label="Type" choices={TYPE_CHOICES} />,
    <DateInput key="dueBefore" source="dueBefore" label="Due before" />,
  ];
}

const exporter = csvExporter<StaffSubmissionRecord>([
  { label: 'Submission ID', value: (s) => s.id },
  { label: 'Group', value: (s) => s.group?.name },
  { label: 'Group ID', value: (s) => s.group?.groupId },
  { label: 'Type', value: (s) => TYPE_LABELS[s.type] },
  { label: 'Region', value: (s) => s.region },
  { label: 'Channel', value: (s) => s.channel },
  { label: 'State', value: (s) => STATE_LABELS[s.state] },
  { label: 'Partner status', value: (s) => (s.partnerStatus ? PARTNER_STATUS_LABELS[s.partnerStatus] : '') },
  { label: 'Assignee', value: (s) => s.assignee?.name },
  { label: 'Assignee email', value: (s) => s.assignee?.email },
  { label: 'Submitted', value: (s) => s.submittedAt },
  { label: 'Due', value: (s) => s.dueAt },
  { label: 'Age (business days)', value: (s) => s.ageBusinessDays },
  { label: 'Requested effective date', value: (s) => s.requestedEffectiveDate },
  { label: 'Decided', value: (s) => s.decidedAt },
]);

const ListActions = () => (
  <TopToolbar sx={{ alignItems: 'center' }}>
    <SavedFiltersButton resource="submissions" />
    <FilterButton />
    <ExportButton />
    <NextItemButton size="small" />
  </TopToolbar>
);

/** Lead: assign the selected rows to one reviewer. */
function BulkAssignButton() {
  const { selectedIds, data = [], onUnselectItems } = useListContext<StaffSubmissionRecord>();
  const [open, setOpen] = useState(false);
  const records = data.filter((r) => selectedIds.includes(r.id));
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} disabled={!records.length}>
        Assign…
      </Button>
      {open && (
        <BulkAssignDialog
          records={records}
          open={open}
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            onUnselectItems();
          }}
        />
      )}
    </>
  );
}

/** The review queue of the person's regions, due soonest first, with due-date chips. */
export function SubmissionList() {
  const ability = useAbility();
  const filters = useFilters();
  const mayAssign = ability.can('assign', 'Submission');
  return (
    <List<StaffSubmissionRecord>
      title="Review queue"
      sort={{ field: 'dueAt', order: 'ASC' }}
      filters={filters}
      filterDefaultValues={{ state: [...OPEN_STATES] }}
      actions={<ListActions />}
      exporter={exporter}
      perPage={25}
    >
      <DataTable<StaffSubmissionRecord>
        rowClick="show"
        bulkActionButtons={mayAssign ? <BulkAssignButton /> : false}
        isRowSelectable={(r) => ['SUBMITTED', 'IN_REVIEW'].includes(r.state)}
      >
        <DataTable.Col<StaffSubmissionRecord> source="dueAt" label="Due" render={(r) => <DueChip record={r} />} />
        <DataTable.Col<StaffSubmissionRecord>
          source="groupName"
          label="Group"
          render={(r) => (
            <Stack>
              <Typography variant="body2" sx={{ fontWeight: 500 }}>
                {r.group?.name ?? '—'}
              </Typography>
              {r.group?.groupId && (
                <Typography variant="caption" color="text.secondary">
                  {r.group.groupId}
                </Typography>
              )}
            </Stack>
          )}
        />
        <DataTable.Col<StaffSubmissionRecord> source="type" render={(r) => TYPE_LABELS[r.type]} />
        <DataTable.Col source="region" />
        <DataTable.Col<StaffSubmissionRecord> source="state" render={(r) => <StateChip state={r.state} />} />
        <DataTable.Col<StaffSubmissionRecord> source="assigneeId" label="Assignee" disableSort render={(r) => r.assignee?.name ?? '—'} />
        <DataTable.Col<StaffSubmissionRecord> source="ageBusinessDays" label="Age (bd)" disableSort align="right" render={(r) => r.ageBusinessDays ?? '—'} />
        <DataTable.Col source="submittedAt" label="Submitted" field={DateField} />
      </DataTable>
    </List>
  );
}
