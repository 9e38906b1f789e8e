import { detectDocumentType, downloadName } from './document-type';
import type { DocumentMimeType } from './submission-document.entity';

describe('detectDocumentType', () => {
  it.each<[string, Buffer, string | null]>([
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1'), 'application/pdf'],
    ['a PNG', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'image/png'],
    ['a JPEG', Buffer.from('ffd8ffe000104a464946', 'hex'), 'image/jpeg'],
    ['text claiming to be a PDF', Buffer.from('PDF-1.7 not really'), null],
    ['a zip (XLSX, DOCX)', Buffer.from('504b0304140000000800', 'hex'), null],
    ['an executable', Buffer.from('4d5a90000300000004000000', 'hex'), null],
    ['an HTML page', Buffer.from('<!doctype html><script>alert(1)</script>'), null],
    ['a truncated PNG signature', Buffer.from('89504e47', 'hex'), null],
    ['an empty file', Buffer.alloc(0), null],
  ])('%s → %s', (_, content, expected) => {
    expect(detectDocumentType(content)).toBe(expected);
  });
});

describe('downloadName', () => {
  it.each<[string, DocumentMimeType, string]>([
    ['signed_application.pdf.hta', 'application/pdf', 'signed_application.pdf'],
    ['application.pdf', 'application/pdf', 'application.pdf'],
    ['photo.exe', 'image/png', 'photo.png'],
    ['scan.jpeg', 'image/jpeg', 'scan.jpg'],
    ['invoice.pdf.exe.scr', 'application/pdf', 'invoice.pdf'],
    ['no extension', 'image/png', 'no extension.png'],
    // Dots that are not extensions stay: a year, words with spaces around them.
    ['Q3.2024.pdf', 'application/pdf', 'Q3.2024.pdf'],
    ['Smith, J. application.pdf', 'application/pdf', 'Smith, J. application.pdf'],
    ['Ünïcødé résumé.pdf.hta', 'application/pdf', 'Ünïcødé résumé.pdf'],
    // Windows drops trailing dots and spaces, so "x.hta. " would be x.hta there.
    ['x.hta. ', 'application/pdf', 'x.pdf'],
    ['.pdf', 'application/pdf', 'document.pdf'],
    ['..hta', 'image/jpeg', 'document.jpg'],
    ['x"\r\nSet-Cookie: a=1\t.pdf.hta', 'application/pdf', 'x"Set-Cookie: a=1.pdf'],
  ])('%s (%s) → %s', (fileName, mimeType, expected) => {
    expect(downloadName(fileName, mimeType)).toBe(expected);
  });
});
