import { Alert, AlertTitle, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, type Theme } from '@mui/material';
import { type ReactNode, useId, useRef, useState } from 'react';
import { Form, useNotify } from 'react-admin';
import { type ApiFailure, type Transaction, toFailure, usePartnerApi } from './api';
import { StepButtons, type Intent } from './step-buttons';

export interface WizardControls {
  record: Transaction | undefined;
  /** PATCH (with the version read) or, for a new transaction, POST. */
  persist: (body: Record<string, unknown>) => Promise<Transaction | ApiFailure>;
  /** After a save: stay (`save`) or move one step. */
  move: (intent: Intent, saved?: Transaction) => void;
  setRecord: (record: Transaction) => void;
  isFirst: boolean;
}

/** The theme's error red is too light for text on white (3.6:1): labels and messages of a refused field use its dark shade. */
const ERROR_TEXT = {
  '& .MuiFormLabel-root.Mui-error, & .MuiFormHelperText-root.Mui-error': {
    color: (theme: Theme) => (theme.palette.mode === 'dark' ? theme.palette.error.light : theme.palette.error.dark),
  },
};

const isFailure = (value: Transaction | ApiFailure): value is ApiFailure => 'status' in value && !('id' in value);

/**
 * A wizard step that is a form: Save, Back and Next save it first (Back and Next skip the call when
 * nothing changed), then move. A 400 puts each message beside its field; a 409 keeps every typed value
 * on the screen and asks whether to save them over the newer version or load it.
 */
export function FormStep<V extends Record<string, unknown>>({
  wizard,
  values,
  toBody,
  children,
}: {
  wizard: WizardControls;
  values: V;
  toBody: (values: V) => Record<string, unknown>;
  children: ReactNode;
}) {
  const intent = useRef<Intent>('save');
  const notify = useNotify();
  const [failure, setFailure] = useState<ApiFailure>();
  const [conflict, setConflict] = useState<{ body: Record<string, unknown>; intent: Intent } | null>(null);

  const onSubmit = async (submitted: Record<string, unknown>) => {
    const which = intent.current;
    intent.current = 'save';
    const body = toBody(submitted as V);
    if (which !== 'save' && wizard.record && JSON.stringify(body) === JSON.stringify(toBody(values))) {
      wizard.move(which);
      return undefined;
    }
    const result = await wizard.persist(body);
    if (isFailure(result)) {
      setFailure(result);
      if (result.status === 409) setConflict({ body, intent: which });
      return result.errors;
    }
    setFailure(undefined);
    notify('Saved', { type: 'success' });
    wizard.move(which, result);
    return undefined;
  };

  return (
    <Form record={values} onSubmit={onSubmit} disableInvalidFormNotification>
      <Stack spacing={2} sx={ERROR_TEXT}>
        {failure && failure.status !== 409 && (
          <Alert severity="error" role="alert">
            <AlertTitle>Not saved</AlertTitle>
            {failure.status === 400 ? 'Some fields need a correction: each one says what to fix. What you typed is kept.' : failure.message}
          </Alert>
        )}
        {children}
        <StepButtons submit onIntent={(i) => (intent.current = i)} canGoBack={!wizard.isFirst} />
      </Stack>
      {conflict && wizard.record && (
        <ConflictDialog
          id={wizard.record.id}
          body={conflict.body}
          message={failure?.message}
          onSaved={(saved) => {
            setConflict(null);
            setFailure(undefined);
            wizard.setRecord(saved);
            notify('Saved over the newer version', { type: 'success' });
          }}
          onLoaded={(current) => {
            setConflict(null);
            setFailure(undefined);
            wizard.setRecord(current);
          }}
          onClose={() => setConflict(null)}
        />
      )}
    </Form>
  );
}

/** 409 VERSION_CONFLICT: someone saved this transaction since it was opened. Nothing typed is lost. */
function ConflictDialog({
  id,
  body,
  message,
  onSaved,
  onLoaded,
  onClose,
}: {
  id: string;
  body: Record<string, unknown>;
  message?: string;
  onSaved: (saved: Transaction) => void;
  onLoaded: (current: Transaction) => void;
  onClose: () => void;
}) {
  const titleId = useId();
  const api = usePartnerApi();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const path = `/${encodeURIComponent(id)}`;

  const keepMine = async () => {
    setPending(true);
    try {
      const current = await api<Transaction>(path);
      onSaved(await api<Transaction>(path, { method: 'PATCH', body: { ...body, version: current.version } }));
    } catch (e) {
      setError(toFailure(e).message);
    } finally {
      setPending(false);
    }
  };
  const loadTheirs = async () => {
    setPending(true);
    try {
      onLoaded(await api<Transaction>(path));
    } catch (e) {
      setError(toFailure(e).message);
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId}>
      <DialogTitle id={titleId}>This transaction was changed elsewhere</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {message ? `${message} ` : ''}Someone (you in another tab, or a colleague of your firm) saved it after you opened it, so
          your changes were not saved. They are still on the screen: save them over the newer version, or load the newer version
          instead.
        </DialogContentText>
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={pending}>
          Back to my changes
        </Button>
        <Button onClick={loadTheirs} disabled={pending}>
          Load the newer version
        </Button>
        <Button variant="contained" onClick={keepMine} disabled={pending} autoFocus>
          Save my changes over it
        </Button>
      </DialogActions>
    </Dialog>
  );
}
