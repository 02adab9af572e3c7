// Lines the truth up with what the engine found: truth spans moved onto the extracted article
// text, and detected quotes paired one to one with true ones by overlap. No engine code here.
import type { GeneratedPage } from './page';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where `needle` is in `hay` at or after `from`, allowing any whitespace where the needle has some. */
export function locate(hay: string, needle: string, from: number): { start: number; end: number } | null {
  const tokens = needle.split(/\s+/).filter(Boolean);
  if (!tokens.length) return null;
  const re = new RegExp(tokens.map(escapeRegExp).join('\\s+'), 'g');
  re.lastIndex = from;
  const m = re.exec(hay);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

/** The truth spans moved onto the extracted text (identical offsets when the texts agree). */
export function relocate(page: GeneratedPage, text: string): ({ start: number; end: number } | null)[] {
  if (text === page.text) return page.quotes.map((q) => ({ start: q.start, end: q.end }));
  const out: ({ start: number; end: number } | null)[] = [];
  let cursor = 0;
  for (const q of page.quotes) {
    const parent = q.parent !== null ? out[q.parent] : null;
    const at = locate(text, q.text, parent ? parent.start : cursor);
    out.push(at);
    if (at && q.parent === null) cursor = Math.max(cursor, at.end);
  }
  return out;
}

/** One-to-one pairs of truth and detected quotes, preferring large overlaps with close boundaries. */
export function pairQuotes(truth: ({ start: number; end: number } | null)[], detected: { start: number; end: number }[]): Map<number, number> {
  const candidates: { t: number; d: number; score: number }[] = [];
  truth.forEach((t, ti) => {
    if (!t) return;
    detected.forEach((d, di) => {
      const overlap = Math.min(t.end, d.end) - Math.max(t.start, d.start);
      if (overlap <= 0) return;
      candidates.push({ t: ti, d: di, score: 2 * overlap - Math.abs(t.start - d.start) - Math.abs(t.end - d.end) });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.t - b.t || a.d - b.d);
  const pairs = new Map<number, number>();
  const usedD = new Set<number>();
  for (const c of candidates) {
    if (pairs.has(c.t) || usedD.has(c.d)) continue;
    pairs.set(c.t, c.d);
    usedD.add(c.d);
  }
  return pairs;
}
