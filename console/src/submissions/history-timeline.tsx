import { Box, Typography } from '@mui/material';
import type { AuditEventRecord, StaffSubmissionDetail } from '@sbo/shared';
import { DOCUMENT_KIND_LABELS, FIELD_LABELS, STATE_LABELS } from './submission-types';

const ACTION_LABELS: Record<string, string> = {
  'submission.created': 'Created',
  'submission.submitted': 'Submitted',
  'submission.resubmitted': 'Resubmitted',
  'submission.keyed_in': 'Keyed in by staff',
  'submission.claimed': 'Claimed',
  'submission.released': 'Released to the queue',
  'submission.assigned': 'Assigned',
  'submission.corrected': 'Corrected',
  'submission.returned': 'Returned to the submitter',
  'submission.items_requested': 'Items requested',
  'submission.items_received': 'Items received',
  'submission.approved': 'Approved',
  'submission.referred_offline': 'Referred offline',
  'submission.cancelled': 'Withdrawn',
  'submission.withdrawn': 'Withdrawn',
};

const humanize = (action: string) => {
  const last = action.split('.').pop() ?? action;
  return ACTION_LABELS[action] ?? last.charAt(0).toUpperCase() + last.slice(1).replaceAll('_', ' ');
};

const timeFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    return value
      .map((v) =>
        v && typeof v === 'object' && 'planCode' in v
          ? `${(v as { planCode: string }).planCode}`
          : v && typeof v === 'object' && 'kind' in v
            ? `${DOCUMENT_KIND_LABELS[(v as { kind: keyof typeof DOCUMENT_KIND_LABELS }).kind] ?? ''}: ${(v as { description?: string }).description ?? ''}`
            : show(v),
      )
      .join(', ');
  }
  if (typeof value === 'object') {
    const a = value as Record<string, unknown>;
    if ('line1' in a) return `${a.line1}, ${a.city}, ${a.state} ${a.zip}`;
    return JSON.stringify(value);
  }
  return String(value);
}

/** What an event changed, as "field: old → new" lines the reviewer can read. */
function changesOf(event: AuditEventRecord, nameOf: (id: unknown) => string): { field: string; from?: string; to: string }[] {
  const before = event.before ?? {};
  const after = event.after ?? {};
  const lines: { field: string; from?: string; to: string }[] = [];
  if (event.action === 'submission.corrected') {
    for (const field of Object.keys(after)) {
      lines.push({ field: FIELD_LABELS[field] ?? field, from: show(before[field]), to: show(after[field]) });
    }
    return lines;
  }
  if ('state' in after && before.state !== after.state) {
    lines.push({
      field: 'State',
      from: before.state ? STATE_LABELS[before.state as keyof typeof STATE_LABELS] : undefined,
      to: STATE_LABELS[after.state as keyof typeof STATE_LABELS] ?? show(after.state),
    });
  }
  if ('assigneeId' in after && before.assigneeId !== after.assigneeId) {
    lines.push({ field: 'Assignee', from: before.assigneeId ? nameOf(before.assigneeId) : 'nobody', to: after.assigneeId ? nameOf(after.assigneeId) : 'nobody' });
  }
  if (after.pendingItems) lines.push({ field: 'Items', to: show(after.pendingItems) });
  if (typeof after.instructions === 'string') lines.push({ field: 'Instructions', to: after.instructions });
  return lines;
}

/** The submission's audit trail as a timeline, newest first: who, what, when, why, and each field's old and new value. */
export function HistoryTimeline({ record }: { record: StaffSubmissionDetail }) {
  const events = [...(record.history ?? [])].reverse();
  const people = new Map<string, string>();
  for (const e of record.history ?? []) if (e.actorId && e.actorEmail) people.set(e.actorId, e.actorEmail);
  if (record.assignee) people.set(record.assignee.id, record.assignee.name);
  const nameOf = (id: unknown) => people.get(String(id)) ?? 'another reviewer';

  if (!events.length) return <Typography variant="body2">No history yet.</Typography>;
  return (
    <Box component="ol" aria-label="History" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {events.map((event, index) => {
        const changes = changesOf(event, nameOf);
        return (
          <Box
            component="li"
            key={event.id}
            sx={{
              position: 'relative',
              pl: 3,
              pb: index === events.length - 1 ? 0 : 2,
              '&::before': {
                content: '""',
                position: 'absolute',
                left: 5,
                top: 6,
                bottom: index === events.length - 1 ? 'auto' : -6,
                height: index === events.length - 1 ? 0 : 'auto',
                borderLeft: 2,
                borderColor: 'divider',
              },
              '&::after': {
                content: '""',
                position: 'absolute',
                left: 0,
                top: 4,
                width: 12,
                height: 12,
                borderRadius: '50%',
                bgcolor: event.action === 'submission.corrected' ? 'warning.main' : 'primary.main',
              },
            }}
          >
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {humanize(event.action)}
            </Typography>
            <Typography variant="caption" color="text.secondary" component="p">
              {timeFormat.format(new Date(event.occurredAt))} · {event.actorEmail ?? 'system'}
            </Typography>
            {changes.map((c) => (
              <Typography key={`${c.field}-${c.to}`} variant="body2" component="p" sx={{ whiteSpace: 'pre-line' }}>
                <Box component="span" sx={{ color: 'text.secondary' }}>
                  {c.field}:{' '}
                </Box>
                {c.from !== undefined && (
                  <>
                    <Box component="span" sx={{ textDecoration: 'line-through', color: 'text.secondary' }}>
                      {c.from}
                    </Box>
                    {' → '}
                  </>
                )}
                <Box component="span" sx={{ fontWeight: 500 }}>
                  {c.to}
                </Box>
              </Typography>
            ))}
            {event.reason && (
              <Typography variant="body2" component="p" sx={{ fontStyle: 'italic' }}>
                Reason: {event.reason}
              </Typography>
            )}
          </Box>
        );
      })}
    </Box>
  );
}
