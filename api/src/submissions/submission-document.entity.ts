import type { DocumentKind } from '@sbo/shared';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type DocumentMimeType = 'application/pdf' | 'image/png' | 'image/jpeg';

/** A file attached to a submission (signed application, EFT authorization, other), stored in PostgreSQL. */
@Entity('document')
export class SubmissionDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  submissionId: string;

  @Column({ type: 'text' })
  kind: DocumentKind;

  @Column()
  fileName: string;

  /** Detected from the content, not taken from the client. */
  @Column({ type: 'text' })
  mimeType: DocumentMimeType;

  @Column()
  sizeBytes: number;

  @Column()
  sha256: string;

  @Column({ type: 'bytea', select: false })
  content: Buffer;

  @Column({ type: 'uuid' })
  uploadedById: string;

  @Column({ type: 'timestamptz', insert: false, update: false })
  uploadedAt: Date;
}
