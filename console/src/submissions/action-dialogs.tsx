import { Alert, DialogContentText, Stack } from '@mui/material';
import { DOCUMENT_KINDS, PAYMENT_METHODS, REGION_NAMES, type StaffSubmissionDetail } from '@sbo/shared';
import {
  ArrayInput,
  DateInput,
  minLength,
  NumberInput,
  required,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  useInput,
} from 'react-admin';
import { ActionDialog, type FormValues } from '../common/action-dialog';
import { useSubmissionAction } from './conflict';
import { InstructionsInput } from './instructions-input';
import { DOCUMENT_KIND_LABELS, FIELD_LABELS, groupLabel, PAYMENT_LABELS } from './submission-types';

export interface SubmissionDialogProps {
  record: StaffSubmissionDetail;
  open: boolean;
  onClose: () => void;
}

const reasonValidation = [required('Say why'), minLength(3, 'Say why, in a few words')];

/** Approve: the partner sees Completed and gets an email. */
export function ApproveDialog({ record, open, onClose }: SubmissionDialogProps) {
  const { act, pending } = useSubmissionAction(record);
  const problems = record.problems ?? [];
  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      title={`Approve ${groupLabel(record)}`}
      submitLabel="Approve"
      pending={pending}
      onSubmit={() => act(`/submissions/${record.id}/approve`, { version: record.version }, `${groupLabel(record)} is approved.`)}
    >
      {problems.length > 0 && (
        <Alert severity="warning">
          It still lists {problems.length} problem{problems.length > 1 ? 's' : ''}: check them before approving.
        </Alert>
      )}
      <DialogContentText>The submitter sees it as Completed and gets an email.</DialogContentText>
    </ActionDialog>
  );
}

/** Refer offline: the reason and where to send the package go to the partner. */
export function ReferOfflineDialog({ record, open, onClose }: SubmissionDialogProps) {
  const { act, pending } = useSubmissionAction(record);
  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      title={`Refer ${groupLabel(record)} offline`}
      submitLabel="Refer offline"
      color="warning"
      pending={pending}
      defaultValues={{ reason: '' }}
      onSubmit={({ reason }) =>
        act(`/submissions/${record.id}/refer-offline`, { version: record.version, reason: reason.trim() }, `${groupLabel(record)} is referred offline.`)
      }
    >
      <DialogContentText>
        It continues outside the system. The submitter gets your reason, the regional enrollment mailbox and your contact.
      </DialogContentText>
      <TextInput source="reason" label="Reason (sent to the submitter)" validate={reasonValidation} multiline minRows={2} autoFocus />
    </ActionDialog>
  );
}

/** CA: back to the submitter for corrections, never edited here. */
export function ReturnDialog({ record, open, onClose }: SubmissionDialogProps) {
  const { act, pending } = useSubmissionAction(record);
  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      title={`Return ${groupLabel(record)} for corrections`}
      submitLabel="Return to submitter"
      color="warning"
      pending={pending}
      defaultValues={{ instructions: '' }}
      onSubmit={({ instructions }) =>
        act(
          `/submissions/${record.id}/return`,
          { version: record.version, instructions: instructions.trim() },
          `${groupLabel(record)} is returned to the submitter.`,
        )
      }
    >
      <DialogContentText>
        In {REGION_NAMES[record.region]} a submission is returned, never edited: the submitter sees Action required, corrects it
        and resubmits, and it comes back to you.
      </DialogContentText>
      <InstructionsInput region={record.region} kind="RETURN" />
    </ActionDialog>
  );
}

const KIND_CHOICES = DOCUMENT_KINDS.map((kind) => ({ id: kind, name: DOCUMENT_KIND_LABELS[kind] }));

/** The first requested item takes the template's title when it is still empty. */
function RequestItemsInstructions({ record }: { record: StaffSubmissionDetail }) {
  const { field } = useInput({ source: 'items' });
  return (
    <InstructionsInput
      region={record.region}
      kind="PENDING_ITEMS"
      onPick={(template) => {
        const items = (field.value ?? []) as { kind: string; description: string }[];
        if (items.length === 1 && !items[0].description) field.onChange([{ ...items[0], description: template.title }]);
      }}
    />
  );
}

