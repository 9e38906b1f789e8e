import type { Region } from './regions';
import type { ReviewState } from './submissions';

/** Open and with the carrier: the turnaround clock runs. */
export const CARRIER_STATES = ['SUBMITTED', 'IN_REVIEW'] as const satisfies readonly ReviewState[];
/** Open but waiting on the submitter (returned, or pending items): the turnaround clock is paused. */
export const WAITING_STATES = ['RETURNED', 'PENDING_ITEMS'] as const satisfies readonly ReviewState[];
/** Every state still open with the carrier or the submitter: the working queue. */
export const OPEN_STATES = [...CARRIER_STATES, ...WAITING_STATES] as const;
export type OpenState = (typeof OPEN_STATES)[number];

/** Ages of open work in business days; the last bucket holds everything past the target. */
export const TURNAROUND_AGE_BUCKETS = ['0', '1', '2', '3', '4+'] as const;
export type TurnaroundAgeBucket = (typeof TURNAROUND_AGE_BUCKETS)[number];

/** Turnaround figures of one region, or of all the caller's regions together. */
export interface TurnaroundFigures {
  /** Approvals in the period. */
  approved: number;
  medianBusinessDays: number | null;
  p90BusinessDays: number | null;
  /** Approvals that took longer than the target. */
  approvedLate: number;
  /** Open submissions by state, now. */
  open: Partial<Record<OpenState, number>>;
  /** Open submissions with the carrier past their due date, now. */
  overdue: number;
  /** Open submissions with the carrier by age in business days, now. */
  ageBuckets: Record<TurnaroundAgeBucket, number>;
}

/** `GET /api/metrics/turnaround`: the period (YYYY-MM-DD, both included), by region and overall. */
export interface TurnaroundReport {
  from: string;
  to: string;
  targetBusinessDays: number;
  regions: ({ region: Region } & TurnaroundFigures)[];
  overall: TurnaroundFigures;
}
