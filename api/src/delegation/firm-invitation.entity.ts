import type { FirmRole } from '@sbo/shared';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A single-use, expiring invitation to set a password: a new administrator or delegate invited to a
 * firm, or a partner whose registration EBS approved (then `userId` names the existing account).
 */
@Entity('firm_invitation')
export class FirmInvitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  firmId: string;

  @Column()
  email: string;

  @Column()
  name: string;

  @Column({ type: 'text' })
  firmRole: FirmRole;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  /** Null until the email goes out: the worker mints the token then (see invitation-links.ts). */
  @Column({ type: 'text', select: false, nullable: true })
  tokenHash: string | null;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  invitedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
