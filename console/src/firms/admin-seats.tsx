import { Box, LinearProgress, Stack, Typography } from '@mui/material';
import type { FirmRecord } from '@sbo/shared';
import { takenAdminSeats } from './firm-types';

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

interface AdminSeatsProps {
  firm: FirmRecord;
  /** One line for a list cell; otherwise the meter with an explanation. */
  dense?: boolean;
}

/**
 * "3 of 4 administrators" with a meter for a General Agency (open administrator invitations hold a
 * seat too); a broker agency has no cap, so only its count.
 */
export function AdminSeats({ firm, dense = false }: AdminSeatsProps) {
  const { adminCap: cap, activeAdminCount: active, pendingAdminInvitationCount: pending } = firm;
  if (cap === null) {
    return (
      <Typography variant="body2">
        {plural(active, 'administrator')}
        {!dense && (
          <Typography component="span" variant="body2" color="text.secondary">
            {' '}
            · no cap for a broker agency
          </Typography>
        )}
      </Typography>
    );
  }
  const taken = takenAdminSeats(firm);
  const full = taken >= cap;
  const label = `${active} of ${cap} administrators`;
  return (
    <Stack spacing={0.5} sx={{ minWidth: dense ? 110 : 220, maxWidth: 360 }}>
      <Typography variant="body2" sx={{ fontWeight: full && !dense ? 600 : undefined }}>
        {dense ? `${active} of ${cap}` : label}
        {pending > 0 && (
          <Typography component="span" variant="body2" color="text.secondary">
            {` + ${plural(pending, 'invitation')}`}
          </Typography>
        )}
      </Typography>
      <Box>
        <LinearProgress
          variant="determinate"
          value={Math.min(100, (taken / cap) * 100)}
          color={full ? 'warning' : 'primary'}
          aria-label={`${label}${pending ? `, ${plural(pending, 'seat')} held by open invitations` : ''}`}
          sx={{ height: dense ? 4 : 8, borderRadius: 4 }}
        />
      </Box>
      {!dense && (
        <Typography variant="caption" color="text.secondary">
          {full
            ? `Cap reached: a General Agency has at most ${cap} administrators, counting open invitations.`
            : `${plural(cap - taken, 'seat')} free of ${cap}${pending ? ' (open administrator invitations hold a seat)' : ''}.`}
        </Typography>
      )}
    </Stack>
  );
}
