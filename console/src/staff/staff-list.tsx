import { Chip, Stack } from '@mui/material';
import { BooleanField, CreateButton, DataTable, DateField, ExportButton, List, SearchInput, SelectInput, TopToolbar } from 'react-admin';
import { REGION_CHOICES, STAFF_ROLE_CHOICES, yesNoChoices } from '../common/choices';
import { csvExporter } from '../common/csv-export';
import { ROLE_LABELS } from '../dashboard/role-guide';
import type { StaffRecord } from './staff-types';

const filters = [
  <SearchInput key="q" source="q" placeholder="Name or email" alwaysOn />,
  <SelectInput key="role" source="role" choices={STAFF_ROLE_CHOICES} />,
  <SelectInput key="region" source="region" choices={REGION_CHOICES} />,
  <SelectInput key="active" source="active" choices={yesNoChoices('Active', 'Inactive')} />,
];

const exporter = csvExporter<StaffRecord>([
  { label: 'Name', value: (s) => s.name },
  { label: 'Email', value: (s) => s.email },
  { label: 'Phone', value: (s) => s.phone },
  { label: 'Roles', value: (s) => s.roles.map((role) => ROLE_LABELS[role]) },
  { label: 'Regions', value: (s) => s.regions },
  { label: 'Active', value: (s) => (s.active ? 'yes' : 'no') },
  { label: 'Created', value: (s) => s.createdAt },
]);

const Chips = ({ labels }: { labels: string[] }) => (
  <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
    {labels.map((label) => (
      <Chip key={label} label={label} size="small" />
    ))}
  </Stack>
);

const ListActions = () => (
  <TopToolbar>
    <CreateButton label="New staff account" />
    <ExportButton />
  </TopToolbar>
);

export const StaffList = () => (
  <List<StaffRecord> sort={{ field: 'name', order: 'ASC' }} filters={filters} actions={<ListActions />} exporter={exporter}>
    <DataTable<StaffRecord> rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="email" />
      <DataTable.Col source="phone" disableSort />
      <DataTable.Col<StaffRecord>
        source="roles"
        disableSort
        render={(staff) => <Chips labels={staff.roles.map((role) => ROLE_LABELS[role])} />}
      />
      <DataTable.Col<StaffRecord> source="regions" disableSort render={(staff) => <Chips labels={staff.regions} />} />
      <DataTable.Col source="active" field={BooleanField} />
      <DataTable.Col source="createdAt" label="Created" field={DateField} />
    </DataTable>
  </List>
);
