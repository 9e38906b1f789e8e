import { Alert, Box, Button, Card, CardContent, CardHeader, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { asSubject, REGION_NAMES, type RegistrationAction, type RegistrationDetail } from '@sbo/shared';
import { useState } from 'react';
import { DateField, Link, Show, useCreatePath, useRecordContext } from 'react-admin';
import { useAbility } from '../auth/ability';
import { FIRM_KIND_LABELS, FIRM_ROLE_LABELS } from '../common/choices';
import { Detail, Details } from '../common/details';
import { ApproveDialog } from './approve-dialog';
import { DecisionDialog } from './decision-dialog';
import { RegistrationStatusChip } from './registration-status-chip';

const ACTION_BUTTONS: Record<RegistrationAction, { label: string; variant: 'contained' | 'outlined'; color: 'primary' | 'error' }> = {
  approve: { label: 'Approve…', variant: 'contained', color: 'primary' },
  reject: { label: 'Reject…', variant: 'outlined', color: 'error' },
  lock: { label: 'Lock…', variant: 'outlined', color: 'primary' },
  unlock: { label: 'Unlock…', variant: 'contained', color: 'primary' },
  reinvite: { label: 'Re-invite…', variant: 'outlined', color: 'primary' },
  deactivate: { label: 'Deactivate…', variant: 'outlined', color: 'error' },
};

export const RegistrationShow = () => (
  <Show<RegistrationDetail> component="div" actions={false}>
    <RegistrationView />
  </Show>
);

function RegistrationView() {
  const registration = useRecordContext<RegistrationDetail>();
  const ability = useAbility();
  const [dialog, setDialog] = useState<RegistrationAction | null>(null);
  // react-admin first shows the row the list cached, which lacks the matching firm: wait for the detail.
  if (registration?.matchingFirm === undefined) return <LinearProgress sx={{ mt: 2 }} aria-label="Loading the registration" />;

  // The API lists what the status allows; CASL says whether this user decides at all.
  const mayDecide = ability.can('decide', asSubject('Registration', { id: registration.id, status: registration.status }));
  const actions = mayDecide ? registration.allowedActions : [];
  const close = () => setDialog(null);

  return (
    <Stack spacing={2} sx={{ mt: 1, mb: 3, maxWidth: 1100 }}>
      <Card>
        <CardContent>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between' }}>
            <Box>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <Typography variant="h5" component="h1">
                  {registration.name}
                </Typography>
                <RegistrationStatusChip status={registration.status} />
              </Stack>
              <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                {registration.email} · registered <DateField source="createdAt" showTime component="span" />
              </Typography>
            </Box>
            {actions.length > 0 && (
              <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }} useFlexGap>
                {actions.map((action) => (
                  <Button
                    key={action}
                    variant={ACTION_BUTTONS[action].variant}
                    color={ACTION_BUTTONS[action].color}
                    onClick={() => setDialog(action)}
                  >
                    {ACTION_BUTTONS[action].label}
                  </Button>
                ))}
              </Stack>
            )}
          </Stack>
        </CardContent>
      </Card>

      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'stretch' }}>
        <Card sx={{ flex: 1 }}>
          <CardHeader title="As registered" slotProps={{ title: { variant: 'h6', component: 'h2' } }} />
          <CardContent sx={{ pt: 0 }}>
            <Details>
              <Detail label="Firm">{registration.firmName}</Detail>
              <Detail label="Tax ID">{registration.firmTaxId}</Detail>
              <Detail label="Email">{registration.email}</Detail>
              {registration.decidedAt && (
                <Detail label="Decided">
                  <DateField source="decidedAt" showTime />
                </Detail>
              )}
              {registration.decisionReason && <Detail label="Reason">{registration.decisionReason}</Detail>}
            </Details>
          </CardContent>
        </Card>
        <MatchingFirmCard registration={registration} />
        {registration.account && (
          <Card sx={{ flex: 1 }}>
            <CardHeader title="Account" slotProps={{ title: { variant: 'h6', component: 'h2' } }} />
            <CardContent sx={{ pt: 0 }}>
              <Details>
                <Detail label="Role">{registration.account.role ? FIRM_ROLE_LABELS[registration.account.role] : '—'}</Detail>
                <Detail label="Access">
                  <Chip
                    size="small"
                    variant="outlined"
                    label={registration.account.active ? 'Active' : 'No access'}
                    color={registration.account.active ? 'success' : 'default'}
                  />
                </Detail>
              </Details>
            </CardContent>
          </Card>
        )}
      </Stack>

      <ApproveDialog registration={registration} open={dialog === 'approve'} onClose={close} />
      <DecisionDialog
        registration={registration}
        decision={dialog && dialog !== 'approve' ? dialog : null}
        onClose={close}
      />
    </Stack>
  );
}

/** What EBS verifies against: the firm approved into, or else the firm with the registered tax ID. */
function MatchingFirmCard({ registration }: { registration: RegistrationDetail }) {
  const ability = useAbility();
  const createPath = useCreatePath();
  const firm = registration.matchingFirm;
  return (
    <Card sx={{ flex: 1 }}>
      <CardHeader
        title={registration.firmId ? 'Firm' : 'Matching firm'}
        slotProps={{ title: { variant: 'h6', component: 'h2' } }}
      />
      <CardContent sx={{ pt: 0 }}>
        {firm ? (
          <Stack spacing={1.5}>
            <Details>
              <Detail label="Name">
                {ability.can('read', asSubject('Firm', { id: firm.id, region: firm.region, kind: firm.kind })) ? (
                  <Link to={createPath({ resource: 'firms', id: firm.id, type: 'show' })}>{firm.name}</Link>
                ) : (
                  firm.name
                )}
              </Detail>
              <Detail label="Tax ID">{firm.taxId}</Detail>
              <Detail label="Kind">{FIRM_KIND_LABELS[firm.kind]}</Detail>
              <Detail label="Region">
                {REGION_NAMES[firm.region]} ({firm.region})
              </Detail>
            </Details>
            {firm.taxId === registration.firmTaxId && firm.name.toLowerCase() !== registration.firmName.toLowerCase() && (
              <Alert severity="info">The tax ID matches, under another name: check it is the same firm.</Alert>
            )}
            {registration.taxIdOverrideReason && (
              <Alert severity="warning">
                Approved although the firm's tax ID is not {registration.firmTaxId}: {registration.taxIdOverrideReason}
              </Alert>
            )}
          </Stack>
        ) : (
          <Alert severity="info">No firm has tax ID {registration.firmTaxId}.</Alert>
        )}
      </CardContent>
    </Card>
  );
}
