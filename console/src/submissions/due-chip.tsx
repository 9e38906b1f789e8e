import type { StaffSubmissionRecord } from '@sbo/shared';
import { Chip, Tooltip } from '@mui/material';

type DueLevel = 'ok' | 'near' | 'late';

/** Green with 2 or more business days left, amber due today or tomorrow, red once past. */
const dueLevel = (businessDaysLeft: number): DueLevel =>
  businessDaysLeft < 0 ? 'late' : businessDaysLeft <= 1 ? 'near' : 'ok';

const COLORS = { ok: 'success', near: 'warning', late: 'error' } as const;

const dateFormat = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });
const formatDue = (dueAt: string) => dateFormat.format(new Date(`${dueAt}T00:00:00Z`));

function label(level: DueLevel, days: number): string {
  if (level === 'late') return days === -1 ? 'Overdue 1 day' : `Overdue ${-days} days`;
  if (days === 0) return 'Due today';
  if (days === 1) return 'Due tomorrow';
  return `${days} days left`;
}

/** How near the 1-to-3 business day target is: a chip worded and coloured by the days left. */
export function DueChip({ record }: { record: Pick<StaffSubmissionRecord, 'dueAt' | 'businessDaysLeft' | 'state' | 'decidedAt'> }) {
  if (record.state === 'RETURNED' || record.state === 'PENDING_ITEMS') {
    return (
      <Tooltip title="The clock is paused while the submitter answers">
        <Chip size="small" variant="outlined" label="Waiting on submitter" />
      </Tooltip>
    );
  }
  if (!record.dueAt || record.businessDaysLeft === null || record.decidedAt) return null;
  const days = record.businessDaysLeft;
  const level = dueLevel(days);
  return (
    <Tooltip title={`Due ${formatDue(record.dueAt)} (business days)`}>
      <Chip
        size="small"
        color={COLORS[level]}
        variant={level === 'ok' ? 'outlined' : 'filled'}
        label={label(level, days)}
        data-due-level={level}
      />
    </Tooltip>
  );
}
