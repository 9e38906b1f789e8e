import type { Region } from '@sbo/shared';

/**
 * The time zone whose calendar date counts as "today" for each region's business rules: the one
 * definition. `regionToday` formats instants in it, and the calendar-rules-from-ts migration writes it
 * into SQL as `region_time_zone(region)` (and `region_date(instant, region)`, the SQL `regionToday`),
 * which the turnaround trigger uses. Changing a zone here needs a migration that re-creates them.
 */
export const REGION_TIME_ZONES: Record<Region, string> = {
  CA: 'America/Los_Angeles',
  CO: 'America/Denver',
  GA: 'America/New_York',
  MAS: 'America/New_York',
};
