// A CSL-JSON item built from what the library knows about a source. CSL-JSON is the shared input of
// the citation styles and of the BibTeX / RIS / CSL-JSON exports, so the record stays style-neutral:
// style-specific rules (who counts as publisher, which title form) live in format.ts.

import type { SourceMeta } from '../types';

/** A person (`family`, `given`) or an institution (`literal`). */
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

export interface CslDate {
  'date-parts': [number, number?, number?][];
}

export type CslType =
  | 'report'
  | 'webpage'
  | 'speech'
  | 'article-newspaper'
  | 'book'
  | 'document';

/** The subset of CSL-JSON that Verbatim writes. */
export interface CslItem {
  id: string;
  type: CslType;
  title: string;
  author?: CslName[];
  publisher?: string;
  'container-title'?: string;
  genre?: string;
  issued?: CslDate;
  accessed?: CslDate;
  URL?: string;
  note?: string;
  /** CSL-JSON's place for facts without a field of their own (CSL 1.0.2 schema). */
  custom?: {
    /** The author is the organisation that published the document (an institutional author). */
    publisherIsAuthor?: boolean;
    /** The organisation's own short name, e.g. "HMICFRS". */
    authorAbbreviation?: string;
  };
}

export interface CslRecordOptions {
  /** The day the reader looked at the source, ISO `YYYY-MM-DD`. */
  accessed?: string | null;
}

/** The parts of a publisher line such as "National Police Chiefs’ Council (NPCC) newsroom". */
export interface PublisherParts {
  name: string; // the organisation: "National Police Chiefs’ Council"
  abbreviation: string | null; // "NPCC"
  venue: string | null; // where it was published, when the line names more than the body: "NPCC newsroom"
  remark: string | null; // a parenthetical that is not an abbreviation: "statement reproduced by …"
}

// An abbreviation in brackets: capitals, maybe with & or dots, at least two capitals ("HMICFRS", "NPCC", "HM&CS").
const ABBREVIATION = /^(?=(?:.*[A-Z]){2})[A-Z][A-Za-z&.]{1,14}$/;

export function splitPublisher(publisher: string): PublisherParts {
  const line = publisher.trim().replace(/\s+/g, ' ');
  const m = /^(.*?)\s*\(([^()]*)\)\s*(.*)$/.exec(line);
  if (!m || !m[1]) return { name: line, abbreviation: null, venue: null, remark: null };
  const [, name, inner, tail] = m;
  if (ABBREVIATION.test(inner.trim())) {
    const abbreviation = inner.trim();
    return { name, abbreviation, venue: tail ? `${abbreviation} ${tail}` : null, remark: null };
  }
  return { name: tail ? `${name} ${tail}` : name, abbreviation: null, venue: null, remark: inner.trim() };
}

// Words that mark an organisation rather than a person, for author strings such as "Home Office".
const ORGANISATION_WORD =
  /\b(council|office|department|ministry|inspectorate|agency|commission|committee|service|services|police|authority|government|association|institute|university|trust|foundation|group|board|court|parliament|limited|ltd|inc|plc|news|newsroom|bbc)\b/i;

const PARTICLE = /^(van|von|der|den|de|la|le|du|da|di)$/i;

/** A personal name "Given Family" → `{ given, family }`; anything else stays a literal. */
export function personOrLiteral(name: string): CslName {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (ORGANISATION_WORD.test(clean)) return { literal: clean };
  // "Family, Given" as some metadata writes it.
  const inverted = /^([^,]+),\s*([^,]+)$/.exec(clean);
  if (inverted) return { family: inverted[1], given: inverted[2] };
  const words = clean.split(' ');
  const isParticle = (w: string) => PARTICLE.test(w);
  if (words.length < 2 || words.length > 5 || !words.every((w) => /^\p{Lu}/u.test(w) || isParticle(w)))
    return { literal: clean };
  // Particles stay with the family name: "Ursula von der Leyen".
  let cut = words.length - 1;
  while (cut > 1 && isParticle(words[cut - 1])) cut--;
  return { given: words.slice(0, cut).join(' '), family: words.slice(cut).join(' ') };
}

/** Several authors in one string: "A; B" or "A and B" (an organisation's name is never split). */
function splitAuthors(author: string): CslName[] {
  const clean = author.trim();
  let parts = [clean];
  if (clean.includes(';')) parts = clean.split(';');
  else if (!ORGANISATION_WORD.test(clean)) parts = clean.split(/,\s*and\s+|\s+and\s+|\s*&\s*/);
  return parts.map((p) => p.trim()).filter(Boolean).map(personOrLiteral);
}

/** "Ian Critchley, NPCC Lead for Child Protection" → "Ian Critchley". */
function speakerName(speaker: string): string {
  return speaker.split(',')[0].trim();
}

export function cslDate(iso: string | null | undefined): CslDate | undefined {
  if (!iso) return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso.trim());
  if (!m) return undefined;
  const parts: [number, number?, number?] = [Number(m[1])];
  if (m[2]) parts.push(Number(m[2]));
  if (m[3]) parts.push(Number(m[3]));
  return { 'date-parts': [parts] };
}

function cslType(type: string): { type: CslType; genre?: string } {
  switch (type) {
    case 'report':
      return { type: 'report' };
    // A press release or statement online is a page of its issuer's site; the genre says what kind.
    case 'press-release':
      return { type: 'webpage', genre: 'Press release' };
    case 'statement':
      return { type: 'webpage', genre: 'Statement' };
    case 'speech':
      return { type: 'speech' };
    case 'article':
      return { type: 'article-newspaper' };
    default:
      return { type: 'document' };
  }
}

export function cslRecord(meta: SourceMeta, opts: CslRecordOptions = {}): CslItem {
  const { type, genre } = cslType(meta.type);
  const item: CslItem = { id: meta.id, type, title: meta.title.trim() };
  if (genre) item.genre = genre;

  const publisher = meta.publisher?.trim() ? splitPublisher(meta.publisher) : null;
  if (meta.author?.trim()) {
    item.author = splitAuthors(meta.author);
  } else if (meta.type === 'speech' && meta.speaker?.trim()) {
    item.author = [personOrLiteral(speakerName(meta.speaker))];
  } else if (publisher) {
    // No personal author: the issuing body is the author (an institutional author).
    item.author = [{ literal: publisher.name }];
    item.custom = { publisherIsAuthor: true };
    if (publisher.abbreviation) item.custom.authorAbbreviation = publisher.abbreviation;
  }

  if (publisher) {
    // As publisher the body goes by its short name when it has one (the author line already gives it in full).
    const shortName = publisher.abbreviation ?? publisher.name;
    // A page names its site (container); a document names its publisher. Both would print twice.
    if (type === 'webpage' || type === 'article-newspaper') item['container-title'] = publisher.venue ?? shortName;
    else item.publisher = shortName;
    if (publisher.remark) item.note = publisher.remark;
  }

  const issued = cslDate(meta.published);
  if (issued) item.issued = issued;
  if (meta.url) item.URL = meta.url;
  const accessed = cslDate(opts.accessed);
  if (accessed && meta.url) item.accessed = accessed;
  return item;
}
