import { Box, MenuItem, Stack, TextField, Typography } from '@mui/material';
import type { Region } from '@sbo/shared';
import { useState } from 'react';
import { minLength, required, useGetIdentity, useGetList, useInput } from 'react-admin';
import { useAbility } from '../auth/ability';

export type TemplateKind = 'RETURN' | 'PENDING_ITEMS';

export interface InstructionTemplate {
  id: string;
  region: Region;
  kind: TemplateKind;
  title: string;
  body: string;
  version: number;
  updatedAt: string;
}

const validateInstructions = [required('Say what the submitter should do'), minLength(5, 'Say what the submitter should do, in a sentence')];

/**
 * The `instructions` sent to the submitter: optionally started from one of the region's templates
 * (kept by its leads), always edited by the rep, and shown with the contact line the API appends.
 */
export function InstructionsInput({
  region,
  kind,
  onPick,
}: {
  region: Region;
  kind: TemplateKind;
  onPick?: (template: InstructionTemplate) => void;
}) {
  const ability = useAbility();
  const { identity } = useGetIdentity();
  const { field, fieldState, isRequired } = useInput({ source: 'instructions', validate: validateInstructions });
  const [picked, setPicked] = useState('');
  const { data: templates = [] } = useGetList<InstructionTemplate>(
    'instruction-templates',
    { filter: { region, kind }, pagination: { page: 1, perPage: 50 }, sort: { field: 'title', order: 'ASC' } },
    { enabled: ability.can('read', 'InstructionTemplate') },
  );
  const error = fieldState.invalid ? fieldState.error?.message : undefined;

  return (
    <Stack spacing={1.5}>
      {templates.length > 0 && (
        <TextField
          select
          size="small"
          label="Start from a template"
          value={picked}
          helperText="Fills the instructions below; edit them before sending."
          onChange={(event) => {
            const template = templates.find((t) => t.id === event.target.value);
            setPicked(event.target.value);
            if (!template) return;
            field.onChange(template.body);
            onPick?.(template);
          }}
        >
          {templates.map((t) => (
            <MenuItem key={t.id} value={t.id}>
              {t.title}
            </MenuItem>
          ))}
        </TextField>
      )}
      <TextField
        {...field}
        value={field.value ?? ''}
        inputRef={field.ref}
        label="Instructions to the submitter"
        required={isRequired}
        multiline
        minRows={4}
        error={Boolean(error)}
        helperText={error ?? 'What is needed, and how to send it.'}
        autoFocus
      />
      <Box sx={{ borderLeft: 3, borderColor: 'divider', pl: 1.5 }}>
        <Typography variant="caption" color="text.secondary" component="p">
          Added at the end, with your phone number:
        </Typography>
        <Typography variant="body2" data-testid="contact-line">
          Contact {identity?.fullName ?? 'you'} at {(identity as { email?: string } | undefined)?.email ?? 'your email'}.
        </Typography>
      </Box>
    </Stack>
  );
}
