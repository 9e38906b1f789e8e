import type { FirmKind, Region } from '@sbo/shared';
import { Column, Entity } from 'typeorm';
import { VersionedRecord } from '../common/versioned-record.entity';

/** A partner firm: a General Agency or a broker agency. Its users belong to it, not to whoever granted them. */
@Entity('firm')
export class Firm extends VersionedRecord {
  @Column()
  name: string;

  @Column()
  taxId: string;

  @Column({ type: 'text' })
  kind: FirmKind;

  @Column({ type: 'text' })
  region: Region;
}
