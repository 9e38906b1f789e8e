import PersonAddIcon from '@mui/icons-material/PersonAdd';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Chip,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import {
  asSubject,
  FIRM_ROLES,
  type FirmDetail,
  type FirmRole,
  type FirmUserRecord,
  type InvitationRecord,
  REGION_NAMES,
} from '@sbo/shared';
import { type ReactNode, useState } from 'react';
import { DateField, RecordContextProvider, Show, useRecordContext } from 'react-admin';
import { useAbility } from '../auth/ability';
import { FIRM_KIND_LABELS, FIRM_ROLE_LABELS } from '../common/choices';
import { AdminSeats } from './admin-seats';
import { DepartAdminDialog } from './depart-admin-dialog';
import { InviteDialog } from './invite-dialog';
import { NeedsAdminChip } from './needs-admin-chip';
import { PromoteAdminDialog } from './promote-admin-dialog';

/** What this user may do to this firm, from the same CASL rules the API enforces. */
function useFirmPermissions(firm: FirmDetail | undefined) {
  const ability = useAbility();
  if (!firm) return { promote: false, depart: false, inviteRoles: [] as FirmRole[] };
  const subject = asSubject('Firm', { id: firm.id, region: firm.region, kind: firm.kind });
  return {
    promote: ability.can('promoteAdmin', subject),
    depart: ability.can('departAdmin', subject),
    inviteRoles: FIRM_ROLES.filter((role) => ability.can('invite', asSubject('FirmUser', { firmId: firm.id, role }))),
  };
}

export const FirmShow = () => (
  <Show<FirmDetail> component="div" actions={false}>
    <FirmView />
  </Show>
);

type Dialog = { kind: 'promote' | 'depart'; user: FirmUserRecord } | { kind: 'invite' } | null;

function FirmView() {
  const firm = useRecordContext<FirmDetail>();
  const can = useFirmPermissions(firm);
  const [dialog, setDialog] = useState<Dialog>(null);
  // react-admin first shows the row the list cached, which lacks users: wait for the detail.
  if (!firm?.users) return <LinearProgress sx={{ mt: 2 }} aria-label="Loading the firm" />;

  const usersById = new Map(firm.users.map((user) => [user.id, user]));
  const admins = firm.users.filter((user) => user.role === 'ADMIN');
  const delegates = firm.users.filter((user) => user.role === 'DELEGATE');
  const close = () => setDialog(null);

  return (
    <Stack spacing={2} sx={{ mt: 1, mb: 3 }}>
      <Card>
        <CardContent>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ justifyContent: 'space-between' }}>
            <Box>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
                <Typography variant="h5" component="h1">
                  {firm.name}
                </Typography>
                {firm.needsAdmin && <NeedsAdminChip />}
              </Stack>
              <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                {FIRM_KIND_LABELS[firm.kind]} · {REGION_NAMES[firm.region]} ({firm.region}) · Tax ID {firm.taxId}
              </Typography>
            </Box>
            <Stack spacing={1} sx={{ alignItems: { md: 'flex-end' } }}>
              <AdminSeats firm={firm} />
              {can.inviteRoles.length > 0 && (
                <Box>
                  <Button variant="outlined" startIcon={<PersonAddIcon />} onClick={() => setDialog({ kind: 'invite' })}>
                    {can.inviteRoles.includes('ADMIN') ? 'Invite' : 'Invite a delegate'}
                  </Button>
                </Box>
              )}
            </Stack>
          </Stack>
        </CardContent>
      </Card>

      {firm.needsAdmin && (
        <Alert severity="warning">
          {firm.name} has no active administrator.{' '}
          {can.promote
            ? 'Promote one of its delegates below, or invite a new administrator.'
            : 'GA support names a new one.'}
        </Alert>
      )}

      <UsersCard
        title="Administrators"
        users={admins}
        usersById={usersById}
        action={(user) =>
          can.depart && user.active ? (
            <Button size="small" onClick={() => setDialog({ kind: 'depart', user })}>
              Depart…
            </Button>
          ) : null
        }
      />
      <UsersCard
        title="Delegates"
        users={delegates}
        usersById={usersById}
        action={(user) =>
          can.promote && user.active ? (
            <Button size="small" onClick={() => setDialog({ kind: 'promote', user })}>
              Promote to administrator
            </Button>
          ) : null
        }
      />
      <InvitationsCard invitations={firm.invitations} usersById={usersById} />

      <PromoteAdminDialog firm={firm} user={dialog?.kind === 'promote' ? dialog.user : null} onClose={close} />
      <DepartAdminDialog firm={firm} admin={dialog?.kind === 'depart' ? dialog.user : null} onClose={close} />
      <InviteDialog firm={firm} roles={can.inviteRoles} open={dialog?.kind === 'invite'} onClose={close} />
    </Stack>
  );
}

