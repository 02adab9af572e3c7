// A library ten times the State of the Union set for the scale measurements: the 233 real
// addresses plus nine perturbed copies of each. A copy is not an exact duplicate: about one word
// in ten is swapped with its neighbour, dropped, or replaced by a synonym or another word of the
// same address, so copies share long runs with their original (the hard case for candidate
// retrieval: every quote of an address has ten near-matches) but never the whole text.
import type { Source } from '../../lib/types';
import { createRng, type Rng } from '../eval/prng';

/** Chance that a word is changed, and how: swap with the next word, drop, synonym or other word. */
export const PERTURB_RATE = 0.1;

// A small thesaurus of words common in the addresses; both directions are used.
const SYNONYM_PAIRS: Array<[string, string]> = [
  ['great', 'large'], ['nation', 'country'], ['people', 'citizens'], ['government', 'administration'],
  ['must', 'should'], ['will', 'shall'], ['large', 'substantial'], ['important', 'significant'],
  ['increase', 'rise'], ['year', 'twelvemonth'], ['war', 'conflict'], ['peace', 'tranquillity'],
  ['world', 'globe'], ['work', 'labor'], ['help', 'assist'], ['new', 'fresh'], ['public', 'common'],
  ['states', 'commonwealths'], ['congress', 'legislature'], ['law', 'statute'], ['power', 'authority'],
  ['freedom', 'liberty'], ['economy', 'commerce'], ['american', 'national'], ['today', 'now'],
  ['made', 'done'], ['make', 'create'], ['give', 'grant'], ['many', 'numerous'], ['every', 'each'],
];
const SYNONYMS = new Map<string, string>();
for (const [a, b] of SYNONYM_PAIRS) {
  SYNONYMS.set(a, b);
  SYNONYMS.set(b, a);
}

const WORD = /[A-Za-z]+(?:'[A-Za-z]+)?/g;

function matchCase(like: string, word: string): string {
  return like[0] === like[0].toUpperCase() ? word[0].toUpperCase() + word.slice(1) : word;
}

/** One perturbed copy of a text: paragraph breaks and punctuation kept, about PERTURB_RATE of the words changed. */
export function perturbText(text: string, rng: Rng, rate = PERTURB_RATE): string {
  const words = text.match(WORD) ?? [];
  if (words.length === 0) return text;
  const out: string[] = [];
  let last = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    out.push(text.slice(last, m.index));
    last = m.index + m[0].length;
    const w = m[0];
    if (!rng.chance(rate)) {
      out.push(w);
      continue;
    }
    const r = rng.next();
    const syn = SYNONYMS.get(w.toLowerCase());
    if (r < 0.3) {
      // Swap with the next word: write the next word here and this one there.
      const next = WORD.exec(text);
      if (!next) {
        out.push(w);
        break;
      }
      out.push(next[0]);
      out.push(text.slice(last, next.index));
      last = next.index + next[0].length;
      out.push(w);
    } else if (r < 0.5) {
      // Drop the word (its following space stays, so no words run together).
    } else if (syn && r < 0.8) out.push(matchCase(w, syn));
    else out.push(matchCase(w, rng.pick(words).toLowerCase()));
  }
  out.push(text.slice(last));
  return out.join('');
}

/** The sources plus `copies` perturbed copies of each, with ids `<id>~<n>`, deterministic for a seed. */
export function tenfoldLibrary(sources: readonly Source[], copies = 9, seed = 7): Source[] {
  const rng = createRng(seed);
  const out: Source[] = [...sources];
  for (let c = 1; c <= copies; c++) {
    for (const s of sources) out.push({ ...s, id: `${s.id}~${c}`, text: perturbText(s.text, rng) });
  }
  return out;
}
