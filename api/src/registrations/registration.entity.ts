import { Column, Entity } from 'typeorm';
import { VersionedRecord } from '../common/versioned-record.entity';
import type { RegistrationStatus } from '@sbo/shared';

/** A partner's self-service sign-up, which EBS verifies against their firm and decides on. */
@Entity('registration')
export class Registration extends VersionedRecord {
  @Column()
  email: string;

  @Column()
  name: string;

  @Column()
  firmName: string;

  @Column()
  firmTaxId: string;

  @Column({ type: 'text' })
  status: RegistrationStatus;

  /** The firm EBS linked the partner to on approval. */
  @Column({ type: 'uuid', nullable: true })
  firmId: string | null;

  /** The partner's account, created or activated on approval. */
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'text', nullable: true })
  decisionReason: string | null;

  /** Why EBS approved into a firm whose tax ID is not the registered one (see firm-verification.ts). */
  @Column({ type: 'text', nullable: true })
  taxIdOverrideReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}
