import type { Region } from '@sbo/shared';

/** A day off in one region's business-day calendar (api/src/calendar). */
export interface HolidayRecord {
  id: string;
  region: Region;
  /** YYYY-MM-DD */
  date: string;
  name: string;
  createdAt: string;
}

/** A calendar date is a day, not an instant: read it as local midnight, or US time zones show the day before. */
export const formatHolidayDate = (date: string) =>
  new Date(`${date}T00:00:00`).toLocaleDateString(undefined, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' });
