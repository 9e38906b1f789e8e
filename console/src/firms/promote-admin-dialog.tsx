import { Alert, AlertTitle, DialogContentText } from '@mui/material';
import { TextInput } from 'react-admin';
import { ActionDialog } from '../common/action-dialog';
import { useApiAction } from '../common/use-api-action';
import { AdminSeats } from './admin-seats';
import type { FirmDetail, FirmUserRecord } from '@sbo/shared';
import { hasFreeAdminSeat } from './firm-types';

interface PromoteAdminDialogProps {
  firm: FirmDetail;
  user: FirmUserRecord | null;
  onClose: () => void;
}

/**
 * Makes an active delegate an administrator. A General Agency at its cap cannot take one more:
 * the dialog says so and points to departing an administrator with this person as replacement.
 * (Should the screen be stale, the API's ADMIN_CAP_REACHED answer shows in the dialog instead.)
 */
export function PromoteAdminDialog({ firm, user, onClose }: PromoteAdminDialogProps) {
  const { run, pending } = useApiAction();
  const capReached = !hasFreeAdminSeat(firm);
  return (
    <ActionDialog
      open={user !== null}
      onClose={onClose}
      title={`Promote ${user?.name ?? ''} to administrator`}
      submitLabel="Promote"
      pending={pending}
      blocked={capReached}
      defaultValues={{ reason: '' }}
      onSubmit={({ reason }) =>
        run(
          `/firms/${firm.id}/admins`,
          { userId: user!.id, reason: reason || undefined, version: firm.version },
          `${user!.name} is now an administrator of ${firm.name}.`,
        )
      }
    >
      {capReached ? (
        <Alert severity="warning">
          <AlertTitle>Administrator cap reached</AlertTitle>
          {firm.name} already has {firm.adminCap} administrators, counting open invitations to become one. Depart an
          administrator first (you can name {user?.name} as the replacement), or keep {user?.name} as a delegate.
        </Alert>
      ) : (
        <DialogContentText>
          {user?.name} ({user?.email}) becomes an administrator of {firm.name} and is told by email. Their password does not
          change.
        </DialogContentText>
      )}
      <AdminSeats firm={firm} />
      {!capReached && <TextInput source="reason" label="Reason (for the audit trail)" multiline minRows={2} autoFocus />}
    </ActionDialog>
  );
}
