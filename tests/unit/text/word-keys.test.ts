// Shortcuts in working out a word's matching key (first sight of a word only): the spelling fold
// skips rule searches a word cannot match, numberKey skips its digit expressions for a word not
// starting with a digit, and an ASCII word skips NFD. Each is compared with the plain computation
// on every word of the corpus and the SOTU library and on made-up words built around the rules.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldSpelling, SPELLING_RULES } from '../../../lib/text/spelling';
import { numberKey, ordinalSuffix } from '../../../lib/text/numbers';
import { matchKey, tokenize } from '../../../lib/text/tokenize';
import { loadSotuLibrary } from '../../../scripts/eval/library';
import { createRng } from '../../../scripts/eval/prng';

const CORPUS = join(__dirname, '../../fixtures/corpus');

/** Every distinct word form of the corpus and the SOTU library. */
function vocabulary(): string[] {
  const forms = new Set<string>();
  const texts = readdirSync(join(CORPUS, 'sources'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(CORPUS, 'sources', f), 'utf8'));
  texts.push(readFileSync(join(CORPUS, 'articles/wilby-2023-12-08.txt'), 'utf8'));
  for (const s of loadSotuLibrary()) texts.push(s.text);
  for (const t of texts) for (const tok of tokenize(t)) forms.add(tok.form);
  return [...forms];
}

/** Words built around the rules: every stem and infix inside other letters, with the suffixes the rules know. */
function ruleWords(): string[] {
  const rng = createRng(23);
  const out: string[] = [];
  const around = (core: string) => {
    for (let k = 0; k < 4; k++) {
      const pre = Array.from({ length: rng.int(0, 3) }, () => rng.pick([...'abcdeiosuy'])).join('');
      const post = rng.pick(['', 's', 'ed', 'ing', 'ful', 'ite', 'able', 'ise', 'ised', 'isation', 'yse', 'ysed', 'logue', 'ous']);
      out.push(pre + core + post);
    }
  };
  for (const stem of SPELLING_RULES.ourStems) around(stem);
  for (const [brit] of SPELLING_RULES.aeOeInfixes) around(brit);
  for (const core of ['real', 'organ', 'anal', 'paral', 'cataly', 'prom', 'exerc', 'critic', 'dia', 'mono', 'our', 'ae', 'oe']) around(core);
  for (let k = 0; k < 3000; k++) out.push(Array.from({ length: rng.int(1, 12) }, () => rng.pick([...'aeiostyrunlgdc'])).join(''));
  return out;
}

// The fold as it was written before the shortcuts: every search run on every word.
function plainFold(word: string): string {
  const R = SPELLING_RULES;
  if (word.length < 4) return word;
  const table = R.wordPairs.get(word) ?? R.doubleL.get(word) ?? R.reForms.get(word);
  if (table) return table;
  let w = word;
  for (const stem of R.ourStems) {
    const at = w.indexOf(stem);
    if (at >= 0) {
      w = w.slice(0, at) + stem.slice(0, -2) + 'r' + w.slice(at + stem.length);
      break;
    }
  }
  for (const [brit, amer] of R.aeOeInfixes) {
    const at = w.indexOf(brit);
    if (at >= 0) {
      w = w.slice(0, at) + amer + w.slice(at + brit.length);
      break;
    }
  }
  if (w.endsWith('logue') || w.endsWith('logues') || w.endsWith('logued') || w.endsWith('loguing')) {
    w = w.replace(/logu(e|es|ed|ing)$/, (_m, s: string) => 'log' + (s === 'e' ? '' : s === 'es' ? 's' : s));
  }
  if (!R.iseExceptions.has(word)) {
    const ise = R.ise.exec(w);
    if (ise) w = `${ise[1]}iz${ise[2]}`;
    else {
      const yse = R.yse.exec(w);
      if (yse) w = `${yse[1]}yz${yse[2]}`;
    }
  }
  return w;
}

describe('the matching key shortcuts', () => {
  it('fold spelling as the plain searches do, on every word of the corpus and the SOTU library and around every rule', () => {
    let folded = 0;
    for (const word of [...vocabulary(), ...ruleWords()]) {
      const got = foldSpelling(word);
      if (got !== plainFold(word)) expect({ word, got }).toEqual({ word, got: plainFold(word) });
      if (got !== word) folded++;
    }
    expect(folded).toBeGreaterThan(200);
  }, 60_000);

  it('numberKey as the plain expressions give, on numerals, number words and every word of the library', () => {
    const plain = (word: string): string | null => {
      if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(word)) return word.replace(/,/g, '');
      if (/^\d+(?:\.\d+)?$/.test(word)) return word.replace(/^0+(?=\d)/, '');
      const ord = /^(\d+)(?:st|nd|rd|th)$/.exec(word);
      if (ord) return `${Number(ord[1])}${ordinalSuffix(Number(ord[1]))}`;
      return null;
    };
    const UNITS = 'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(' ');
    const ORDINALS = 'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth'.split(' ');
    const NUMBER_WORDS = new Map<string, string>();
    UNITS.forEach((u, i) => NUMBER_WORDS.set(u, String(i)));
    ORDINALS.forEach((o, i) => NUMBER_WORDS.set(o, `${i + 1}${ordinalSuffix(i + 1)}`));
    'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ').forEach((t, i) => NUMBER_WORDS.set(t, String(20 + 10 * i)));
    'twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth'.split(' ').forEach((t, i) => NUMBER_WORDS.set(t, `${20 + 10 * i}th`));
    const words = [...vocabulary(), '1,200', '007', '0', '3.50', '21st', '2nd', '1,2', 'x1', '１２', '٣', 'twenty', 'first', 'ninth', 'nineteen', 'zero'];
    let numbers = 0;
    for (const w of words) {
      const expected = /^\d/.test(w) ? plain(w) : (NUMBER_WORDS.get(w) ?? null);
      expect(numberKey(w)).toBe(expected);
      if (/^\d/.test(w) && expected !== null) numbers++;
    }
    expect(numbers).toBeGreaterThan(100);
  }, 60_000);

  it('matchKey of an ASCII word is that of its NFD form without marks', () => {
    for (const w of ['cafe', "don't", 'naive', 'organisation', '1,200', 'twenty']) expect(matchKey(w)).toBe(matchKey(w.normalize('NFD')));
    expect(matchKey('café')).toBe('cafe');
    expect(matchKey('naïve')).toBe('naive');
  });
});
