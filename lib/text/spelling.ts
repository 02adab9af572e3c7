// British/American spelling folded to one matching key, so that "organisation" and "organization"
// count as the same word (a `minor` difference), while unrelated words stay apart: only curated
// stems and suffix rules with guards are folded ("four"/"for", "tour"/"tor", "prise"/"prize" are not).

// Stems spelt -our in British English; the American form drops the u. Matched anywhere in the
// word, so derived forms fold too (favourite, unfavourable, neighbourhood, colourful).
const OUR_STEMS = [
  'labour', 'colour', 'honour', 'favour', 'behaviour', 'neighbour', 'harbour', 'humour', 'rumour',
  'vapour', 'vigour', 'saviour', 'endeavour', 'flavour', 'odour', 'parlour', 'rigour', 'splendour',
  'tumour', 'armour', 'candour', 'clamour', 'fervour', 'valour', 'rancour', 'savour', 'ardour',
  'demeanour', 'glamour', 'succour', 'clangour',
];

// -re / -er stems, each with its derived forms spelt out (centred/centered cannot be folded by
// a plain substring swap).
const RE_STEMS = [
  'centr', 'theatr', 'metr', 'litr', 'fibr', 'calibr', 'sabr', 'sombr', 'spectr', 'lustr', 'meagr',
  'reconnoitr', 'sceptr', 'goitr', 'mitr', 'ochr', 'sepulchr',
];

// Verbs and nouns that double a final l in British English before -ed, -ing, -er, -ous.
const DOUBLE_L_STEMS = [
  'travel', 'cancel', 'label', 'model', 'level', 'signal', 'channel', 'counsel', 'fuel', 'total',
  'marshal', 'quarrel', 'tunnel', 'dial', 'equal', 'funnel', 'grovel', 'rival', 'shovel', 'swivel',
  'yodel', 'jewel', 'duel', 'panel', 'pedal', 'pencil', 'snorkel', 'marvel', 'libel', 'bevel',
  'chisel', 'initial', 'kennel', 'enamel', 'gravel', 'refuel', 'spiral', 'stencil', 'tassel',
  'towel', 'trammel', 'unravel', 'ravel', 'revel', 'shrivel', 'snivel', 'tinsel', 'worship',
  'kidnap', 'program', 'distil', 'instil', 'fulfil', 'enrol', 'enthral',
];

// Whole-word pairs not covered by a rule (British → American).
const WORD_PAIR_LIST: Record<string, string> = {
  programme: 'program', programmes: 'programs',
  grey: 'gray', greys: 'grays', greyer: 'grayer', greyest: 'grayest', greyish: 'grayish', greying: 'graying', greyed: 'grayed', greyness: 'grayness',
  defence: 'defense', defences: 'defenses', offence: 'offense', offences: 'offenses',
  licence: 'license', licences: 'licenses', pretence: 'pretense', pretences: 'pretenses',
  practise: 'practice', practised: 'practiced', practises: 'practices', practising: 'practicing',
  judgement: 'judgment', judgements: 'judgments', acknowledgement: 'acknowledgment', acknowledgements: 'acknowledgments',
  ageing: 'aging', jewellery: 'jewelry', aluminium: 'aluminum', tyre: 'tire', tyres: 'tires',
  plough: 'plow', ploughs: 'plows', ploughed: 'plowed', mould: 'mold', moulds: 'molds', mouldy: 'moldy',
  moult: 'molt', smoulder: 'smolder', smouldering: 'smoldering', cosy: 'cozy', pyjamas: 'pajamas',
  fulfil: 'fulfill', fulfils: 'fulfills', fulfilment: 'fulfillment', enrol: 'enroll', enrols: 'enrolls',
  enrolment: 'enrollment', enrolments: 'enrollments', instil: 'instill', instils: 'instills', distil: 'distill',
  instalment: 'installment', instalments: 'installments', skilful: 'skillful', skilfully: 'skillfully',
  wilful: 'willful', wilfully: 'willfully', enthral: 'enthrall', enthrals: 'enthralls',
  learnt: 'learned', spelt: 'spelled', burnt: 'burned', dreamt: 'dreamed', leapt: 'leaped', spoilt: 'spoiled',
  mediaeval: 'medieval', storeys: 'stories', sulphur: 'sulfur', sulphate: 'sulfate',
  cheque: 'check', cheques: 'checks', kerb: 'curb', draughtsman: 'draftsman',
  artefact: 'artifact', artefacts: 'artifacts', sceptic: 'skeptic', sceptics: 'skeptics', sceptical: 'skeptical',
  scepticism: 'skepticism', manoeuvre: 'maneuver', manoeuvres: 'maneuvers', manoeuvred: 'maneuvered',
  manoeuvring: 'maneuvering',
};

// Greek/Latin ae/oe spellings (paediatric/pediatric), matched anywhere in the word.
const AE_OE_INFIXES: ReadonlyArray<[string, string]> = [
  ['paed', 'ped'], ['haem', 'hem'], ['anaem', 'anem'], ['anaes', 'anes'], ['leukaem', 'leukem'],
  ['oestr', 'estr'], ['foet', 'fet'], ['diarrhoe', 'diarrhe'], ['oedem', 'edem'], ['oesophag', 'esophag'],
  ['enquir', 'inquir'],
];

