import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The current census of a submission (one per submission; a new upload replaces it). */
@Entity('census')
export class Census {
  @PrimaryColumn('uuid')
  submissionId: string;

  @Column()
  fileName: string;

  @Column()
  mimeType: string;

  @Column()
  sizeBytes: number;

  /** The file as uploaded, kept for staff to open. */
  @Column({ type: 'bytea', select: false })
  content: Buffer;

  /** Non-blank data rows in the file, good and bad. */
  @Column()
  rowCount: number;

  @Column()
  acceptedCount: number;

  /** Rows with at least one error; they are reported, not kept. */
  @Column()
  rejectedCount: number;

  @Column()
  employeeCount: number;

  @Column()
  dependentCount: number;

  @Column({ type: 'uuid' })
  uploadedById: string;

  @Column({ type: 'timestamptz', insert: false, update: false })
  uploadedAt: Date;
}
