import type { Region } from '@sbo/shared';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const TEMPLATE_KINDS = ['RETURN', 'PENDING_ITEMS'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** Instructions a lead keeps for their region, which reps pick and edit when returning or requesting items. */
@Entity('instruction_template')
export class InstructionTemplate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  region: Region;

  @Column({ type: 'text' })
  kind: TemplateKind;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