// -ise/-isation → -ize/-ization, -yse → -yze. Guarded by a minimum stem length and an exception
// list so that distinct words ("prise"/"prize") never share a key.
const ISE = /^(.{3,})is(e|es|ed|ing|er|ers|ation|ations|ational|able)$/;
const YSE = /^(.{2,})ys(e|es|ed|ing|er|ers)$/;
const ISE_EXCEPTIONS = new Set([
  'premise', 'premises', 'promise', 'promises', 'promised', 'promising', 'compromise', 'compromises',
  'compromised', 'compromising', 'expertise', 'exercise', 'exercises', 'exercised', 'exercising',
  'otherwise', 'likewise', 'clockwise', 'treatise', 'treatises', 'paradise', 'merchandise',
  'merchandising', 'enterprise', 'enterprises', 'surprise', 'surprises', 'surprised', 'surprising',
  'demise', 'chastise', 'chastised', 'advertise', 'advertised', 'advertises', 'advertising',
  'advertiser', 'advertisers', 'franchise', 'franchises', 'disguise', 'disguised', 'despise',
  'despised', 'improvise', 'improvised', 'televise', 'televised', 'supervise', 'supervised',
  'supervising', 'supervises', 'revise', 'revised', 'revises', 'revising', 'devise', 'devised',
  'advise', 'advised', 'advises', 'advising', 'adviser', 'advisers', 'excise', 'incise', 'concise',
  'precise', 'circumcise', 'reprise', 'comprise', 'comprises', 'comprised', 'comprising', 'arise',
  'arises', 'arising', 'raise', 'raised', 'raises', 'raising', 'praise', 'praised', 'praises',
  'noise', 'noises', 'poise', 'poised', 'cruise', 'cruises', 'bruise', 'bruised', 'bruises', 'anise',
  'mortise', 'valise', 'chemise', 'cerise', 'tortoise', 'porpoise', 'turquoise', 'moise', 'tennis',
]);

// A Map, not the object: a word like "constructor" must not find Object.prototype's members.
const WORD_PAIRS = new Map(Object.entries(WORD_PAIR_LIST));

const DOUBLE_L = new Map<string, string>();
for (const stem of DOUBLE_L_STEMS) {
  for (const suffix of ['ed', 'ing', 'er', 'ers', 'ous', 'ously']) {
    DOUBLE_L.set(stem + stem[stem.length - 1] + suffix, stem + suffix);
  }
}
DOUBLE_L.set('woollen', 'woolen');
DOUBLE_L.set('woolly', 'wooly');

const RE_FORMS = new Map<string, string>();
for (const stem of RE_STEMS) {
  const amer = stem.slice(0, -1) + 'er'; // centr → center
  RE_FORMS.set(stem + 'e', amer); // centre
  RE_FORMS.set(stem + 'es', amer + 's'); // centres
  RE_FORMS.set(stem + 'ed', amer + 'ed'); // centred → centered
  RE_FORMS.set(stem + 'ing', amer + 'ing'); // centring → centering
}

/** The rules as data, for tests that compare the fold with a plain reading of them. */
export const SPELLING_RULES = {
  ourStems: OUR_STEMS,
  aeOeInfixes: AE_OE_INFIXES,
  wordPairs: WORD_PAIRS as ReadonlyMap<string, string>,
  doubleL: DOUBLE_L as ReadonlyMap<string, string>,
  reForms: RE_FORMS as ReadonlyMap<string, string>,
  ise: ISE,
  yse: YSE,
  iseExceptions: ISE_EXCEPTIONS as ReadonlySet<string>,
};

/** The spelling-folded form of a lower-case word (American spelling where the two differ). */
export function foldSpelling(word: string): string {
  if (word.length < 4) return word;
  const pair = WORD_PAIRS.get(word);
  if (pair) return pair;
  const dl = DOUBLE_L.get(word);
  if (dl) return dl;
  const re = RE_FORMS.get(word);
  if (re) return re;
  let w = word;
  // Each -our stem ends in "our", each infix but one holds "ae" or "oe", each -ise/-yse form "is"
  // or "ys": a word without them skips those searches.
  if (w.includes('our')) {
    for (const stem of OUR_STEMS) {
      const at = w.indexOf(stem);
      if (at >= 0) {
        w = w.slice(0, at) + stem.slice(0, -2) + 'r' + w.slice(at + stem.length);
        break;
      }
    }
  }
  if (w.includes('ae') || w.includes('oe') || w.includes('enquir')) {
    for (const [brit, amer] of AE_OE_INFIXES) {
      const at = w.indexOf(brit);
      if (at >= 0) {
        w = w.slice(0, at) + amer + w.slice(at + brit.length);
        break;
      }
    }
  }
  if (w.endsWith('logue') || w.endsWith('logues') || w.endsWith('logued') || w.endsWith('loguing')) {
    w = w.replace(/logu(e|es|ed|ing)$/, (_m, s: string) => 'log' + (s === 'e' ? '' : s === 'es' ? 's' : s));
  }
  if ((w.includes('is') || w.includes('ys')) && !ISE_EXCEPTIONS.has(word)) {
    const ise = ISE.exec(w);
    if (ise) w = `${ise[1]}iz${ise[2]}`;
    else {
      const yse = YSE.exec(w);
      if (yse) w = `${yse[1]}yz${yse[2]}`;
    }
  }
  return w;
}
