import { DialogContentText } from '@mui/material';
import { minLength, required, TextInput } from 'react-admin';
import { ActionDialog } from '../common/action-dialog';
import { useApiAction } from '../common/use-api-action';
import type { RegistrationAction, RegistrationDetail } from '@sbo/shared';

type Decision = Exclude<RegistrationAction, 'approve'>;

interface DecisionCopy {
  title: (r: RegistrationDetail) => string;
  submitLabel: string;
  explanation: (r: RegistrationDetail) => string;
  done: (r: RegistrationDetail) => string;
  color: 'primary' | 'error' | 'warning';
  /** A rejection tells the partner why, so it needs a reason; the others take an optional one. */
  reasonRequired?: boolean;
}

const COPY: Record<Decision, DecisionCopy> = {
  reject: {
    title: (r) => `Reject ${r.name}`,
    submitLabel: 'Reject',
    explanation: (r) => `${r.email} is told the reason by email. They may register again later.`,
    done: (r) => `${r.name}'s registration is rejected.`,
    color: 'error',
    reasonRequired: true,
  },
  lock: {
    title: (r) => `Lock ${r.name}`,
    submitLabel: 'Lock',
    explanation: (r) => `${r.name} cannot log in until the account is unlocked. Their firm keeps its records.`,
    done: (r) => `${r.name}'s account is locked.`,
    color: 'warning',
  },
  unlock: {
    title: (r) => `Unlock ${r.name}`,
    submitLabel: 'Unlock',
    explanation: (r) => `${r.name} can log in again with their password.`,
    done: (r) => `${r.name}'s account is unlocked.`,
    color: 'primary',
  },
  reinvite: {
    title: (r) => `Re-invite ${r.name}`,
    submitLabel: 'Send invitation',
    explanation: (r) =>
      `${r.email} gets a new link to set their password, valid 7 days; earlier links stop working.` +
      (r.status === 'DEACTIVATED' ? ' This restores their access.' : ''),
    done: (r) => `A new invitation is on its way to ${r.email}.`,
    color: 'primary',
  },
  deactivate: {
    title: (r) => `Deactivate ${r.name}`,
    submitLabel: 'Deactivate',
    explanation: (r) => `${r.name}'s access ends, and their sessions with it. Only a new invitation restores it.`,
    done: (r) => `${r.name}'s account is deactivated.`,
    color: 'error',
  },
};

const validateRequiredReason = [required(), minLength(3, 'Say why, in a few words')];

interface DecisionDialogProps {
  registration: RegistrationDetail;
  decision: Decision | null;
  onClose: () => void;
}

/** Reject, lock, unlock, re-invite or deactivate, with a reason for the audit trail and the partner's email. */
export function DecisionDialog({ registration, decision, onClose }: DecisionDialogProps) {
  const { run, pending } = useApiAction();
  const copy = decision ? COPY[decision] : null;
  return (
    <ActionDialog
      open={copy !== null}
      onClose={onClose}
      title={copy?.title(registration) ?? ''}
      submitLabel={copy?.submitLabel ?? ''}
      color={copy?.color}
      pending={pending}
      defaultValues={{ reason: '' }}
      onSubmit={({ reason }) =>
        run(
          `/registrations/${registration.id}/${decision}`,
          { reason: reason?.trim() || undefined, version: registration.version },
          copy!.done(registration),
        )
      }
    >
      <DialogContentText>{copy?.explanation(registration)}</DialogContentText>
      <TextInput
        source="reason"
        label={copy?.reasonRequired ? 'Reason (sent to the partner)' : 'Reason (optional)'}
        validate={copy?.reasonRequired ? validateRequiredReason : undefined}
        multiline
        minRows={2}
        autoFocus
      />
    </ActionDialog>
  );
}
