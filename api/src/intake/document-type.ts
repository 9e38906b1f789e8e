import type { DocumentMimeType } from '../submissions/submission-document.entity';

/** File signatures of the document types accepted: what the bytes are, whatever the name says. */
const SIGNATURES: { mimeType: DocumentMimeType; magic: Buffer }[] = [
  { mimeType: 'application/pdf', magic: Buffer.from('%PDF-', 'latin1') },
  { mimeType: 'image/png', magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mimeType: 'image/jpeg', magic: Buffer.from([0xff, 0xd8, 0xff]) },
];

/** The document's real type from its first bytes, or null when it is not a PDF, PNG or JPEG. */
export function detectDocumentType(content: Buffer): DocumentMimeType | null {
  return SIGNATURES.find((s) => content.subarray(0, s.magic.length).equals(s.magic))?.mimeType ?? null;
}
