import { Chip } from '@mui/material';
import type { RegistrationStatus } from '@sbo/shared';
import { STATUS_COLORS, STATUS_LABELS } from './registration-types';

export const RegistrationStatusChip = ({ status }: { status: RegistrationStatus }) => (
  <Chip label={STATUS_LABELS[status]} color={STATUS_COLORS[status]} size="small" variant="outlined" />
);
