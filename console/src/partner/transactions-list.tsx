import { Typography } from '@mui/material';
import { PARTNER_STATUSES, type PartnerSubmissionRecord, SUBMISSION_TYPES } from '@sbo/shared';
import { DataTable, DateField, DateInput, Link, List, SelectInput, TextInput, useCreatePath } from 'react-admin';
import { transactionPath } from './api';
import { PARTNER_STATUS_LABELS, PARTNER_TYPE_LABELS, transactionId } from './labels';
import { PartnerStatusChip } from './status-chip';
import { PARTNER_RESOURCE } from './use-partner';

const STATUS_CHOICES = PARTNER_STATUSES.map((s) => ({ id: s, name: PARTNER_STATUS_LABELS[s] }));
const TYPE_CHOICES = SUBMISSION_TYPES.map((t) => ({ id: t, name: PARTNER_TYPE_LABELS[t] }));

/**
 * A filter per column, as the API filters: the group name or transaction ID (`q`), the group ID (or
 * its beginning), status, type and the created-date range.
 */
const FILTERS = [
  <TextInput key="q" source="q" label="Search group name or transaction ID" alwaysOn resettable />,
  <TextInput key="groupId" source="groupId" label="Search by group ID" alwaysOn resettable />,
  <SelectInput key="status" source="status" label="Status" choices={STATUS_CHOICES} alwaysOn emptyText="All statuses" />,
  <SelectInput key="type" source="type" label="Transaction type" choices={TYPE_CHOICES} alwaysOn emptyText="All types" />,
  <DateInput key="createdFrom" source="createdFrom" label="Created from" alwaysOn />,
  <DateInput key="createdTo" source="createdTo" label="Created to" alwaysOn />,
];

type Row = PartnerSubmissionRecord & { reference?: string | number | null };

/** Open, Action required and Completed transactions open from their ID (an Open one resumes in the wizard, an Action required one opens what the carrier needs); Pending KP review shows it as text. */
function TransactionIdCell({ record }: { record: Row }) {
  const createPath = useCreatePath();
  const id = transactionId(record);
  if (record.partnerStatus === 'OPEN') {
    return (
      <Link to={createPath({ resource: PARTNER_RESOURCE, id: record.id, type: 'edit' })} aria-label={`Continue transaction ${id}`}>
        {id}
      </Link>
    );
  }
  if (record.partnerStatus === 'ACTION_REQUIRED') {
    return (
      <Link to={transactionPath(record.id, '/action')} aria-label={`Act on transaction ${id}`}>
        {id}
      </Link>
    );
  }
  if (record.partnerStatus === 'COMPLETED') {
    return (
      <Link to={createPath({ resource: PARTNER_RESOURCE, id: record.id, type: 'show' })} aria-label={`View transaction ${id}`}>
        {id}
      </Link>
    );
  }
  return <span>{id}</span>;
}

/** Action required rows carry the carrier's instructions, with the representative's contact in them. */
function InstructionsCell({ record }: { record: Row }) {
  if (record.partnerStatus !== 'ACTION_REQUIRED' || !record.instructions) return null;
  return (
    <Typography variant="body2" sx={{ whiteSpace: 'pre-line', maxWidth: 420 }}>
      {record.instructions}
    </Typography>
  );
}

/**
 * The firm's recent transactions (`GET /api/partner/submissions`), newest first, with the broker
 * dashboard's filters. `embedded`: on the dashboard, where filters live in the page, not the URL.
 */
export function TransactionsList({ embedded = false }: { embedded?: boolean }) {
  return (
    <List<Row>
      resource={PARTNER_RESOURCE}
      title={embedded ? false : 'Transactions'}
      filters={FILTERS}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={embedded ? 10 : 25}
      disableSyncWithLocation={embedded}
      storeKey={embedded ? false : undefined}
      empty={false}
      exporter={false}
      actions={false}
    >
      <DataTable<Row> bulkActionButtons={false} rowClick={false}>
        <DataTable.Col<Row> label="Transaction ID" disableSort render={(record) => <TransactionIdCell record={record} />} />
        <DataTable.Col<Row> source="type" label="Type" render={(record) => PARTNER_TYPE_LABELS[record.type] ?? record.type} />
        <DataTable.Col<Row> source="groupName" label="Group" render={(record) => record.group?.name ?? '—'} />
        <DataTable.Col<Row> source="groupId" label="Group ID" render={(record) => record.group?.groupId ?? '—'} />
        <DataTable.Col source="requestedEffectiveDate" label="Effective date" field={DateField} />
        <DataTable.Col<Row> source="partnerStatus" label="Status" disableSort render={(record) => <PartnerStatusChip status={record.partnerStatus} />} />
        <DataTable.Col source="createdAt" label="Created" field={DateField} />
        <DataTable.Col<Row> label="Instructions" disableSort render={(record) => <InstructionsCell record={record} />} />
      </DataTable>
    </List>
  );
}
