import type { Region } from '@sbo/shared';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A day off in one region's business-day calendar (seeded with US federal holidays, observed dates). */
@Entity('holiday')
export class Holiday {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  region: Region;

  /** YYYY-MM-DD */
  @Column({ type: 'date' })
  date: string;

  @Column()
  name: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
