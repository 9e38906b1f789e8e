import type { Region } from '@sbo/shared';
import { Column, Entity } from 'typeorm';
import { VersionedRecord } from '../common/versioned-record.entity';

export const TEMPLATE_KINDS = ['RETURN', 'PENDING_ITEMS'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** Instructions a lead keeps for their region, which reps pick and edit when returning or requesting items. */
@Entity('instruction_template')
export class InstructionTemplate extends VersionedRecord {
  @Column({ type: 'text' })
  region: Region;

  @Column({ type: 'text' })
  kind: TemplateKind;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;
}
