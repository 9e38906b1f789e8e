import { Button, Stack } from '@mui/material';

export type Intent = 'save' | 'back' | 'next';

/**
 * Save, Back and Next, on every step. In a form they are submit buttons (the step is saved, then the
 * wizard moves); `onIntent` says which one was pressed. Save comes first, so Enter in a field saves.
 */
export function StepButtons({
  onIntent,
  submit = false,
  canGoBack,
  nextLabel = 'Next',
  pending = false,
}: {
  onIntent: (intent: Intent) => void;
  submit?: boolean;
  canGoBack: boolean;
  nextLabel?: string;
  pending?: boolean;
}) {
  const type = submit ? 'submit' : 'button';
  return (
    <Stack direction="row" spacing={1} role="group" aria-label="Wizard steps" sx={{ pt: 1 }}>
      <Button type={type} variant="outlined" onClick={() => onIntent('save')} disabled={pending}>
        Save
      </Button>
      <Button type={type} variant="outlined" onClick={() => onIntent('back')} disabled={pending || !canGoBack}>
        Back
      </Button>
      <Button type={type} variant="contained" onClick={() => onIntent('next')} disabled={pending}>
        {nextLabel}
      </Button>
    </Stack>
  );
}
