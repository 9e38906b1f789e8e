import { Alert, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { type ReactNode, useId, useState } from 'react';
import { Form } from 'react-admin';
import type { ActionResult } from './use-api-action';

// react-admin's forms hand over plain field values; each dialog knows its own fields.
export type FormValues = Record<string, any>;

export interface ActionDialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  submitLabel: string;
  /** Explanations and inputs (react-admin inputs, named as the API's fields so its errors land beside them). */
  children?: ReactNode;
  defaultValues?: FormValues;
  onSubmit: (values: FormValues) => Promise<ActionResult>;
  pending: boolean;
  /** The action cannot go ahead as things stand (the dialog says why). */
  blocked?: boolean;
  color?: 'primary' | 'error' | 'warning';
}

/**
 * A dialog that runs one action: Enter submits, Escape cancels, the first input has the focus.
 * The API's message stays in the dialog (the user is looking there), field errors beside their
 * input; the dialog closes only on success.
 */
export function ActionDialog({ open, onClose, title, ...props }: ActionDialogProps) {
  const titleId = useId();
  return (
    <Dialog open={open} onClose={props.pending ? undefined : onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId}>{title}</DialogTitle>
      {/* Mounted only while open: every opening starts from a clean form. */}
      <ActionForm onClose={onClose} {...props} />
    </Dialog>
  );
}

const NO_RECORD = {};

function ActionForm({
  onClose,
  submitLabel,
  children,
  defaultValues,
  onSubmit,
  pending,
  blocked = false,
  color = 'primary',
}: Omit<ActionDialogProps, 'open' | 'title'>) {
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(values: FormValues) {
    setFailure(null);
    const result = await onSubmit(values);
    if (result.ok) {
      onClose();
      return undefined;
    }
    setFailure(result.message);
    return result.errors;
  }

  return (
    // An empty record: the dialog's fields must not start from the record on screen (a firm has a `name` too).
    <Form record={NO_RECORD} defaultValues={defaultValues} onSubmit={submit} noValidate>
      <DialogContent sx={{ pt: 0 }}>
        <Stack spacing={2}>
          {failure && (
            <Alert severity="error" role="alert">
              {failure}
            </Alert>
          )}
          {children}
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={pending}>
          Cancel
        </Button>
        <Button
          type="submit"
          variant="contained"
          color={color}
          disabled={pending || blocked}
          startIcon={pending ? <CircularProgress size={16} color="inherit" /> : undefined}
        >
          {submitLabel}
        </Button>
      </DialogActions>
    </Form>
  );
}
