import { Alert, AlertTitle, Box, Button, Card, CardContent, LinearProgress, Stack, Step as MuiStep, StepLabel, Stepper, Typography } from '@mui/material';
import { SUBMISSION_TYPES, type SubmissionType } from '@sbo/shared';
import { useCallback, useEffect, useState } from 'react';
import { Link, Navigate, Title, useLocation, useNavigate, useNotify, useParams } from 'react-admin';
import { useAbility } from '../auth/ability';
import { ActionRequiredScreen, isReturned } from './action-required';
import { type ApiFailure, stepPath, type Transaction, toFailure, usePartnerApi, useTransaction } from './api';
import { CensusStep } from './census-step';
import { ConfirmDialog } from './confirm-dialog';
import type { DashboardNotice } from './dashboard';
import { DocumentsStep } from './documents-step';
import type { WizardControls } from './form-step';
import { GroupStep } from './group-step';
import { forgetStep, isStep, PARTNER_TYPE_LABELS, rememberedStep, rememberStep, type Step, STEP_LABELS, STEPS, transactionId } from './labels';
import { PlansStep } from './plans-step';
import { ReviewStep } from './review-step';
import { PartnerStatusChip } from './status-chip';
import { StepButtons, type Intent } from './step-buttons';
import { Section, TransactionSummary } from './summary';
import { partnerSubject, useEnrollmentContact, usePartner } from './use-partner';

const HOME = '/';

function NotFound({ failure }: { failure: ApiFailure }) {
  return (
    <Card sx={{ mt: 2, maxWidth: 640 }}>
      <CardContent>
        <Title title="Transaction not found" />
        <Typography variant="h5" component="h1" gutterBottom>
          {failure.status === 404 ? 'Transaction not found' : 'The transaction could not be loaded'}
        </Typography>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {failure.status === 404 ? 'It does not exist, it was cancelled, or it is not one of your firm’s.' : failure.message}
        </Typography>
        <Button component={Link} to={HOME} variant="outlined">
          Back to the dashboard
        </Button>
      </CardContent>
    </Card>
  );
}

/**
 * The wizard around one step: title, where the partner is, Close and Cancel. `record` is undefined
 * for a new transaction until its first save (only the first step exists then).
 */
