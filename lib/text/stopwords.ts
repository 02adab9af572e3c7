// Function words carry no evidence that two passages are about the same thing; the context
// check for short quotes and the library search skip them.

const STOPWORDS = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before
  being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't
  down during each either else even ever every few for from further had hadn't has hasn't have haven't
  having he he'd he'll he's her here here's hers herself him himself his how how's however i i'd i'll i'm
  i've if in into is isn't it it's its itself just least less let's like may me might more most much must
  mustn't my myself neither no nor not now of off on once only or other ought our ours ourselves out over
  own per quite rather really same shan't she she'd she'll she's should shouldn't since so some such than
  that that's the their theirs them themselves then there there's these they they'd they'll they're
  they've this those though through thus to too under until up upon us very via was wasn't we we'd we'll
  we're we've were weren't what what's when when's where where's whether which while whilst who who's whom
  whose why why's will with within without won't would wouldn't yet you you'd you'll you're you've your
  yours yourself yourselves said says say saying told according
  one`
    .split(/\s+/)
    .filter(Boolean),
);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/**
 * Names the output of lightStem and isStopword: the library lexicon stores its words' stems under
 * this number and a stored stem list of any other number is worked out afresh. Bump it whenever
 * lightStem or isStopword (the stopword list included) changes.
 */
export const STEMMER_VERSION = 1;

/**
 * A light stemmer for context and search: plural -s/-es/-ies, -ing, -ed and a final -e, so that
 * "number"/"numbers", "report"/"reports", "highlighted"/"highlights" compare equal. Not used for
 * quote matching, where such differences are word changes.
 */
export function lightStem(word: string): string {
  let w = word.replace(/'s$/, '').replace(/'/g, '');
  if (/^\d/.test(w)) return w;
  if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}
