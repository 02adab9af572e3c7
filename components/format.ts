// Words and links the card and popup show for a source: short names, dates, deep links.
import type { SourceMeta } from '../lib/types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2023-12-08" → "8 Dec 2023"; "2023-12" → "Dec 2023"; anything else is shown as given. */
export function formatDate(iso: string | null): string | null {
  if (!iso) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  if (!mo) return y;
  const month = MONTHS[Number(mo) - 1];
  if (!month) return iso;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** The publisher's acronym: a capitalised one in brackets ("… (HMICFRS)"), or the initials of its name. */
export function publisherShortName(publisher: string | null): string | null {
  if (!publisher) return null;
  const bracketed = /\(([A-Z][A-Za-z&]{1,11})\)/.exec(publisher);
  if (bracketed && /^[A-Z&]+$/.test(bracketed[1])) return bracketed[1];
  const name = publisher.split('(')[0].trim();
  if (name.length <= 24) return name;
  const initials = name
    .split(/\s+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join('');
  return initials.length >= 2 ? initials : name;
}

const TYPE_NAMES: Record<string, string> = {
  report: 'report',
  'press-release': 'press release',
  statement: 'statement',
  speech: 'speech',
  article: 'article',
};

/** A short name a reader recognises: "HMICFRS press release", "NPCC statement"; else the title. */
export function sourceShortName(source: Pick<SourceMeta, 'publisher' | 'type' | 'title'>): string {
  const who = publisherShortName(source.publisher);
  const what = TYPE_NAMES[source.type];
  if (who && what) return `${who} ${what}`;
  return source.title;
}

/** "HMICFRS press release, 8 Dec 2023" */
export function sourceLine(source: Pick<SourceMeta, 'publisher' | 'type' | 'title' | 'published'>): string {
  const date = formatDate(source.published);
  return date ? `${sourceShortName(source)}, ${date}` : sourceShortName(source);
}

/** Only web links open from the card: a library entry's URL is data, not something to execute. */
export function safeHttpUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Text fragments treat `-`, `&` and `,` as syntax: percent-encode them with the rest. */
function encodeFragmentText(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

/**
 * A link that opens the source scrolled to the passage (`#:~:text=`). Long passages are named by
 * their first and last words. Falls back to the plain URL when there is no usable passage.
 */
export function passageLink(url: string | null, passage: string | null): string | null {
  const base = safeHttpUrl(url);
  if (!base) return null;
  const words = (passage ?? '').replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  if (words.length < 2) return base;
  const plain = base.split('#')[0];
  const fragment =
    words.length <= 12
      ? encodeFragmentText(words.join(' '))
      : `${encodeFragmentText(words.slice(0, 5).join(' '))},${encodeFragmentText(words.slice(-5).join(' '))}`;
  return `${plain}#:~:text=${fragment}`;
}

/** The first words of a quote, for lists. */
export function firstWords(text: string, max = 12): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  return words.length <= max ? words.join(' ') : `${words.slice(0, max).join(' ')}…`;
}

const STOP = new Set(['the', 'a', 'an', 'of', 'and', 'said', 'says', 'say', 'told', 'its', 'his', 'her', 'their', 'in', 'on', 'to', 'by', 'for', 'from', 'with', 'also', 'has', 'had', 'was']);

const ROLE_WORDS = new Set(['watchdog', 'regulator', 'spokesperson', 'spokesman', 'spokeswoman', 'official', 'officials', 'source', 'sources', 'authorities']);

/**
 * Whether the article's attribution fits the source the words were found in: true when a word of
 * the attribution appears in the source's title, publisher, speaker, author or type; false when none
 * does; null when the article names no one. A hint for the reader, not a verdict.
 */
export function attributionFits(attribution: string | null | undefined, source: SourceMeta): boolean | null {
  if (!attribution) return null;
  const words = attribution
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !STOP.has(w));
  if (words.length === 0) return null;
  // A role ("the watchdog", "a spokesperson") names no one the metadata can confirm or contradict.
  if (words.every((w) => ROLE_WORDS.has(w))) return null;
  const hay = [source.title, source.publisher, source.speaker, source.author, TYPE_NAMES[source.type] ?? source.type]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  return words.some((w) => new RegExp(`(^|[^\\p{L}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u').test(hay));
}