function WizardFrame({
  record,
  type,
  step,
  setRecord,
  refetch,
}: {
  record: Transaction | undefined;
  type: SubmissionType;
  step: Step;
  setRecord: (record: Transaction) => void;
  refetch: () => void;
}) {
  const { user, region } = usePartner();
  const contact = useEnrollmentContact(region);
  const ability = useAbility();
  const api = usePartnerApi();
  const navigate = useNavigate();
  const notify = useNotify();
  const [dialog, setDialog] = useState<'close' | 'cancel' | null>(null);
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<ApiFailure>();
  const index = STEPS.indexOf(step);
  const id = record?.id;
  const label = record ? `${PARTNER_TYPE_LABELS[record.type]} ${transactionId(record)}` : `New ${PARTNER_TYPE_LABELS[type].toLowerCase()}`;

  useEffect(() => {
    if (id) rememberStep(id, step);
  }, [id, step]);

  const move = useCallback(
    (intent: Intent, saved?: Transaction) => {
      const target = intent === 'next' ? STEPS[index + 1] : intent === 'back' ? STEPS[index - 1] : step;
      const targetId = saved?.id ?? id;
      if (saved) setRecord(saved);
      if (targetId && target && (target !== step || !id)) navigate(stepPath(targetId, target), { replace: !id });
    },
    [id, index, step, navigate, setRecord],
  );

  const persist = useCallback(
    async (body: Record<string, unknown>): Promise<Transaction | ApiFailure> => {
      try {
        if (!record) return await api<Transaction>('', { method: 'POST', body: { type, region, ...body } });
        return await api<Transaction>(`/${encodeURIComponent(record.id)}`, { method: 'PATCH', body: { ...body, version: record.version } });
      } catch (error) {
        return toFailure(error);
      }
    },
    [api, record, type, region],
  );

  const wizard: WizardControls = { record, persist, move, setRecord, isFirst: index === 0 };

  const submit = async () => {
    if (!record) return;
    setPending(true);
    setRefusal(undefined);
    try {
      const submitted = await api<Transaction>(`/${encodeURIComponent(record.id)}/submit`, { method: 'POST' });
      forgetStep(record.id);
      navigate(stepPath(record.id, 'review'), { replace: true, state: { submitted: true } });
      setRecord(submitted);
    } catch (error) {
      setRefusal(toFailure(error));
      refetch();
    } finally {
      setPending(false);
    }
  };

  const cancel = async () => {
    if (!record) {
      navigate(HOME, { state: { notice: 'The new transaction was discarded; nothing was saved.' } satisfies DashboardNotice });
      return;
    }
    setPending(true);
    try {
      await api(`/${encodeURIComponent(record.id)}/cancel`, { method: 'POST' });
      forgetStep(record.id);
      navigate(HOME, {
        state: { notice: `Transaction ${transactionId(record)} (${record.group.name ?? PARTNER_TYPE_LABELS[record.type]}) was cancelled and withdrawn.` } satisfies DashboardNotice,
      });
    } catch (error) {
      notify(toFailure(error).message, { type: 'error' });
      setDialog(null);
    } finally {
      setPending(false);
    }
  };

  const mayCancel = !record || ability.can('cancel', partnerSubject(record, user));
  const returned = record ? isReturned(record) : false;
  const fileStep = (onIntent: (intent: Intent) => void) => (
    <StepButtons onIntent={onIntent} canGoBack={index > 0} pending={pending} nextLabel={step === 'review' ? (returned ? 'Resubmit' : 'Submit') : 'Next'} />
  );
  const onFileIntent = (intent: Intent) => {
    if (intent === 'save') notify('Saved: uploads are kept as soon as they are checked.', { type: 'success' });
    else if (intent === 'next' && step === 'review') void submit();
    else move(intent);
  };

  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 3, maxWidth: 1100 }}>
      <Title title={label} />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { md: 'center' } }}>
        <Box>
          <Typography variant="h5" component="h1">
            {label}
            {record?.group.name ? `: ${record.group.name}` : ''}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            Step {index + 1} of {STEPS.length}: {STEP_LABELS[step]}
          </Typography>
        </Box>
        {record && returned && <PartnerStatusChip status={record.partnerStatus} />}
        <Stack direction="row" spacing={1} role="group" aria-label="Transaction">
          <Button variant="outlined" onClick={() => setDialog('close')}>
            Close
          </Button>
          {mayCancel && (
            <Button variant="outlined" onClick={() => setDialog('cancel')}>
              Cancel transaction
            </Button>
          )}
        </Stack>
      </Stack>
      <Stepper activeStep={index} alternativeLabel aria-label="Steps" component="ol" sx={{ listStyle: 'none', p: 0 }}>
        {STEPS.map((s) => (
          <MuiStep key={s} component="li" completed={STEPS.indexOf(s) < index} aria-current={s === step ? 'step' : undefined}>
            <StepLabel>{STEP_LABELS[s]}</StepLabel>
          </MuiStep>
        ))}
      </Stepper>
      {record && returned && record.instructions && (
        <Alert severity="warning" component="section" role="region" aria-label="Instructions from the carrier">
          <AlertTitle>Returned by the carrier: correct, then resubmit from the review step</AlertTitle>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
            {record.instructions}
          </Typography>
        </Alert>
      )}
      <Card component="section" aria-label={STEP_LABELS[step]}>
        <CardContent>
          <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
            {STEP_LABELS[step]}
          </Typography>
          {step === 'group' && <GroupStep wizard={wizard} type={type} region={region} contact={contact} />}
          {step === 'plans' && <PlansStep wizard={wizard} />}
          {step === 'census' && record && (
            <Stack spacing={2}>
              <CensusStep record={record} onChanged={refetch} />
              {fileStep(onFileIntent)}
            </Stack>
          )}
          {step === 'documents' && record && (
            <Stack spacing={2}>
              <DocumentsStep record={record} onChanged={refetch} />
              {fileStep(onFileIntent)}
            </Stack>
          )}
          {step === 'review' && record && (
            <Stack spacing={2}>
              <ReviewStep record={record} contact={contact} refusal={refusal} />
              {fileStep(onFileIntent)}
            </Stack>
          )}
        </CardContent>
      </Card>
      <ConfirmDialog
        open={dialog === 'close'}
        title="Close this transaction?"
        text={
          record
            ? `You go back to the dashboard. What you changed on this step since you last saved is not saved; the rest stays as saved, and the transaction stays ${returned ? 'Action required until you resubmit it' : 'Open'}.`
            : 'You go back to the dashboard, and nothing of this new transaction is saved.'
        }
        cancelLabel="Keep working"
        confirmLabel="Close without saving"
        onClose={() => setDialog(null)}
        onConfirm={() => navigate(HOME)}
      />
      <ConfirmDialog
        open={dialog === 'cancel'}
        title="Cancel this transaction?"
        text={
          record
            ? 'The transaction is withdrawn and leaves your list of transactions. This cannot be undone.'
            : 'Nothing of this new transaction is saved.'
        }
        cancelLabel="No, keep it"
        confirmLabel="Yes, cancel it"
        pending={pending}
        onClose={() => setDialog(null)}
        onConfirm={() => void cancel()}
      />
    </Stack>
  );
}

