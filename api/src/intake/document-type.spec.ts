import { detectDocumentType } from './document-type';

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
