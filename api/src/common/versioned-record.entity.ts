import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * The columns every record edited under an optimistic lock has: a uuid id, `version` (raised by each
 * change; writers check the one the client saw) and when it was made and last changed. Not an entity:
 * each subclass maps its own table, where these columns are id, version, created_at and updated_at.
 */
export abstract class VersionedRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
