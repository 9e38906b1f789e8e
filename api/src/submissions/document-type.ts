import type { DocumentMimeType } from './submission-document.entity';

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

/** The extension each document type is downloaded with. */
const EXTENSIONS: Record<DocumentMimeType, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };

/**
 * What follows a name's last dot when it looks like a file extension (up to 5 letters and digits,
 * one letter at least): `.hta`, `.exe`, `.pdf`, but not `.2024` nor ` application`. Trailing dots
 * and spaces go too: Windows drops them, so `x.hta. ` would be `x.hta` there.
 */
const TRAILING_EXTENSION = /(\.(?=[a-z0-9]*[a-z])[a-z0-9]{1,5}|[. ])$/i;

/**
 * The name a document downloads under: the uploader's name without the extensions it ends with
 * (`signed_application.pdf.hta`), then the extension of the type its content is. The name the
 * uploader gave decides nothing about how the file opens. Control characters go whatever stored
 * the name: no line break reaches a header or a saved file's name.
 */
export function downloadName(fileName: string, mimeType: DocumentMimeType): string {
  let base = fileName.replace(/[\u0000-\u001f\u007f]/g, '');
  while (TRAILING_EXTENSION.test(base)) base = base.replace(TRAILING_EXTENSION, '');
  return `${base || 'document'}.${EXTENSIONS[mimeType]}`;
}
