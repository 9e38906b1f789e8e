import { Stack, type SxProps } from '@mui/material';
import { DataTable, DateField, ExportButton, List, SearchInput, SelectInput, TopToolbar } from 'react-admin';
import { FIRM_KIND_CHOICES, FIRM_KIND_LABELS, REGION_CHOICES, yesNoChoices } from '../common/choices';
import { csvExporter } from '../common/csv-export';
import { AdminSeats } from './admin-seats';
import type { FirmRecord } from '@sbo/shared';
import { NeedsAdminChip } from './needs-admin-chip';

const filters = [
  <SearchInput key="q" source="q" placeholder="Name or tax ID" alwaysOn />,
  <SelectInput
    key="needsAdmin"
    source="needsAdmin"
    label="Administrator"
    choices={yesNoChoices('Needs an administrator', 'Has an administrator')}
    alwaysOn
  />,
  <SelectInput key="kind" source="kind" choices={FIRM_KIND_CHOICES} />,
  <SelectInput key="region" source="region" choices={REGION_CHOICES} />,
];

const exporter = csvExporter<FirmRecord>([
  { label: 'Name', value: (f) => f.name },
  { label: 'Tax ID', value: (f) => f.taxId },
  { label: 'Kind', value: (f) => FIRM_KIND_LABELS[f.kind] },
  { label: 'Region', value: (f) => f.region },
  { label: 'Needs administrator', value: (f) => (f.needsAdmin ? 'yes' : 'no') },
  { label: 'Active administrators', value: (f) => f.activeAdminCount },
  { label: 'Administrator cap', value: (f) => f.adminCap ?? 'none' },
  { label: 'Open administrator invitations', value: (f) => f.pendingAdminInvitationCount },
  { label: 'Updated', value: (f) => f.updatedAt },
]);

/** A bar in the warning colour down the left edge of a firm with no administrator (the box shadow takes the cell's colour). */
const NEEDS_ADMIN_ROW: SxProps = {
  '& td:first-of-type': { boxShadow: 'inset 4px 0 0', color: 'warning.main' },
  '& td:first-of-type > *': { color: 'text.primary' },
};

const ListActions = () => (
  <TopToolbar>
    <ExportButton />
  </TopToolbar>
);

/** Firms, those with no active administrator first (the API's default order), flagged as such. */
export const FirmList = () => (
  <List<FirmRecord>
    sort={{ field: 'needsAdmin', order: 'DESC' }}
    filters={filters}
    actions={<ListActions />}
    exporter={exporter}
    perPage={25}
  >
    <DataTable<FirmRecord>
      rowClick="show"
      bulkActionButtons={false}
      rowSx={(firm) => (firm.needsAdmin ? NEEDS_ADMIN_ROW : {})}
    >
      <DataTable.Col<FirmRecord>
        source="name"
        render={(firm) => (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <span>{firm.name}</span>
            {firm.needsAdmin && <NeedsAdminChip />}
          </Stack>
        )}
      />
      <DataTable.Col source="taxId" label="Tax ID" />
      <DataTable.Col<FirmRecord> source="kind" render={(firm) => FIRM_KIND_LABELS[firm.kind]} />
      <DataTable.Col source="region" />
      <DataTable.Col<FirmRecord>
        source="activeAdminCount"
        label="Administrators"
        render={(firm) => <AdminSeats firm={firm} dense />}
      />
      <DataTable.Col source="updatedAt" label="Updated" field={DateField} />
    </DataTable>
  </List>
);
