import { Chip, Tooltip } from '@mui/material';
import { DataTable, DateField, ExportButton, List, SelectInput, TextInput, TopToolbar } from 'react-admin';
import { csvExporter } from '../common/csv-export';

type NotificationStatus = 'PENDING' | 'SENDING' | 'SENT' | 'FAILED';

/** One email of the outbox, without its body (api/src/notifications). */
interface NotificationRecord {
  id: string;
  recipient: string;
  subject: string;
  template: string;
  entityType: string | null;
  entityId: string | null;
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

const STATUS_COLORS: Record<NotificationStatus, 'default' | 'info' | 'success' | 'error'> = {
  PENDING: 'default',
  SENDING: 'info',
  SENT: 'success',
  FAILED: 'error',
};

const filters = [
  <TextInput key="recipient" source="recipient" label="Recipient (exact email)" alwaysOn />,
  <SelectInput
    key="status"
    source="status"
    choices={(Object.keys(STATUS_COLORS) as NotificationStatus[]).map((status) => ({ id: status, name: status }))}
    alwaysOn
  />,
  <TextInput key="template" source="template" placeholder="submission.submitted" />,
];

const exporter = csvExporter<NotificationRecord>([
  { label: 'Recipient', value: (n) => n.recipient },
  { label: 'Subject', value: (n) => n.subject },
  { label: 'Template', value: (n) => n.template },
  { label: 'Status', value: (n) => n.status },
  { label: 'Attempts', value: (n) => n.attempts },
  { label: 'Last error', value: (n) => n.lastError },
  { label: 'Created', value: (n) => n.createdAt },
  { label: 'Sent', value: (n) => n.sentAt },
]);

const ListActions = () => (
  <TopToolbar>
    <ExportButton />
  </TopToolbar>
);

/** The email outbox, newest first, read-only: what was sent to whom, and what is stuck. */
export const NotificationList = () => (
  <List<NotificationRecord>
    sort={{ field: 'createdAt', order: 'DESC' }}
    filters={filters}
    actions={<ListActions />}
    exporter={exporter}
    title="Notification outbox"
    // Filters stay on screen even while the outbox is empty.
    empty={false}
  >
    <DataTable<NotificationRecord> rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="recipient" />
      <DataTable.Col source="subject" disableSort />
      <DataTable.Col source="template" disableSort />
      <DataTable.Col<NotificationRecord>
        source="status"
        render={(n) => (
          <Tooltip title={n.lastError ?? ''}>
            <Chip label={n.status} color={STATUS_COLORS[n.status]} size="small" variant="outlined" />
          </Tooltip>
        )}
      />
      <DataTable.NumberCol source="attempts" />
      <DataTable.Col source="createdAt" label="Created">
        <DateField source="createdAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="sentAt" label="Sent">
        <DateField source="sentAt" showTime />
      </DataTable.Col>
    </DataTable>
  </List>
);
