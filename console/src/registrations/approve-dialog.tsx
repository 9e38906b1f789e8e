import { Alert, DialogContentText } from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteInput,
  FormDataConsumer,
  maxLength,
  minLength,
  RadioButtonGroupInput,
  required,
  SelectInput,
  TextInput,
  useGetList,
} from 'react-admin';
import { ActionDialog, type FormValues } from '../common/action-dialog';
import { FIRM_KIND_CHOICES, FIRM_KIND_LABELS, FIRM_ROLE_LABELS, REGION_CHOICES } from '../common/choices';
import { useApiAction } from '../common/use-api-action';
import type { FirmRecord, RegistrationDetail } from '@sbo/shared';

type FirmOption = Pick<FirmRecord, 'id' | 'name' | 'taxId' | 'region'>;
const firmOption = (firm: FirmOption) => ({ id: firm.id, name: `${firm.name} · ${firm.taxId} · ${firm.region}` });

/** Searches firms by name or tax ID as the user types; the matching firm is always offered. */
function FirmPicker({ matchingFirm }: { matchingFirm: FirmOption | null }) {
  const [q, setQ] = useState('');
  const { data = [] } = useGetList<FirmRecord>('firms', {
    filter: q ? { q } : {},
    pagination: { page: 1, perPage: 20 },
    sort: { field: 'name', order: 'ASC' },
  });
  const firms = matchingFirm && !data.some((firm) => firm.id === matchingFirm.id) ? [matchingFirm, ...data] : data;
  return (
    <AutocompleteInput
      source="firmId"
      label="Firm"
      choices={firms.map(firmOption)}
      setFilter={setQ}
      validate={required()}
      helperText="Search by name or tax ID"
    />
  );
}

const TARGET_CHOICES = [
  { id: 'existing', name: 'Link to an existing firm' },
  { id: 'new', name: 'Create the firm' },
];
const FIRM_ROLE_CHOICES = [
  { id: 'DELEGATE', name: FIRM_ROLE_LABELS.DELEGATE },
  { id: 'ADMIN', name: FIRM_ROLE_LABELS.ADMIN },
];

interface ApproveDialogProps {
  registration: RegistrationDetail;
  open: boolean;
  onClose: () => void;
}

/**
 * Approves into the firm the registration matches by tax ID (suggested), another firm, or a firm
 * created from the registration. The partner then gets an email to set their password.
 */
export function ApproveDialog({ registration, open, onClose }: ApproveDialogProps) {
  const { run, pending } = useApiAction();
  const { matchingFirm } = registration;

  // The API asks why when the firm is not the one with the registered tax ID (422 TAX_ID_MISMATCH otherwise).
  const overridesTaxId = (formData: FormValues) =>
    formData.target === 'existing' && !!formData.firmId && formData.firmId !== matchingFirm?.id;

  function approve(values: FormValues) {
    const { target, firmId, createFirm, firmRole, overrideReason } = values;
    const firm = target === 'existing' ? { firmId } : { createFirm: { ...createFirm, name: createFirm.name?.trim() || undefined } };
    return run(
      `/registrations/${registration.id}/approve`,
      { ...firm, firmRole, overrideReason: overridesTaxId(values) ? overrideReason : undefined, version: registration.version },
      `${registration.name} is approved and gets an email to set their password.`,
    );
  }

  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      title={`Approve ${registration.name}`}
      submitLabel="Approve"
      pending={pending}
      defaultValues={{
        target: matchingFirm ? 'existing' : 'new',
        firmId: matchingFirm?.id ?? '',
        createFirm: { kind: 'BROKER_AGENCY', region: '', name: registration.firmName },
        firmRole: 'DELEGATE',
      }}
      onSubmit={approve}
    >
      {matchingFirm ? (
        <Alert severity="success">
          Tax ID {registration.firmTaxId} belongs to <strong>{matchingFirm.name}</strong> ({FIRM_KIND_LABELS[matchingFirm.kind]},{' '}
          {matchingFirm.region}).
        </Alert>
      ) : (
        <Alert severity="info">
          No firm has tax ID {registration.firmTaxId}. Create it from this registration, or link the firm it belongs to.
        </Alert>
      )}
      <RadioButtonGroupInput source="target" label="Firm" choices={TARGET_CHOICES} row />
      <FormDataConsumer>
        {({ formData }) =>
          formData.target === 'existing' ? (
            <>
              <FirmPicker matchingFirm={matchingFirm} />
              {overridesTaxId(formData) && (
                <TextInput
                  source="overrideReason"
                  label="Why this firm, although its tax ID differs"
                  multiline
                  minRows={2}
                  validate={[required(), minLength(10), maxLength(500)]}
                  helperText={`This firm's tax ID is not ${registration.firmTaxId}. The reason is kept on the registration and audited.`}
                />
              )}
            </>
          ) : (
            <>
              <TextInput source="createFirm.name" label="Firm name" helperText={`Tax ID ${registration.firmTaxId}`} />
              <SelectInput source="createFirm.kind" label="Kind" choices={FIRM_KIND_CHOICES} validate={required()} />
              <SelectInput source="createFirm.region" label="Region" choices={REGION_CHOICES} validate={required()} />
            </>
          )
        }
      </FormDataConsumer>
      <RadioButtonGroupInput
        source="firmRole"
        label="Role in the firm"
        choices={FIRM_ROLE_CHOICES}
        row
        helperText="A General Agency has at most 4 administrators. An existing account keeps its role."
      />
      <DialogContentText variant="body2">
        {registration.name} ({registration.email}) gets an email with a link to set their password.
      </DialogContentText>
    </ActionDialog>
  );
}
