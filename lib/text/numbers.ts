// Numerals and number words share one matching key: "10" and "ten", "1,200" and "1200",
// "first" and "1st" are the same word written differently (a `minor` difference).

const UNITS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven',
  'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
];
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const ORDINAL_UNITS = [
  '', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth',
  'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth',
  'eighteenth', 'nineteenth',
];
const ORDINAL_TENS: Record<string, number> = {
  twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60, seventieth: 70,
  eightieth: 80, ninetieth: 90,
};

const TENS_VALUE = new Map<string, number>(Object.entries(TENS));
const CARDINAL = new Map<string, number>();
UNITS.forEach((w, i) => CARDINAL.set(w, i));
for (const [w, v] of Object.entries(TENS)) CARDINAL.set(w, v);
const ORDINAL = new Map<string, number>();
ORDINAL_UNITS.forEach((w, i) => {
  if (w) ORDINAL.set(w, i);
});
for (const [w, v] of Object.entries(ORDINAL_TENS)) ORDINAL.set(w, v);

export function ordinalSuffix(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return 'th';
  switch (n % 10) {
    case 1:
      return 'st';
    case 2:
      return 'nd';
    case 3:
      return 'rd';
    default:
      return 'th';
  }
}

const GROUPED_DIGITS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const DIGIT_ORDINAL = /^(\d+)(?:st|nd|rd|th)$/;

/** The matching key of a lower-case word if it is a numeral or number word, else null. */
export function numberKey(word: string): string | null {
  // The three expressions below all start with a digit: most words pass them by at once.
  const first = word.charCodeAt(0);
  if (first >= 48 && first <= 57) return digitsKey(word);
  const c = CARDINAL.get(word);
  if (c !== undefined) return String(c);
  const o = ORDINAL.get(word);
  if (o !== undefined) return `${o}${ordinalSuffix(o)}`;
  return null;
}

/** numberKey of a word starting with an ASCII digit. */
function digitsKey(word: string): string | null {
  if (GROUPED_DIGITS.test(word)) return word.replace(/,/g, '');
  if (/^\d+(?:\.\d+)?$/.test(word)) return word.replace(/^0+(?=\d)/, '');
  const ord = DIGIT_ORDINAL.exec(word);
  if (ord) {
    const n = Number(ord[1]);
    return `${n}${ordinalSuffix(n)}`;
  }
  return null; // the number words are all letters
}

/**
 * False when `word` is surely not a tens word ("twenty" … "ninety": 5 to 7 letters ending in "y"),
 * checked without a lookup: compoundNumberKey is asked about nearly every pair of words.
 */
export function mayBeTens(word: string): boolean {
  const n = word.length;
  return n >= 5 && n <= 7 && word.charCodeAt(n - 1) === 121;
}

/**
 * "twenty" + "seven" (written "twenty-seven") → "27"; "twenty" + "first" → "21st". Returns null
 * when the pair is not a compound number.
 */
export function compoundNumberKey(tens: string, unit: string): string | null {
  if (!mayBeTens(tens)) return null;
  const t = TENS_VALUE.get(tens);
  if (t === undefined) return null;
  const c = UNITS.indexOf(unit);
  if (c >= 1 && c <= 9) return String(t + c);
  const o = ORDINAL.get(unit);
  if (o !== undefined && o >= 1 && o <= 9) return `${t + o}${ordinalSuffix(t + o)}`;
  return null;
}
