import { DataTable, EditButton, ExportButton, List, TopToolbar } from 'react-admin';
import { csvExporter } from '../common/csv-export';
import { type ContactRecord, TEAM_LABELS } from './contact-types';

const exporter = csvExporter<ContactRecord>([
  { label: 'Team', value: (c) => TEAM_LABELS[c.team] },
  { label: 'Region', value: (c) => c.region ?? 'All' },
  { label: 'Label', value: (c) => c.label },
  { label: 'Email', value: (c) => c.email },
  { label: 'Phone', value: (c) => c.phone },
]);

const ListActions = () => (
  <TopToolbar>
    <ExportButton />
  </TopToolbar>
);

/** The team mailboxes; the API answers them all at once, by team then region, so no paging or sorting here. */
export const ContactList = () => (
  <List<ContactRecord> actions={<ListActions />} exporter={exporter} pagination={false} perPage={100}>
    <DataTable<ContactRecord> rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col<ContactRecord> source="team" disableSort render={(c) => TEAM_LABELS[c.team]} />
      <DataTable.Col<ContactRecord> source="region" disableSort render={(c) => c.region ?? 'All regions'} />
      <DataTable.Col source="label" disableSort />
      <DataTable.Col source="email" label="Mailbox" disableSort />
      <DataTable.Col source="phone" disableSort />
      <DataTable.Col align="right">
        <EditButton />
      </DataTable.Col>
    </DataTable>
  </List>
);
