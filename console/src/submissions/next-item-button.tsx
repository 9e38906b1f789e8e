import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { Button, MenuItem, Stack, TextField } from '@mui/material';
import { type Region, REGION_NAMES, type SessionUser, type StaffSubmissionRecord } from '@sbo/shared';
import { useState } from 'react';
import { useCreatePath, useDataProvider, useNotify, usePermissions, useRedirect } from 'react-admin';
import { errorMessage } from '../common/api-error';
import type { AppDataProvider } from '../data/data-provider';

/**
 * Claims the oldest-due unassigned submission of the person's regions (`POST /api/queue/next`) and
 * opens it. Two reps asking at once never get the same one: the API decides.
 */
export function NextItemButton({ size = 'medium' }: { size?: 'small' | 'medium' | 'large' }) {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const createPath = useCreatePath();
  const { permissions: user } = usePermissions<SessionUser>();
  const [region, setRegion] = useState<Region | ''>('');
  const [pending, setPending] = useState(false);
  const regions = user?.regions ?? [];

  async function next() {
    setPending(true);
    try {
      const claimed = await dataProvider.apiFetch<StaffSubmissionRecord | undefined>('/queue/next', {
        method: 'POST',
        body: region ? { region } : {},
      });
      if (!claimed) {
        notify(region ? `The ${REGION_NAMES[region]} queue is empty.` : 'The queue is empty: nothing waits unassigned.', { type: 'info' });
        return;
      }
      notify(`You hold ${claimed.group?.name ?? 'the next submission'} now.`, { type: 'success' });
      redirect(createPath({ resource: 'submissions', id: claimed.id, type: 'show' }));
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setPending(false);
    }
  }

  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      {regions.length > 1 && (
        <TextField
          select
          size="small"
          label="From"
          value={region}
          onChange={(e) => setRegion(e.target.value as Region | '')}
          sx={{ minWidth: 150 }}
        >
          <MenuItem value="">All my regions</MenuItem>
          {regions.map((r) => (
            <MenuItem key={r} value={r}>
              {REGION_NAMES[r]}
            </MenuItem>
          ))}
        </TextField>
      )}
      <Button variant="contained" size={size} startIcon={<PlayArrowIcon />} onClick={() => void next()} disabled={pending}>
        Next item
      </Button>
    </Stack>
  );
}