const Status = ({ user }: { user: FirmUserRecord }) =>
  user.active ? (
    <Chip label="Active" color="success" size="small" variant="outlined" />
  ) : (
    <Tooltip title={user.deactivatedAt ? `Deactivated ${new Date(user.deactivatedAt).toLocaleDateString()}` : 'Deactivated'}>
      <Chip label={user.role === 'ADMIN' ? 'Departed' : 'Inactive'} size="small" />
    </Tooltip>
  );

/**
 * Who granted this user access. Delegates belong to the firm: one granted by an administrator who
 * has since left keeps their access, which the chip says outright.
 */
function GrantedBy({ user, usersById }: { user: FirmUserRecord; usersById: Map<string, FirmUserRecord> }) {
  if (!user.grantedById) return <Typography variant="body2" color="text.secondary">—</Typography>;
  const granter = usersById.get(user.grantedById);
  if (!granter) return <Typography variant="body2">Carrier staff</Typography>;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Typography variant="body2">
        {granter.name}
        {!granter.active && ' (departed)'}
      </Typography>
      {!granter.active && user.active && user.role === 'DELEGATE' && (
        <Tooltip title={`${granter.name} has left. Delegates belong to the firm, not to who granted them, so ${user.name} keeps access.`}>
          <Chip label="access kept" size="small" color="info" variant="outlined" />
        </Tooltip>
      )}
    </Stack>
  );
}

interface UsersCardProps {
  title: string;
  users: FirmUserRecord[];
  usersById: Map<string, FirmUserRecord>;
  action: (user: FirmUserRecord) => ReactNode;
}

function UsersCard({ title, users, usersById, action }: UsersCardProps) {
  const headingId = `firm-${title.toLowerCase()}`;
  return (
    <Card>
      <CardHeader title={title} id={headingId} slotProps={{ title: { variant: 'h6', component: 'h2' } }} />
      {users.length === 0 ? (
        <CardContent>
          <Typography variant="body2" color="text.secondary">
            None.
          </Typography>
        </CardContent>
      ) : (
        <Table size="small" aria-labelledby={headingId}>
          <TableHead>
            <TableRow>
              <TableCell>Name</TableCell>
              <TableCell>Email</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Granted by</TableCell>
              <TableCell align="right" aria-label="Actions" />
            </TableRow>
          </TableHead>
          <TableBody>
            {users.map((user) => (
              <TableRow key={user.id} sx={user.active ? undefined : { '& td': { color: 'text.secondary' } }}>
                <TableCell>{user.name}</TableCell>
                <TableCell>{user.email}</TableCell>
                <TableCell>
                  <Status user={user} />
                </TableCell>
                <TableCell>
                  <GrantedBy user={user} usersById={usersById} />
                </TableCell>
                <TableCell align="right">{action(user)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}

function InvitationsCard({ invitations, usersById }: { invitations: InvitationRecord[]; usersById: Map<string, FirmUserRecord> }) {
  return (
    <Card>
      <CardHeader title="Open invitations" id="firm-invitations" slotProps={{ title: { variant: 'h6', component: 'h2' } }} />
      {invitations.length === 0 ? (
        <CardContent>
          <Typography variant="body2" color="text.secondary">
            None.
          </Typography>
        </CardContent>
      ) : (
        <Table size="small" aria-labelledby="firm-invitations">
          <TableHead>
            <TableRow>
              <TableCell>Name</TableCell>
              <TableCell>Email</TableCell>
              <TableCell>Role</TableCell>
              <TableCell>Invited by</TableCell>
              <TableCell>Sent</TableCell>
              <TableCell>Expires</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {invitations.map((invitation) => (
              <RecordContextProvider key={invitation.id} value={invitation}>
                <TableRow>
                  <TableCell>{invitation.name}</TableCell>
                  <TableCell>{invitation.email}</TableCell>
                  <TableCell>{FIRM_ROLE_LABELS[invitation.role]}</TableCell>
                  <TableCell>
                    {(invitation.invitedById && usersById.get(invitation.invitedById)?.name) ?? 'Carrier staff'}
                  </TableCell>
                  <TableCell>
                    <DateField source="createdAt" showTime />
                  </TableCell>
                  <TableCell>
                    <DateField source="expiresAt" showTime />
                  </TableCell>
                </TableRow>
              </RecordContextProvider>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
