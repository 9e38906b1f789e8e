import { Box, Chip } from '@mui/material';
import type { PartnerStatus } from '@sbo/shared';
import { PARTNER_STATUS_COLORS, PARTNER_STATUS_LABELS } from './labels';

/** The broker dashboard's status: a coloured dot and the status in the theme's text colour (readable in both themes). */
export const PartnerStatusChip = ({ status }: { status: PartnerStatus | null }) =>
  status ? (
    <Chip
      size="small"
      variant="outlined"
      icon={<Box component="span" aria-hidden sx={{ width: 8, height: 8, borderRadius: '50%', bgcolor: `${PARTNER_STATUS_COLORS[status]}.main`, ml: 1 }} />}
      label={PARTNER_STATUS_LABELS[status]}
      sx={{ borderColor: `${PARTNER_STATUS_COLORS[status]}.main`, color: 'text.primary' }}
    />
  ) : null;
