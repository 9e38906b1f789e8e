import { Chip } from '@mui/material';
import type { ReviewState } from '@sbo/shared';
import { STATE_COLORS, STATE_LABELS } from './submission-types';

export const StateChip = ({ state }: { state: ReviewState }) => (
  <Chip size="small" variant="outlined" color={STATE_COLORS[state]} label={STATE_LABELS[state] ?? state} />
);
