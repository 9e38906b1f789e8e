import { Divider, Tab, type TabProps, Tabs } from '@mui/material';
import {
  DataTable,
  DateField,
  ExportButton,
  List,
  SearchInput,
  TopToolbar,
  useGetList,
  useListContext,
} from 'react-admin';
import { csvExporter } from '../common/csv-export';
import { RegistrationStatusChip } from './registration-status-chip';
import { REGISTRATION_STATUSES, type RegistrationRecord, type RegistrationStatus } from '@sbo/shared';
import { STATUS_LABELS } from './registration-types';

const filters = [<SearchInput key="q" source="q" placeholder="Name, email, firm or tax ID" alwaysOn />];

const exporter = csvExporter<RegistrationRecord>([
  { label: 'Name', value: (r) => r.name },
  { label: 'Email', value: (r) => r.email },
  { label: 'Firm', value: (r) => r.firmName },
  { label: 'Tax ID', value: (r) => r.firmTaxId },
  { label: 'Status', value: (r) => STATUS_LABELS[r.status] },
  { label: 'Received', value: (r) => r.createdAt },
  { label: 'Decided', value: (r) => r.decidedAt },
  { label: 'Decision reason', value: (r) => r.decisionReason },
]);

/** How many registrations each tab holds, for the current search. */
function useStatusCount(status: RegistrationStatus, q: unknown) {
  const { total } = useGetList<RegistrationRecord>('registrations', {
    filter: { status, q },
    pagination: { page: 1, perPage: 1 },
  });
  return total;
}

function StatusTab({ status, q, ...tabProps }: TabProps & { status: RegistrationStatus; q: unknown }) {
  const count = useStatusCount(status, q);
  return <Tab {...tabProps} label={count === undefined ? STATUS_LABELS[status] : `${STATUS_LABELS[status]} (${count})`} />;
}

/** One tab per status, pending (EBS's queue) first. */
function StatusTabs() {
  const { filterValues, setFilters, displayedFilters } = useListContext();
  return (
    <>
      <Tabs
        // No tab is selected once the filters are cleared: the list then holds every status.
        value={filterValues.status ?? false}
        onChange={(_, value: RegistrationStatus) => setFilters({ ...filterValues, status: value }, displayedFilters)}
        aria-label="Registration status"
        variant="scrollable"
      >
        {REGISTRATION_STATUSES.map((value) => (
          // Tabs clones its children with `value` and selection props, so the tab is its own component.
          <StatusTab key={value} value={value} status={value} q={filterValues.q} />
        ))}
      </Tabs>
      <Divider />
    </>
  );
}

const ListActions = () => (
  <TopToolbar>
    <ExportButton />
  </TopToolbar>
);

/** Partner sign-ups by status; pending ones oldest first, as a queue. */
export const RegistrationList = () => (
  <List<RegistrationRecord>
    filterDefaultValues={{ status: 'PENDING' }}
    sort={{ field: 'createdAt', order: 'ASC' }}
    filters={filters}
    actions={<ListActions />}
    exporter={exporter}
  >
    <StatusTabs />
    <DataTable<RegistrationRecord> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="email" />
      <DataTable.Col source="firmName" label="Firm" />
      <DataTable.Col source="firmTaxId" label="Tax ID" />
      <DataTable.Col<RegistrationRecord> source="status" render={(r) => <RegistrationStatusChip status={r.status} />} />
      <DataTable.Col source="createdAt" label="Received" field={DateField} />
      <DataTable.Col source="decidedAt" label="Decided" field={DateField} />
    </DataTable>
  </List>
);
