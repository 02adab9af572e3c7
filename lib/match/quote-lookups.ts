// The fingerprints a quote's check looks up in the library index (every k-gram of each of its
// parts, as candidate retrieval walks them), worked out before the check. A cold worker learns
// the page's quotes while IndexedDB is still reading the texts; with these it can sort the
// postings partitions the checks will reach (LibraryIndex.prepareLookups) in that wait, instead
// of on each partition's first lookup inside the first batch. Only the order of work changes: a
// partition is sorted the same way whenever it is sorted.
import { hashKey, kgramHash } from './fingerprints';
import { parseQuote } from './quote-parts';
import { KGRAM_WORDS } from './thresholds';

/**
 * The k-gram fingerprints a check of `text` looks up, in the order it looks them up (repeats
 * kept). Each word's hash is hashKey of its key, which is what the lexicon stores for a known word.
 */
export function quoteLookups(text: string): number[] {
  const pq = parseQuote(text);
  const tokens = pq.tokens;
  const keyHashes = new Uint32Array(tokens.length);
  for (let k = 0; k < tokens.length; k++) keyHashes[k] = hashKey(tokens[k].key);
  const out: number[] = [];
  for (const part of pq.parts) {
    for (let i = part.from; i + KGRAM_WORDS <= part.to; i++) out.push(kgramHash(keyHashes, i));
  }
  return out;
}
