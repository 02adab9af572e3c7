// Reference-manager exports of CSL items: BibTeX, RIS and CSL-JSON.

import type { CslDate, CslItem, CslName } from './csl-record';

// ---- BibTeX ---------------------------------------------------------------------------------

const BIBTEX_TYPE: Record<CslItem['type'], string> = {
  report: 'techreport',
  book: 'book',
  webpage: 'misc',
  speech: 'misc',
  'article-newspaper': 'article',
  document: 'misc',
};

// Characters with a meaning in (La)TeX, written so they print as themselves.
const TEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '^': '\\^{}',
  '~': '\\~{}',
};

export function escapeBibTeX(value: string): string {
  return value.replace(/[\\{}&%$#_^~]/g, (c) => TEX_SPECIALS[c]);
}

function bibName(name: CslName): string {
  // Double braces keep an institution's name whole (BibTeX would otherwise split it into first/last).
  if (name.literal) return `{${escapeBibTeX(name.literal)}}`;
  return [name.family, name.given].filter(Boolean).map((p) => escapeBibTeX(p as string)).join(', ');
}

function dateParts(date: CslDate | undefined): [number, number?, number?] | null {
  return date?.['date-parts']?.[0] ?? null;
}

function isoDate(date: CslDate | undefined): string | null {
  const p = dateParts(date);
  if (!p) return null;
  return [String(p[0]).padStart(4, '0'), p[1] && String(p[1]).padStart(2, '0'), p[2] && String(p[2]).padStart(2, '0')]
    .filter(Boolean)
    .join('-');
}

/** A citation key: letters and digits of the first author or title word, and the year. */
export function bibKey(item: CslItem): string {
  const who = item.custom?.authorAbbreviation ?? item.author?.[0]?.family ?? item.author?.[0]?.literal ?? item.title;
  const word = (who.normalize('NFKD').replace(/[^\p{L}\p{N}\s]/gu, '').split(/\s+/).find(Boolean) ?? 'ref').toLowerCase();
  const year = dateParts(item.issued)?.[0] ?? 'nd';
  return `${word.replace(/[^a-z0-9]/g, '') || 'ref'}${year}`;
}

export function toBibTeX(items: CslItem[] | CslItem): string {
  const list = Array.isArray(items) ? items : [items];
  const used = new Map<string, number>();
  return list
    .map((item) => {
      let key = bibKey(item);
      const n = used.get(key) ?? 0;
      used.set(key, n + 1);
      if (n > 0) key += String.fromCharCode(97 + ((n - 1) % 26)); // smith2023, smith2023a, …
      const fields: [string, string | undefined][] = [
        ['author', item.author?.length ? item.author.map(bibName).join(' and ') : undefined],
        // Braces around the title keep its capitals as written.
        ['title', `{${escapeBibTeX(item.title)}}`],
        [item.type === 'report' ? 'institution' : 'publisher', item.publisher && escapeBibTeX(item.publisher)],
        ['howpublished', item['container-title'] && escapeBibTeX(item['container-title'])],
        ['type', item.genre && escapeBibTeX(item.genre)],
        ['year', dateParts(item.issued)?.[0]?.toString()],
        ['date', isoDate(item.issued) ?? undefined],
        ['url', item.URL && escapeBibTeX(item.URL)],
        ['urldate', isoDate(item.accessed) ?? undefined],
        ['note', item.note && escapeBibTeX(item.note)],
      ];
      const body = fields
        .filter((f): f is [string, string] => Boolean(f[1]))
        .map(([k, v]) => `  ${k} = {${v}}`)
        .join(',\n');
      return `@${BIBTEX_TYPE[item.type]}{${key},\n${body}\n}\n`;
    })
    .join('\n');
}

// ---- RIS ------------------------------------------------------------------------------------

const RIS_TYPE: Record<CslItem['type'], string> = {
  report: 'RPRT',
  book: 'BOOK',
  webpage: 'ELEC',
  speech: 'SPEECH',
  'article-newspaper': 'NEWS',
  document: 'GEN',
};

/** RIS values are single lines: line breaks become spaces. */
function risValue(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function risName(name: CslName): string {
  if (name.literal) return name.literal;
  return [name.family, name.given].filter(Boolean).join(', ');
}

function risDate(date: CslDate | undefined): string | null {
  const p = dateParts(date);
  if (!p) return null;
  const pad = (n: number | undefined) => (n ? String(n).padStart(2, '0') : '');
  return `${p[0]}/${pad(p[1])}/${pad(p[2])}/`;
}

export function toRIS(items: CslItem[] | CslItem): string {
  const list = Array.isArray(items) ? items : [items];
  return list
    .map((item) => {
      const lines: [string, string | null | undefined][] = [['TY', RIS_TYPE[item.type]]];
      for (const a of item.author ?? []) lines.push(['AU', risName(a)]);
      lines.push(['TI', item.title]);
      lines.push(['T2', item['container-title']]);
      lines.push(['PB', item.publisher]);
      lines.push(['M3', item.genre]);
      lines.push(['PY', dateParts(item.issued)?.[0]?.toString()]);
      lines.push(['DA', risDate(item.issued)]);
      lines.push(['UR', item.URL]);
      lines.push(['Y2', risDate(item.accessed)]);
      lines.push(['N1', item.note]);
      lines.push(['ER', '']);
      // "TAG  - value": two spaces, hyphen, space; the ER line ends "ER  - ".
      return lines
        .filter(([tag, v]) => tag === 'ER' || (v != null && v !== ''))
        .map(([tag, v]) => `${tag}  - ${risValue(v ?? '')}`)
        .join('\r\n');
    })
    .join('\r\n\r\n')
    .concat('\r\n');
}

// ---- CSL-JSON -------------------------------------------------------------------------------

export function toCslJson(items: CslItem[] | CslItem): string {
  const list = Array.isArray(items) ? items : [items];
  return JSON.stringify(list, null, 2) + '\n';
}
