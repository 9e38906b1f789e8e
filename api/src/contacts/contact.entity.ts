import type { Region } from '@sbo/shared';
import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type ContactTeam = 'SALES' | 'ENROLLMENT' | 'EBS' | 'GA_SUPPORT';

/** A mailbox partners are pointed to in instructions and emails; admins keep them current. */
@Entity('contact')
export class Contact {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  team: ContactTeam;

  @Column({ type: 'text', nullable: true })
  region: Region | null;

  @Column()
  label: string;

  @Column()
  email: string;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column()
  version: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
