import { Alert, DialogContentText, Typography } from '@mui/material';
import { FormDataConsumer, minLength, required, SelectInput, TextInput } from 'react-admin';
import { ActionDialog } from '../common/action-dialog';
import { useApiAction } from '../common/use-api-action';
import type { FirmDetail, FirmUserRecord } from '@sbo/shared';

interface DepartAdminDialogProps {
  firm: FirmDetail;
  admin: FirmUserRecord | null;
  onClose: () => void;
}

const validateReason = [required(), minLength(3, 'Say why, in a few words')];

/**
 * Deactivates a departed administrator and, optionally, promotes an active delegate into the seat
 * just freed, in one change. Delegates keep their access whoever granted them.
 */
export function DepartAdminDialog({ firm, admin, onClose }: DepartAdminDialogProps) {
  const { run, pending } = useApiAction();
  const candidates = firm.users.filter((user) => user.active && user.role === 'DELEGATE');
  return (
    <ActionDialog
      open={admin !== null}
      onClose={onClose}
      title={`Depart ${admin?.name ?? ''}`}
      submitLabel="Depart administrator"
      color="warning"
      pending={pending}
      defaultValues={{ reason: '', replacementUserId: '' }}
      onSubmit={({ reason, replacementUserId }) => {
        const replacement = candidates.find((user) => user.id === replacementUserId);
        return run(
          `/firms/${firm.id}/admins/${admin!.id}/depart`,
          { reason, replacementUserId: replacement?.id, version: firm.version },
          replacement
            ? `${admin!.name} departed; ${replacement.name} is now an administrator.`
            : `${admin!.name} departed.`,
        );
      }}
    >
      <DialogContentText>
        {admin?.name} can no longer log in, and their open sessions end at once. Every delegate of {firm.name} keeps their
        access, whoever granted it.
      </DialogContentText>
      <TextInput source="reason" label="Reason" validate={validateReason} multiline minRows={2} autoFocus />
      <SelectInput
        source="replacementUserId"
        label="Replacement administrator"
        choices={candidates.map((user) => ({ id: user.id, name: `${user.name} (${user.email})` }))}
        emptyText="No replacement now"
        helperText={
          candidates.length
            ? 'An active delegate of the firm, promoted into the seat this departure frees.'
            : 'No active delegate to promote: invite a new administrator afterwards.'
        }
        disabled={!candidates.length}
      />
      <FormDataConsumer>
        {({ formData }) => {
          const after = firm.activeAdminCount - 1 + (formData.replacementUserId ? 1 : 0);
          return (
            <>
              <Typography variant="body2">
                After this change: {after}
                {firm.adminCap === null ? ` administrator${after === 1 ? '' : 's'}` : ` of ${firm.adminCap} administrators`}.
              </Typography>
              {after === 0 && (
                <Alert severity="warning">
                  {firm.name} will have no active administrator and is flagged until one is named.
                </Alert>
              )}
            </>
          );
        }}
      </FormDataConsumer>
    </ActionDialog>
  );
}
