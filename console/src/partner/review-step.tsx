import { Alert, AlertTitle, Stack, Typography } from '@mui/material';
import type { ContactRecord } from '../contacts/contact-types';
import type { ApiFailure, Transaction } from './api';
import { ProblemList, RefusalAlert, RulesPanel } from './rules';
import { Section, TransactionSummary } from './summary';

/**
 * Step 5: what the carrier will receive, what is still missing (each with a link to its step), the
 * rules that apply to this group, and a refusal, if the last submit was refused, with the way forward.
 */
export function ReviewStep({
  record,
  contact,
  refusal,
}: {
  record: Transaction;
  contact: ContactRecord | undefined;
  refusal: ApiFailure | undefined;
}) {
  return (
    <Stack spacing={2}>
      {refusal && <RefusalAlert id={record.id} failure={refusal} contact={contact} />}
      <Section title="Before you submit">
        {record.problems.length ? (
          <>
            <Typography variant="body2" sx={{ mb: 1 }}>
              The carrier needs these before it can accept the transaction:
            </Typography>
            <ProblemList id={record.id} problems={record.problems} label="Completeness checklist" />
          </>
        ) : (
          <Alert severity="success" role="status">
            <AlertTitle>Complete</AlertTitle>
            Nothing is missing.
          </Alert>
        )}
      </Section>
      <RulesPanel
        contact={contact}
        input={{
          type: record.type,
          region: record.region,
          requestedEffectiveDate: record.requestedEffectiveDate,
          paymentMethod: record.paymentMethod,
          multiMarket: record.group.multiMarket,
          guaranteedAvailability: record.group.guaranteedAvailability,
        }}
      />
      <Section title="Summary">
        <TransactionSummary record={record} />
      </Section>
    </Stack>
  );
}
