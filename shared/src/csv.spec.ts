import { parse } from 'csv-parse/sync';
import { neutraliseSpreadsheetCell, toCsv } from './csv';

describe('neutraliseSpreadsheetCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("http://evil.example","click")', '\'=HYPERLINK("http://evil.example","click")'],
    ['+1 555 0100', "'+1 555 0100"],
    ['-Smith', "'-Smith"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=cmd', "'\t=cmd"],
    ['\r=cmd', "'\r=cmd"],
  ])('prefixes %j with a single quote', (value, expected) => {
    expect(neutraliseSpreadsheetCell(value)).toBe(expected);
  });

  it.each([['Smith'], [''], [' =1+1'], ["'=already text"], ['O=Brien'], ['12345']])('leaves %j alone', (value) => {
    expect(neutraliseSpreadsheetCell(value)).toBe(value);
  });
});

describe('toCsv', () => {
  it('writes CRLF-terminated records and quotes only what RFC 4180 requires', () => {
    expect(toCsv(['name', 'note'], [['Ann', 'plain'], ['Lee, Jr.', 'say "hi"'], ['multi\nline', 'cr\rhere']])).toBe(
      'name,note\r\n' + 'Ann,plain\r\n' + '"Lee, Jr.","say ""hi"""\r\n' + '"multi\nline","cr\rhere"\r\n',
    );
  });

  it('writes null as an empty field and numbers as they are, negative ones included', () => {
    expect(toCsv(['a', 'b', 'c'], [[null, 42, -5.5]])).toBe('a,b,c\r\n,42,-5.5\r\n');
  });

  it('neutralises every text cell, headers included, before quoting', () => {
    expect(toCsv(['=cmd'], [['=1+1'], ['-2'], ['@x,y'], ['+"q"']])).toBe(
      "'=cmd\r\n'=1+1\r\n'-2\r\n\"'@x,y\"\r\n\"'+\"\"q\"\"\"\r\n",
    );
  });

  it('round-trips through a CSV parser', () => {
    const rows = [['a,b', 'x"y', 'line\r\nbreak', '', 'é ü 漢']];
    expect(parse(toCsv(['h1', 'h2', 'h3', 'h4', 'h5'], rows))).toEqual([['h1', 'h2', 'h3', 'h4', 'h5'], ...rows]);
  });

  it('writes only the header line when there are no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe('a,b\r\n');
  });

  it('refuses a row whose length does not match the headers', () => {
    expect(() => toCsv(['a', 'b'], [['1', '2'], ['3']])).toThrow(new RangeError('Row 2 has 1 cells, expected 2'));
  });
});
