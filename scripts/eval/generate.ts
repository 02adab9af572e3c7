// The seeded generator: a library and a seed in, news pages with their truth out.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Source } from '../../lib/types';
import { LibraryWords } from './library';
import { buildPage, type GeneratedPage } from './page';
import { createRng } from './prng';
import { makeQuote, QUOTE_KINDS, type QuoteKind } from './quotes';

export interface GenerateOptions {
  seed: number;
  pages: number;
  quotesPerPage: number;
}

export const DEFAULT_GENERATE: GenerateOptions = { seed: 1, pages: 48, quotesPerPage: 24 };

/** Equal numbers of every kind (as far as the total allows), in a seeded order, cut into pages. */
export function kindSchedule(opts: GenerateOptions, rng = createRng(opts.seed)): QuoteKind[][] {
  const total = opts.pages * opts.quotesPerPage;
  const all = rng.shuffle(Array.from({ length: total }, (_, n) => QUOTE_KINDS[n % QUOTE_KINDS.length]));
  return Array.from({ length: opts.pages }, (_, p) => all.slice(p * opts.quotesPerPage, (p + 1) * opts.quotesPerPage));
}

export function generatePages(sources: Source[] | LibraryWords, opts: GenerateOptions): GeneratedPage[] {
  const lib = sources instanceof LibraryWords ? sources : new LibraryWords(sources);
  const rng = createRng(opts.seed);
  return kindSchedule(opts, rng).map((kinds, p) => {
    const bodies = kinds.map((k) => makeQuote(lib, rng, k));
    return buildPage({ id: `page-${String(p + 1).padStart(3, '0')}`, bodies, rng });
  });
}

/** Writes `<id>.html` and `<id>.truth.json` for every page into `dir`. */
export function writePages(dir: string, pages: GeneratedPage[], seed: number): void {
  mkdirSync(dir, { recursive: true });
  for (const page of pages) {
    writeFileSync(join(dir, `${page.meta.id}.html`), page.html);
    writeFileSync(
      join(dir, `${page.meta.id}.truth.json`),
      JSON.stringify({ seed, page: page.meta, text: page.text, quotes: page.quotes }, null, 1),
    );
  }
}
