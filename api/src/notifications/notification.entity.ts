import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** SENDING: claimed by a worker until `lockedUntil`; see NotificationDispatcher for why it never goes back to PENDING. */
export type NotificationStatus = 'PENDING' | 'SENDING' | 'SENT' | 'FAILED';

/** One email in the transactional outbox, written in the same transaction as the change it reports. */
@Entity('notification')
export class Notification {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column()
  recipient: string;

  @Column()
  subject: string;

  @Column()
  body: string;

  @Column()
  template: string;

  @Column({ type: 'text', nullable: true })
  entityType: string | null;

  @Column({ type: 'text', nullable: true })
  entityId: string | null;

  /** The kind of record whose link the worker mints into the body's placeholder when it sends (see email-links.ts). */
  @Column({ type: 'text', nullable: true })
  linkKind: string | null;

  @Column({ type: 'text', nullable: true })
  linkTargetId: string | null;

  @Column({ type: 'text' })
  status: NotificationStatus;

  @Column()
  attempts: number;

  @Column({ type: 'timestamptz' })
  nextAttemptAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
