import type { FirmRole, Region, Role } from '@sbo/shared';
import { Column, Entity } from 'typeorm';
import { VersionedRecord } from '../common/versioned-record.entity';

/** A person who logs in: staff (roles + regions) or a partner user (firm + firm role). */
@Entity('app_user')
export class User extends VersionedRecord {
  @Column()
  email: string;

  @Column()
  name: string;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text', nullable: true, select: false })
  passwordHash: string | null;

  @Column({ type: 'text', array: true })
  roles: Role[];

  @Column({ type: 'text', array: true })
  regions: Region[];

  @Column({ type: 'uuid', nullable: true })
  firmId: string | null;

  @Column({ type: 'text', nullable: true })
  firmRole: FirmRole | null;

  @Column({ type: 'uuid', nullable: true })
  grantedById: string | null;

  @Column()
  active: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;

  /** Raised to end every session the user holds (logout, deactivation). */
  @Column()
  tokenVersion: number;
}
