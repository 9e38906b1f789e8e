import { DialogContentText } from '@mui/material';
import type { FirmDetail, FirmRole } from '@sbo/shared';
import { email, RadioButtonGroupInput, required, TextInput } from 'react-admin';
import { ActionDialog } from '../common/action-dialog';
import { FIRM_ROLE_LABELS } from '../common/choices';
import { useApiAction } from '../common/use-api-action';
import { hasFreeAdminSeat } from './firm-types';

interface InviteDialogProps {
  firm: FirmDetail;
  /** The roles this user may invite to this firm (CASL): GA support both, a firm's administrator delegates only. */
  roles: FirmRole[];
  open: boolean;
  onClose: () => void;
}

/** Invites a new administrator or delegate by email: a single-use link to set a password, valid 7 days. */
export function InviteDialog({ firm, roles, open, onClose }: InviteDialogProps) {
  const { run, pending } = useApiAction();
  const adminSeatFree = hasFreeAdminSeat(firm);
  const choices = roles.map((role) => ({
    id: role,
    name: role === 'ADMIN' && !adminSeatFree ? `${FIRM_ROLE_LABELS[role]} (cap of ${firm.adminCap} reached)` : FIRM_ROLE_LABELS[role],
    disabled: role === 'ADMIN' && !adminSeatFree,
  }));
  const defaultRole: FirmRole = firm.needsAdmin && roles.includes('ADMIN') && adminSeatFree ? 'ADMIN' : 'DELEGATE';
  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      title={`Invite someone to ${firm.name}`}
      submitLabel="Send invitation"
      pending={pending}
      defaultValues={{ name: '', email: '', role: roles.includes(defaultRole) ? defaultRole : roles[0] }}
      onSubmit={(values) =>
        run(
          `/firms/${firm.id}/invitations`,
          { name: values.name, email: values.email, role: values.role },
          `Invitation sent to ${values.email}.`,
        )
      }
    >
      <DialogContentText>
        They receive an email with a link to set their password. The link works once and expires in 7 days.
        {roles.includes('ADMIN') && ' An administrator invitation holds one of the seats under the cap until it is accepted or expires.'}
      </DialogContentText>
      <TextInput source="name" validate={required()} autoFocus />
      <TextInput source="email" type="email" validate={[required(), email()]} />
      {roles.length > 1 && <RadioButtonGroupInput source="role" label="Role in the firm" choices={choices} row />}
    </ActionDialog>
  );
}