/** Any region: the documents still needed; each clears itself when a document of its kind arrives. */
export function RequestItemsDialog({ record, open, onClose }: SubmissionDialogProps) {
  const { act, pending } = useSubmissionAction(record);
  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      title={`Request items for ${groupLabel(record)}`}
      submitLabel="Request items"
      pending={pending}
      defaultValues={{ items: [{ kind: 'SIGNED_APPLICATION', description: '' }], instructions: '' }}
      onSubmit={({ items, instructions }: FormValues) =>
        act(
          `/submissions/${record.id}/request-items`,
          {
            version: record.version,
            items: (items ?? []).map((i: { kind: string; description: string }) => ({ kind: i.kind, description: i.description?.trim() })),
            instructions: instructions.trim(),
          },
          `Items requested from the submitter of ${groupLabel(record)}.`,
        )
      }
    >
      <DialogContentText>The submitter sees Action required; the data stays locked and the clock pauses.</DialogContentText>
      <RequestItemsInstructions record={record} />
      <ArrayInput source="items" label="Items" validate={required()}>
        <SimpleFormIterator inline disableReordering>
          <SelectInput source="kind" label="Kind" choices={KIND_CHOICES} validate={required()} />
          <TextInput source="description" label="Description" validate={[required(), minLength(2)]} sx={{ minWidth: 260 }} />
        </SimpleFormIterator>
      </ArrayInput>
    </ActionDialog>
  );
}

const PAYMENT_CHOICES = PAYMENT_METHODS.map((m) => ({ id: m, name: PAYMENT_LABELS[m] }));

type Values = Record<string, unknown>;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Only what the person changed: each changed field is audited (old, new, reason) and emailed. */
export function correctionBody(record: StaffSubmissionDetail, values: FormValues): Values {
  const body: Values = {};
  for (const key of ['requestedEffectiveDate', 'paymentMethod'] as const) {
    const value = values[key] === '' ? null : values[key];
    if (!same(value, record[key])) body[key] = value;
  }
  const group: Values = {};
  for (const key of ['name', 'groupId', 'taxId'] as const) {
    const value = typeof values.group?.[key] === 'string' ? values.group[key].trim() || null : (values.group?.[key] ?? null);
    if (!same(value, record.group[key])) group[key] = value;
  }
  const count = values.group?.employeeCount;
  if (!same(count === '' ? null : count, record.group.employeeCount)) group.employeeCount = count === '' ? null : count;
  const address = values.group?.address;
  if (address && !same(address, record.group.address)) group.address = address;
  if (Object.keys(group).length) body.group = group;
  return body;
}

/** CO, GA, MAS: correct fields in place, with the reason each change is audited and emailed with. */
export function CorrectDialog({ record, open, onClose }: SubmissionDialogProps) {
  const { act, pending } = useSubmissionAction(record);
  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      title={`Correct ${groupLabel(record)}`}
      submitLabel="Save correction"
      pending={pending}
      defaultValues={{
        requestedEffectiveDate: record.requestedEffectiveDate ?? '',
        paymentMethod: record.paymentMethod ?? '',
        group: {
          name: record.group.name ?? '',
          groupId: record.group.groupId ?? '',
          taxId: record.group.taxId ?? '',
          employeeCount: record.group.employeeCount ?? '',
          address: record.group.address ?? undefined,
        },
        reason: '',
      }}
      onSubmit={async (values) => {
        const changes = correctionBody(record, values);
        if (!Object.keys(changes).length) return { ok: false, message: 'Change at least one field before saving.' };
        return act(
          `/submissions/${record.id}`,
          { ...changes, version: record.version, reason: values.reason.trim() },
          `${groupLabel(record)} is corrected; the submitter is told what changed.`,
          'PATCH',
        );
      }}
    >
      <DialogContentText>
        In {REGION_NAMES[record.region]} you correct in place. Each changed field is recorded with its old and new value and
        your reason, and the submitter gets the list.
      </DialogContentText>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextInput source="group.name" label={FIELD_LABELS['group.name']} validate={required()} autoFocus />
        <TextInput source="group.groupId" label={FIELD_LABELS['group.groupId']} />
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextInput source="group.taxId" label={FIELD_LABELS['group.taxId']} />
        <NumberInput source="group.employeeCount" label={FIELD_LABELS['group.employeeCount']} min={1} />
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <DateInput source="requestedEffectiveDate" label={FIELD_LABELS.requestedEffectiveDate} />
        <SelectInput source="paymentMethod" label={FIELD_LABELS.paymentMethod} choices={PAYMENT_CHOICES} emptyText="—" />
      </Stack>
      {record.group.address && (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextInput source="group.address.line1" label="Street" validate={required()} />
          <TextInput source="group.address.city" label="City" validate={required()} />
          <TextInput source="group.address.state" label="State" validate={required()} sx={{ maxWidth: 90 }} />
          <TextInput source="group.address.zip" label="ZIP" validate={required()} sx={{ maxWidth: 120 }} />
        </Stack>
      )}
      <TextInput source="reason" label="Reason (recorded and sent to the submitter)" validate={reasonValidation} multiline minRows={2} />
    </ActionDialog>
  );
}
