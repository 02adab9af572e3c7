// Writes a small, valid PDF: one text line per entry, an empty entry leaves a paragraph gap.
// Enough to test reading PDFs without shipping a binary fixture.

/** The few typographic characters the tests use, in the font's WinAnsi encoding (one byte each). */
const WIN_ANSI: Record<string, string> = { '‘': '\x91', '’': '\x92', '“': '\x93', '”': '\x94', '–': '\x96', '—': '\x97' };

function escapePdfString(s: string): string {
  return s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[‘’“”–—]/g, (c) => WIN_ANSI[c]);
}

export function makePdf(pages: string[][], info: { title?: string; author?: string; created?: string } = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) - 1 + 1; // object numbers start at 1
  const catalog = add('');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const pageIds: number[] = [];
  for (const lines of pages) {
    let y = 740;
    const ops: string[] = [];
    for (const line of lines) {
      if (line !== '') ops.push(`BT /F1 12 Tf 72 ${y} Td (${escapePdfString(line)}) Tj ET`);
      y -= line === '' ? 10 : 14;
    }
    const stream = ops.join('\n');
    const content = add(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
    pageIds.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  const infoParts: string[] = [];
  if (info.title) infoParts.push(`/Title (${escapePdfString(info.title)})`);
  if (info.author) infoParts.push(`/Author (${escapePdfString(info.author)})`);
  if (info.created) infoParts.push(`/CreationDate (${info.created})`);
  const infoId = add(`<< ${infoParts.join(' ')} >>`);

  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${infoId} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // One byte per character: the file is Latin-1/WinAnsi, so the xref offsets above are byte offsets.
  return Uint8Array.from(out, (c) => c.charCodeAt(0) & 0xff);
}
