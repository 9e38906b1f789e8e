import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { Chip } from '@mui/material';

/** The flag on a firm left with no active administrator, until GA support names one. */
export const NeedsAdminChip = () => (
  <Chip icon={<WarningAmberIcon />} label="Needs administrator" color="warning" size="small" variant="outlined" />
);
