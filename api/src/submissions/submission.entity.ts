import type { Channel, GroupAddress, PaymentMethod, PendingItem, PlanSelection, Region, ReviewState, SubmissionType } from '@sbo/shared';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A partner transaction (new group, quote, requote, renewal, purchase) through intake and review.
 * `version` is raised by every change; writers update with `WHERE version = :seen` (optimistic lock).
 */
@Entity('submission')
export class Submission {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column()
  version: number;

  /** The short number people read out and emails name (`T-1000001`, submission-reference.ts); the database gives it. */
  @Column({ type: 'text', insert: false, update: false })
  reference: string;

  /** The partner firm; null only for staff-keyed submissions whose firm is unknown. */
  @Column({ type: 'uuid', nullable: true })
  firmId: string | null;

  @Column({ type: 'uuid' })
  createdById: string;

  /** Who last submitted it: the person confirmations, returns and approvals are emailed to. */
  @Column({ type: 'uuid', nullable: true })
  submittedById: string | null;

  @Column({ type: 'text' })
  type: SubmissionType;

  @Column({ type: 'text' })
  channel: Channel;

  @Column({ type: 'text' })
  region: Region;

  @Column({ type: 'text' })
  state: ReviewState;

  /** YYYY-MM-DD */
  @Column({ type: 'date', nullable: true })
  requestedEffectiveDate: string | null;

  @Column({ type: 'text', nullable: true })
  paymentMethod: PaymentMethod | null;

  @Column({ type: 'text', nullable: true })
  groupName: string | null;

  /** The carrier's group ID, once known (renewals, requotes). */
  @Column({ type: 'text', nullable: true })
  groupId: string | null;

  @Column({ type: 'text', nullable: true })
  groupTaxId: string | null;

  @Column({ type: 'integer', nullable: true })
  groupEmployeeCount: number | null;

  @Column()
  groupMultiMarket: boolean;

  /** Submitted under guaranteed availability: only inside the special enrollment period. */
  @Column()
  groupGuaranteedAvailability: boolean;

  @Column({ type: 'jsonb', nullable: true })
  groupAddress: GroupAddress | null;

  @Column({ type: 'jsonb' })
  plans: PlanSelection[];

  /** What the carrier needs from the partner, with the rep's contact details (ACTION_REQUIRED). */
  @Column({ type: 'text', nullable: true })
  instructions: string | null;

  @Column({ type: 'jsonb' })
  pendingItems: PendingItem[];

  @Column({ type: 'uuid', nullable: true })
  assigneeId: string | null;

  /** The rep who last sent it back; a resubmission returns to them while they are still active. */
  @Column({ type: 'uuid', nullable: true })
  lastReviewerId: string | null;

  /** First submission to the carrier. */
  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  /** When the turnaround clock started: the first complete submission. */
  @Column({ type: 'timestamptz', nullable: true })
  completeSubmittedAt: Date | null;

  /** Last business day approval meets the target, in the region's calendar; moves out with paused days. */
  @Column({ type: 'date', nullable: true })
  dueDate: string | null;

  /** Business days spent waiting on the submitter (returned, pending items), left out of the age. */
  @Column()
  pausedBusinessDays: number;

  /** Region date it was sent back to the submitter; null while the carrier holds it. */
  @Column({ type: 'date', nullable: true })
  waitingSince: string | null;

  /** When it was approved or referred offline. */
  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  /** Why staff keyed it in past the intake rules (offline and email channels). */
  @Column({ type: 'text', nullable: true })
  bypassReason: string | null;

  @Column({ type: 'timestamptz', insert: false, update: false })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}
