import { Chip, Tooltip } from '@mui/material';
import type { StaffSubmission } from './submission-types';

const DAY_MS = 86_400_000;

const utcDay = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
};

/** Today's date as YYYY-MM-DD in the browser's time zone. */
export const localToday = (now = new Date()) =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

/**
 * Business days (Monday to Friday) from `from` to `to`: 0 the same day, 1 the next business day,
 * negative once `to` is past. Holidays are the API's business (it sets `dueAt` on the region calendar);
 * this only says how near the date is.
 */
export function businessDaysUntil(to: string, from = localToday()): number {
  const start = utcDay(from);
  const end = utcDay(to);
  const sign = end >= start ? 1 : -1;
  let count = 0;
  for (let t = start; sign > 0 ? t < end : t > end; t += sign * DAY_MS) {
    const next = new Date(t + sign * DAY_MS).getUTCDay();
    if (next !== 0 && next !== 6) count += sign;
  }
  return count;
}

export type DueLevel = 'ok' | 'near' | 'late';

/** Green with 2 or more business days left, amber due today or tomorrow, red once past. */
export function dueLevel(dueAt: string, today = localToday()): { level: DueLevel; days: number } {
  const days = dueAt < today ? -Math.max(1, -businessDaysUntil(dueAt, today)) : businessDaysUntil(dueAt, today);
  return { level: dueAt < today ? 'late' : days <= 1 ? 'near' : 'ok', days };
}

const COLORS = { ok: 'success', near: 'warning', late: 'error' } as const;

const dateFormat = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });
const formatDue = (dueAt: string) => dateFormat.format(new Date(utcDay(dueAt)));

function label(level: DueLevel, days: number): string {
  if (level === 'late') return days === -1 ? 'Overdue 1 day' : `Overdue ${-days} days`;
  if (days === 0) return 'Due today';
  if (days === 1) return 'Due tomorrow';
  return `${days} days left`;
}

/** How near the 1-to-3 business day target is: a chip worded and coloured by the days left. */
export function DueChip({ record }: { record: Pick<StaffSubmission, 'dueAt' | 'state' | 'decidedAt'> }) {
  if (record.state === 'RETURNED' || record.state === 'PENDING_ITEMS') {
    return (
      <Tooltip title="The clock is paused while the submitter answers">
        <Chip size="small" variant="outlined" label="Waiting on submitter" />
      </Tooltip>
    );
  }
  if (!record.dueAt || record.decidedAt) return null;
  const { level, days } = dueLevel(record.dueAt);
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