/** A transaction that is no longer Open, read-only; right after a submit, the confirmation. */
function TransactionView({ record, submitted }: { record: Transaction; submitted: boolean }) {
  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 3, maxWidth: 1100 }}>
      <Title title={`${PARTNER_TYPE_LABELS[record.type]} ${transactionId(record)}`} />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1">
          {PARTNER_TYPE_LABELS[record.type]} {transactionId(record)}
          {record.group.name ? `: ${record.group.name}` : ''}
        </Typography>
        <PartnerStatusChip status={record.partnerStatus} />
      </Stack>
      {submitted && (
        <Alert severity="success" role="status">
          <AlertTitle>Submitted</AlertTitle>
          Transaction {transactionId(record)} was submitted and is now Pending KP review. Complete submissions are usually approved
          within 1 to 3 business days; a confirmation email is on its way, and you can follow its status on your dashboard.
        </Alert>
      )}
      {record.partnerStatus === 'ACTION_REQUIRED' && record.instructions && (
        <Alert severity="warning">
          <AlertTitle>Action required</AlertTitle>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
            {record.instructions}
          </Typography>
        </Alert>
      )}
      <Section title="Summary">
        <TransactionSummary record={record} />
      </Section>
      <Box>
        <Button component={Link} to={HOME} variant="contained">
          Back to the dashboard
        </Button>
      </Box>
    </Stack>
  );
}

/** `#/partner/submissions/:id/step/:step`: an Open transaction in the wizard, anything else read-only. */
export function TransactionWizard() {
  const { id, '*': rest = '' } = useParams<{ id: string; '*': string }>();
  const location = useLocation();
  const { record, setRecord, failure, refetch } = useTransaction(id);
  const [uploaded, setUploaded] = useState(false);
  const match = /^step\/([a-z]+)$/.exec(rest);
  const step = match?.[1];
  if (!id) return null;
  if (rest === 'action') {
    if (failure && !record) return <NotFound failure={failure} />;
    if (!record || record.id !== id) return <LinearProgress sx={{ mt: 2 }} aria-label="Loading the transaction" />;
    const onChanged = () => {
      setUploaded(true);
      refetch();
    };
    return <ActionRequiredScreen record={record} onChanged={onChanged} sentBack={uploaded} />;
  }
  if (!isStep(step)) return <Navigate to={stepPath(id, rememberedStep(id))} replace />;
  if (failure && !record) return <NotFound failure={failure} />;
  if (!record || record.id !== id) return <LinearProgress sx={{ mt: 2 }} aria-label="Loading the transaction" />;
  if (record.partnerStatus !== 'OPEN' && !isReturned(record)) {
    return <TransactionView record={record} submitted={Boolean((location.state as { submitted?: boolean } | null)?.submitted)} />;
  }
  return <WizardFrame record={record} type={record.type} step={step} setRecord={setRecord} refetch={refetch} />;
}

/** `#/partner/submissions/create?type=NEW_GROUP`: the first step of a new transaction, created on its first save. */
export function NewTransaction() {
  const location = useLocation();
  const requested = new URLSearchParams(location.search).get('type');
  const type: SubmissionType = (SUBMISSION_TYPES as readonly string[]).includes(requested ?? '') ? (requested as SubmissionType) : 'NEW_GROUP';
  return <WizardFrame key={type} record={undefined} type={type} step="group" setRecord={() => undefined} refetch={() => undefined} />;
}

/** `#/partner/submissions/:id/show`: a transaction read-only (Completed ones open here from the dashboard). */
export function TransactionShow() {
  const { id } = useParams<{ id: string }>();
  const { record, failure } = useTransaction(id);
  if (failure && !record) return <NotFound failure={failure} />;
  if (!record) return <LinearProgress sx={{ mt: 2 }} aria-label="Loading the transaction" />;
  return <TransactionView record={record} submitted={false} />;
}
