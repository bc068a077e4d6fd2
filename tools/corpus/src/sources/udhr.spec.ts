import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readUdhrParagraphs, splitHalves, UDHR_DOCUMENTS } from './udhr';

describe('readUdhrParagraphs', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'udhr-'));
    mkdirSync(join(dir, 'declaration'));
    writeFileSync(
      join(dir, 'declaration', 'xyz.html'),
      `<html><head><title>X</title></head><body><h1>Title</h1><header><h2>Preamble</h2>
       <p>First   paragraph &amp; more.</p></header>
       <article data-number="1"><h2>Article 1</h2><ol><li><p>Item <em>one</em>.</p></li></ol></article></body></html>`,
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('returns the <p> paragraphs in document order without headings or markup', () => {
    expect(readUdhrParagraphs(dir, 'xyz')).toEqual(['First paragraph & more.', 'Item one.']);
  });

  it('fails clearly when a declaration is missing', () => {
    expect(() => readUdhrParagraphs(dir, 'nope')).toThrow(/udhr declaration nope not found/);
  });
});

describe('splitHalves', () => {
  it('splits by character count at the paragraph crossing the middle', () => {
    expect(splitHalves(['aaaa', 'bb', 'cc', 'dddd'])).toEqual({
      first: ['aaaa', 'bb'],
      second: ['cc', 'dddd'],
    });
    expect(splitHalves(['aaaaaaaa', 'b', 'c'])).toEqual({
      first: ['aaaaaaaa'],
      second: ['b', 'c'],
    });
  });
});

describe('UDHR_DOCUMENTS', () => {
  it('covers all 38 labels, with both Serbian scripts and both Portuguese variants', () => {
    expect(new Set(UDHR_DOCUMENTS.map((doc) => doc.lang)).size).toBe(38);
    expect(UDHR_DOCUMENTS.filter((doc) => doc.lang === 'sr').map((doc) => doc.code)).toEqual([
      'srp_cyrl',
      'srp_latn',
    ]);
    expect(UDHR_DOCUMENTS.filter((doc) => doc.lang === 'pt').map((doc) => doc.code)).toEqual([
      'por_PT',
      'por_BR',
    ]);
  });
});
