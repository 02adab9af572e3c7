// A PDF as source text, in Node: pdf.js's legacy build opens the file, and lib/library/pdf-text
// reads its pages the same way the extension does.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type PdfText, pdfDocumentText } from '../lib/library/pdf-text';

export async function pdfToSourceText(bytes: Uint8Array): Promise<PdfText> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const task = getDocument({
    data: bytes,
    standardFontDataUrl: `${pathToFileURL(join(pdfjsRoot, 'standard_fonts')).pathname}/`,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  const pdf = await task.promise;
  try {
    return await pdfDocumentText(pdf);
  } finally {
    await pdf.destroy();
  }
}
