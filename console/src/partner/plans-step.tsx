import { Typography } from '@mui/material';
import { PLAN_TIERS, type PlanSelection } from '@sbo/shared';
import { ArrayInput, Button, RadioButtonGroupInput, SimpleFormIterator, TextInput, useSimpleFormIterator } from 'react-admin';
import { FormStep, type WizardControls } from './form-step';

const TIER_CHOICES = PLAN_TIERS.map((t) => ({ id: t, name: t.charAt(0) + t.slice(1).toLowerCase() }));

interface PlanValues extends Record<string, unknown> {
  plans: { planCode: string | null; tier: string | null }[];
}

/** Rows left entirely blank are dropped; anything typed goes to the API, which says what to fix. */
const toBody = (v: PlanValues) => ({
  plans: (v.plans ?? [])
    .filter((p) => p && (p.planCode?.trim() || p.tier))
    .map((p) => ({ planCode: (p.planCode ?? '').trim().toUpperCase(), tier: p.tier })),
});

function AddPlanButton() {
  const { add } = useSimpleFormIterator();
  return <Button label="Add a plan" onClick={() => add()} />;
}

/** Step 2: the plans offered to the group, each a plan code and its metal tier. */
export function PlansStep({ wizard }: { wizard: WizardControls }) {
  const plans: PlanSelection[] = wizard.record?.plans ?? [];
  return (
    <FormStep wizard={wizard} values={{ plans: plans.map((p) => ({ planCode: p.planCode, tier: p.tier })) }} toBody={toBody}>
      <Typography variant="body2">
        Add each plan the group chose, as its plan code from the rate sheet (for example CO-GOLD-500) and its tier. At least one plan
        is needed to submit.
      </Typography>
      <ArrayInput source="plans" label="Plans">
        <SimpleFormIterator inline disableReordering disableClear addButton={<AddPlanButton />} getItemLabel={(i) => `Plan ${i + 1}`}>
          <TextInput source="planCode" label="Plan code" helperText={false} />
          <RadioButtonGroupInput source="tier" label="Tier" choices={TIER_CHOICES} helperText={false} />
        </SimpleFormIterator>
      </ArrayInput>
    </FormStep>
  );
}
