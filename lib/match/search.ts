// The library search box: passages ranked by how many of the query's words they hold (rarer
// words count more) and whether the words come in the query's order.
import { tokenize } from '../text/tokenize';
import { isStopword, lightStem } from '../text/stopwords';
import { passageAt } from '../library/passages';
import { positionsOf, stemAt, type IndexedSource, type LibraryIndex } from './library-index';

/** Positions in a source of every word with this light stem, ascending. */
function stemPositions(entry: IndexedSource, stem: string): number[] {
  const lx = entry.lexicon;
  const st = lx.stemIdOf(stem);
  if (st < 0) return [];
  const out: number[] = [];
  for (const w of lx.stemGroups.of(st)) for (const p of positionsOf(entry, w)) out.push(p);
  return out.sort((a, b) => a - b);
}

export interface SearchHit {
  sourceId: string;
  start: number; // span from the first to the last matched word, in the source text
  end: number;
  passage: string;
  passageStart: number;
  section: string | null;
  score: number;
  marks: Array<[number, number]>; // matched words, offsets relative to passage
}

/** Bonus per query word that follows the previous query word directly in the passage. */
const PHRASE_BONUS = 0.5;

export function searchLibrary(index: LibraryIndex, query: string, limit = 10): SearchHit[] {
  if (typeof query !== 'string' || limit <= 0) return [];
  const toks = tokenize(query);
  let words = toks.filter((t) => !isStopword(t.form));
  if (words.length === 0) words = toks;
  const stems = [...new Set(words.map((t) => lightStem(t.key)))];
  if (stems.length === 0 || index.size === 0) return [];
  const order = new Map(toks.map((t, i) => [lightStem(t.key), i]));

  const candidates = new Set<number>();
  for (const st of stems) for (const slot of index.sourcesWithStem(st)) candidates.add(slot);
  const total = index.size;

  const hits: SearchHit[] = [];
  for (const slot of candidates) {
    const entry = index.entry(slot);
    if (!entry) continue;
    const { passages, tokenStarts, tokenEnds } = entry.data;
    // Per passage: matched token positions.
    const perPassage = new Map<number, number[]>();
    for (const st of stems) {
      for (const pos of stemPositions(entry, st)) {
        const p = passageAt(passages, tokenStarts[pos]);
        if (p < 0) continue;
        let list = perPassage.get(p);
        if (!list) perPassage.set(p, (list = []));
        list.push(pos);
      }
    }
    for (const [p, positions] of perPassage) {
      positions.sort((a, b) => a - b);
      const present = new Set(positions.map((pos) => stemAt(entry, pos)));
      let score = 0;
      for (const st of present) score += Math.log(1 + total / Math.max(1, index.sourcesWithStem(st).length));
      for (let i = 1; i < positions.length; i++) {
        const a = order.get(stemAt(entry, positions[i - 1]));
        const b = order.get(stemAt(entry, positions[i]));
        if (positions[i] === positions[i - 1] + 1 && a !== undefined && b !== undefined && b === a + 1) score += PHRASE_BONUS;
      }
      score *= present.size / stems.length; // passages holding all the words first
      const passage = passages[p];
      hits.push({
        sourceId: entry.source.id,
        start: tokenStarts[positions[0]],
        end: tokenEnds[positions[positions.length - 1]],
        passage: entry.source.text.slice(passage.start, passage.end),
        passageStart: passage.start,
        section: passage.section,
        score,
        marks: positions.map((pos): [number, number] => [tokenStarts[pos] - passage.start, tokenEnds[pos] - passage.start]),
      });
    }
  }
  hits.sort((a, b) => b.score - a.score || a.sourceId.localeCompare(b.sourceId) || a.passageStart - b.passageStart);
  return hits.slice(0, limit);
}
