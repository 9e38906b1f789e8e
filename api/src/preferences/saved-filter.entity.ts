import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A list filter a staff member saved under a name, theirs alone, for one console resource. */
@Entity('saved_filter')
export class SavedFilter {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  /** The console resource the filter applies to (`submissions`, ...). */
  @Column({ type: 'text' })
  resource: string;

  @Column({ type: 'text' })
  name: string;

  /** The list's filter values, as the console's list sends them to the API. */
  @Column({ type: 'jsonb' })
  filter: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
