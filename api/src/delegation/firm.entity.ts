import type { FirmKind, Region } from '@sbo/shared';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A partner firm: a General Agency or a broker agency. Its users belong to it, not to whoever granted them. */
@Entity('firm')
export class Firm {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column()
  name: string;

  @Column()
  taxId: string;

  @Column({ type: 'text' })
  kind: FirmKind;

  @Column({ type: 'text' })
  region: Region;

  @Column()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
