import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import type { PaymentMethod, Region, SubmissionType } from '@sbo/shared';
import { BooleanInput, DateInput, FormDataConsumer, NumberInput, RadioButtonGroupInput, TextInput } from 'react-admin';
import type { ContactRecord } from '../contacts/contact-types';
import { FormStep, type WizardControls } from './form-step';
import { RulesPanel } from './rules';

interface GroupValues extends Record<string, unknown> {
  requestedEffectiveDate: string | null;
  paymentMethod: PaymentMethod | null;
  group: {
    name: string | null;
    groupId: string | null;
    taxId: string | null;
    employeeCount: number | null;
    multiMarket: boolean;
    guaranteedAvailability: boolean;
    address: { line1: string | null; line2: string | null; city: string | null; state: string | null; zip: string | null };
  };
}

const PAYMENT_CHOICES = [
  { id: 'EFT', name: 'EFT (electronic funds transfer)' },
  { id: 'CHECK_COPY', name: 'Check copy' },
];

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

function valuesOf(wizard: WizardControls): GroupValues {
  const r = wizard.record;
  const a = r?.group.address;
  return {
    requestedEffectiveDate: r?.requestedEffectiveDate ?? null,
    paymentMethod: r?.paymentMethod ?? null,
    group: {
      name: r?.group.name ?? null,
      groupId: r?.group.groupId ?? null,
      taxId: r?.group.taxId ?? null,
      employeeCount: r?.group.employeeCount ?? null,
      multiMarket: r?.group.multiMarket ?? false,
      guaranteedAvailability: r?.group.guaranteedAvailability ?? false,
      address: { line1: a?.line1 ?? null, line2: a?.line2 ?? null, city: a?.city ?? null, state: a?.state ?? null, zip: a?.zip ?? null },
    },
  };
}

/** The PATCH body: blanks are null, and an address left entirely blank is no address. */
function toBody(v: GroupValues): Record<string, unknown> {
  const a = v.group?.address ?? {};
  const address = {
    line1: text(a.line1),
    line2: text(a.line2),
    city: text(a.city),
    state: text(a.state)?.toUpperCase() ?? null,
    zip: text(a.zip),
  };
  const count = v.group?.employeeCount;
  return {
    requestedEffectiveDate: text(v.requestedEffectiveDate),
    paymentMethod: v.paymentMethod ?? null,
    group: {
      name: text(v.group?.name),
      groupId: text(v.group?.groupId),
      taxId: text(v.group?.taxId),
      employeeCount: typeof count === 'number' && !Number.isNaN(count) ? count : null,
      multiMarket: Boolean(v.group?.multiMarket),
      guaranteedAvailability: Boolean(v.group?.guaranteedAvailability),
      address: Object.values(address).every((x) => x === null) ? null : address,
    },
  };
}

/** The rules as the partner types: they follow the form's current values. */
function LiveRules({ type, region, contact }: { type: SubmissionType; region: Region | undefined; contact: ContactRecord | undefined }) {
  return (
    <FormDataConsumer<GroupValues>>
      {({ formData }) => (
        <RulesPanel
          contact={contact}
          input={{
            type,
            region,
            requestedEffectiveDate: formData.requestedEffectiveDate,
            paymentMethod: formData.paymentMethod,
            multiMarket: formData.group?.multiMarket,
            guaranteedAvailability: formData.group?.guaranteedAvailability,
          }}
        />
      )}
    </FormDataConsumer>
  );
}

const Fieldset = ({ legend, children }: { legend: string; children: ReactNode }) => (
  <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, display: 'grid', gap: 0, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, columnGap: 2 }}>
    <Typography component="legend" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
      {legend}
    </Typography>
    {children}
  </Box>
);

/** Step 1: the employer group, its address, and the coverage asked for (effective date, payment). */
export function GroupStep({
  wizard,
  type,
  region,
  contact,
}: {
  wizard: WizardControls;
  type: SubmissionType;
  region: Region | undefined;
  contact: ContactRecord | undefined;
}) {
  return (
    <FormStep wizard={wizard} values={valuesOf(wizard)} toBody={toBody}>
      <Fieldset legend="Employer group">
        <TextInput source="group.name" label="Group name" />
        <TextInput source="group.groupId" label="Group ID (the carrier's, if known)" />
        <TextInput source="group.taxId" label="Tax ID (EIN)" helperText="Written 12-3456789" />
        <NumberInput source="group.employeeCount" label="Number of employees" min={1} step={1} />
      </Fieldset>
      <Fieldset legend="Address">
        <TextInput source="group.address.line1" label="Street address" />
        <TextInput source="group.address.line2" label="Address line 2 (optional)" />
        <TextInput source="group.address.city" label="City" />
        <TextInput source="group.address.state" label="State" helperText="Two letters, e.g. CO" />
        <TextInput source="group.address.zip" label="ZIP code" helperText="12345 or 12345-6789" />
      </Fieldset>
      <Fieldset legend="Coverage">
        <DateInput source="requestedEffectiveDate" label="Requested effective date" />
        <RadioButtonGroupInput source="paymentMethod" label="Payment method" choices={PAYMENT_CHOICES} />
        <BooleanInput source="group.multiMarket" label="Multi-market group (employees in more than one market)" />
        <BooleanInput
          source="group.guaranteedAvailability"
          label="Guaranteed availability (does not meet the usual participation or contribution requirements)"
        />
      </Fieldset>
      <LiveRules type={type} region={region} contact={contact} />
    </FormStep>
  );
}
