// @vitest-environment node
// Files as sources, with pdf.js's legacy build opening PDFs as the command line does, and
// linkedom parsing HTML (the options page uses the browser's DOMParser the same way).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { ImportError, MAX_FILE_BYTES, type OpenPdf, describeStorageError, fileKind, sourceFromFile } from '../../../lib/library/file-source';
import { pageAt } from '../../../lib/library/pdf-text';
import { makePdf } from '../cli/make-pdf';

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const openPdf: OpenPdf = async (bytes) => {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return getDocument({
    data: bytes,
    standardFontDataUrl: `${join(pdfjsRoot, 'standard_fonts')}/`,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
};
const deps = { openPdf, parseHtml: (html: string) => parseHTML(html).document as unknown as Document };
const utf8 = (s: string) => new TextEncoder().encode(s);

/** A PDF whose trailer asks for a password (the standard handler, a user password that is not empty). */
function passwordPdf(): Uint8Array {
  const plain = new TextDecoder('latin1').decode(makePdf([['Secret words.']]));
  const hex = (n: number) => '<' + 'ab'.repeat(n) + '>';
  const locked = plain.replace(
    /trailer\n<< /,
    `trailer\n<< /Encrypt << /Filter /Standard /V 1 /R 2 /O ${hex(32)} /U ${hex(32)} /P -4 >> /ID [${hex(16)} ${hex(16)}] `,
  );
  return Uint8Array.from(locked, (c) => c.charCodeAt(0));
}

async function refusal(name: string, bytes: Uint8Array): Promise<string> {
  try {
    await sourceFromFile(name, bytes, deps);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return (e as Error).message;
  }
  throw new Error(`${name} was accepted`);
}

describe('sourceFromFile', () => {
  it('reads text, Markdown and HTML (main content only, nothing run)', async () => {
    const txt = await sourceFromFile('council_statement.txt', utf8('\uFEFFThe plan is sound.\r\nSecond line.'), deps);
    expect(txt).toMatchObject({ title: 'council statement', text: 'The plan is sound.\nSecond line.', origin: 'file', excerpt: false });
    const md = await sourceFromFile('notes.md', utf8('# Findings\n\nWords here.'), deps);
    expect(md.text).toBe('## Findings\n\nWords here.');
    const html = await sourceFromFile(
      'page.html',
      utf8('<html><head><title>Report page</title><script>globalThis.ran = true</script></head><body><nav>Menu</nav><main><h1>Report</h1><p>The <b>real</b> words.</p><img src=x onerror="globalThis.ran=true"></main></body></html>'),
      deps,
    );
    expect(html.text).toBe('## Report\n\nThe real words.');
    expect(html.title).toBe('Report page');
    expect((globalThis as { ran?: boolean }).ran).toBeUndefined();
  });

  it('reads a PDF with its page starts, so a passage can name its page', async () => {
    const pdf = makePdf([['First page words.'], ['Second page, first paragraph.', '', 'Second paragraph.'], ['Third page.']], { title: 'The report' });
    const source = await sourceFromFile('report.pdf', pdf, deps);
    expect(source.title).toBe('The report');
    expect(source.text).toBe('First page words.\n\nSecond page, first paragraph.\n\nSecond paragraph.\n\nThird page.');
    expect(source.pageStarts).toEqual([0, source.text.indexOf('Second page'), source.text.indexOf('Third page')]);
    expect(pageAt(source.pageStarts, source.text.indexOf('Second paragraph'))).toBe(2);
    expect(pageAt(source.pageStarts, source.text.indexOf('Third'))).toBe(3);
  });

  it('refuses what it cannot use, in words, naming the file', async () => {
    expect(await refusal('photo.jpg', utf8('xx'))).toMatch(/photo\.jpg: this type of file cannot be imported\. Choose a \.txt, \.md, \.html, \.htm or \.pdf file/);
    expect(await refusal('empty.txt', new Uint8Array())).toMatch(/empty\.txt is empty/);
    expect(await refusal('blank.md', utf8('  \n\n '))).toMatch(/blank\.md has no text/);
    expect(await refusal('latin.txt', Uint8Array.from([0x63, 0x61, 0x66, 0xe9]))).toMatch(/not UTF-8/);
    expect(await refusal('renamed.pdf', utf8('Plain words.'))).toMatch(/renamed\.pdf is not a PDF/);
    expect(await refusal('broken.pdf', utf8('%PDF-1.7\n'))).toMatch(/broken\.pdf is damaged/);
    expect(await refusal('scan.pdf', makePdf([[]]))).toMatch(/scan\.pdf has no text layer .*OCR/);
    expect(await refusal('locked.pdf', passwordPdf())).toMatch(/locked\.pdf is protected by a password/);
    expect(await refusal('huge.txt', new Uint8Array(MAX_FILE_BYTES + 1))).toMatch(/huge\.txt is 25 MB, over the 25 MB limit/);
  });

  it('knows the file kinds by name, packs included', () => {
    expect(['a.TXT', 'b.md', 'c.htm', 'd.html', 'e.pdf', 'lib.verbatim.json', 'x.json', 'noext'].map(fileKind)).toEqual([
      'text', 'markdown', 'html', 'html', 'pdf', 'pack', null, null,
    ]);
  });

  it('says a full disk in words', () => {
    const quota = Object.assign(new Error('QuotaExceededError'), { name: 'QuotaExceededError' });
    expect(describeStorageError(quota)).toMatch(/no more storage space/);
    expect(describeStorageError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toMatch(/no more storage space/);
    expect(describeStorageError(new Error('closed'))).toMatch(/could not be saved \(closed\)/);
  });
});
