// Loads the test corpus: the four source excerpts and the gold quotes of the reference article,
// each with the article text around it and the attribution the article gives.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { QuoteQuery, Source, SourceMeta } from '../../../lib/types';

const CORPUS = join(__dirname, '../../fixtures/corpus');

export function loadSources(): Source[] {
  const dir = join(CORPUS, 'sources');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const id = f.replace(/\.txt$/, '');
      const meta = JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')) as Omit<SourceMeta, 'excerpt' | 'origin'>;
      return { ...meta, id, excerpt: true, origin: 'builtin', text: readFileSync(join(dir, f), 'utf8') } as Source;
    });
}

export interface GoldQuote {
  id: string;
  quote: string;
  start: number;
  end: number;
  verdict: string;
  source: string | null;
}

/** The attribution the article gives each quote (null where it names nobody specific). */
export const ATTRIBUTIONS: Record<string, string | null> = {
  q03: 'Wendy Williams, HM Inspector of Constabulary',
  q04: 'HMICFRS',
  q05: 'HMICFRS',
  q07: 'HMICFRS',
  q08: 'HMICFRS',
  q09: 'HMICFRS',
  q10: 'HMICFRS',
  q11: 'the inspectorate',
  q12: 'the report',
  q13: 'the watchdog',
  q17: 'the watchdog',
  q18: 'The inspectors',
  q23: 'The inspectorate',
  q24: 'The National Police Chiefs Council (NPCC)',
  q25: null,
  q26: 'Deputy Chief Constable Ian Critchley',
  q27: 'Deputy Chief Constable Ian Critchley',
};

export const CONTEXT_CHARS = 150;

export function loadGold(): { article: string; quotes: Array<GoldQuote & { query: QuoteQuery }> } {
  const article = readFileSync(join(CORPUS, 'articles/wilby-2023-12-08.txt'), 'utf8');
  const gold = JSON.parse(readFileSync(join(CORPUS, 'gold/wilby-2023-12-08.json'), 'utf8')) as { quotes: GoldQuote[] };
  // Gold offsets are code points; the article has no astral characters, so they are string indices.
  const quotes = gold.quotes.map((g) => ({
    ...g,
    query: {
      text: g.quote,
      attribution: ATTRIBUTIONS[g.id] ?? null,
      before: article.slice(Math.max(0, g.start - CONTEXT_CHARS), g.start),
      after: article.slice(g.end, g.end + CONTEXT_CHARS),
    },
  }));
  return { article, quotes };
}

/**
 * Article context taken from the sources themselves, so that it often recurs: 200 characters
 * before and after a 40-character gap, at `count` places spread through the texts in turn.
 */
export function contextSamples(texts: readonly string[], count = 40): { before: string; after: string }[] {
  const samples: { before: string; after: string }[] = [];
  for (let k = 0; k < count; k++) {
    const text = texts[k % texts.length];
    const at = Math.floor((text.length * (k + 1)) / (count + 1));
    samples.push({ before: text.slice(Math.max(0, at - 200), at), after: text.slice(at + 40, at + 240) });
  }
  return samples;
}
