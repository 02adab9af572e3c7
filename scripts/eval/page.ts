// Lays quote bodies out as a news page: page furniture, journalist prose, every quoting style,
// attribution cues, and the truth (each quote's text and offsets in the article's text).
import type { Verdict } from '../../lib/types';
import type { Rng } from './prng';
import type { QuoteBody, QuoteKind, SourcePart, WordEdit } from './quotes';
import { filler, headline, INVENTED_SPEAKERS, JOURNALISTS, mostRead, navItems, SCARE_FRAMES, SECTIONS, SITE_NAMES } from './prose';

export type QuoteStyle =
  | 'curly-double' | 'curly-single' | 'straight-double' | 'straight-single' | 'guillemets' | 'low-high'
  | 'q' | 'blockquote' | 'british';

type InlineStyle = Exclude<QuoteStyle, 'q' | 'blockquote' | 'british'>;

const MARKS: Record<InlineStyle, [string, string]> = {
  'curly-double': ['“', '”'],
  'curly-single': ['‘', '’'],
  'straight-double': ['"', '"'],
  'straight-single': ["'", "'"],
  guillemets: ['«', '»'],
  'low-high': ['„', '“'],
};
/** The marks of a quote inside a quote of the given style. */
const INNER_MARKS: Record<InlineStyle, [string, string]> = {
  'curly-double': ['‘', '’'],
  'curly-single': ['“', '”'],
  'straight-double': ["'", "'"],
  'straight-single': ['"', '"'],
  guillemets: ['“', '”'],
  'low-high': ['‚', '‘'],
};

/** The truth about one quote on a generated page. */
export interface TruthQuote {
  id: string;
  kind: QuoteKind;
  verdict: Verdict;
  short: boolean;
  /** The article text between the marks: `text === article.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  style: QuoteStyle;
  /** Who the article says said it. */
  attribution: string | null;
  /** The first part's source, and the span from the first part's start to the last part's end when they share it. */
  sourceId: string | null;
  sourceStart: number | null;
  sourceEnd: number | null;
  parts: SourcePart[];
  change: string;
  edits: WordEdit[];
  /** Index (in this page's quotes) of the enclosing quote, for a nested quote. */
  parent: number | null;
}

export interface PageMeta {
  id: string;
  site: string;
  title: string;
  author: string;
  published: string;
  url: string;
}

export interface GeneratedPage {
  meta: PageMeta;
  html: string;
  /** The article body's text as built: paragraphs joined by a blank line. Truth offsets index this. */
  text: string;
  quotes: TruthQuote[];
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Builds the article body's HTML and its plain text together, so offsets are known exactly. */
class ArticleBuilder {
  text = '';
  private html: string[] = [];
  private para: string[] | null = null;
  private paraTag = 'p';

  open(tag: 'p' | 'blockquote' = 'p'): void {
    if (this.text.length) this.text += '\n\n';
    this.para = [];
    this.paraTag = tag;
  }
  /** Appends text shown as is. */
  add(plain: string): void {
    this.put(plain, escapeHtml(plain));
  }
  /** Appends text whose markup differs from its plain text (e.g. `<q>`). */
  put(plain: string, html: string): void {
    if (!this.para) throw new Error('no open paragraph');
    this.text += plain;
    this.para.push(html);
  }
  get offset(): number {
    return this.text.length;
  }
  close(): void {
    if (!this.para) return;
    const inner = this.para.join('');
    this.html.push(this.paraTag === 'blockquote' ? `<blockquote><p>${inner}</p></blockquote>` : `<p>${inner}</p>`);
    this.para = null;
  }
  bodyHtml(): string {
    this.close();
    return this.html.join('\n');
  }
}

interface Who {
  full: string;
  short: string;
}

function whoSaid(body: QuoteBody, rng: Rng): Who {
  if (!body.speaker) {
    const full = rng.pick(INVENTED_SPEAKERS);
    return { full, short: full };
  }
  const parts = body.speaker.split(' ');
  return { full: body.speaker, short: parts[parts.length - 1] };
}

const COMMON_FIRST = new Set([
  'the', 'we', 'our', 'it', 'this', 'there', 'in', 'a', 'an', 'that', 'these', 'they', 'as', 'for', 'no', 'while',
  'if', 'with', 'by', 'to', 'all', 'such', 'so', 'but', 'and', 'at', 'of', 'on', 'from', 'every', 'my', 'its',
]);

function lowerFirst(text: string): string {
  const first = text.split(/\s/)[0].toLowerCase();
  return COMMON_FIRST.has(first) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
const ENDS_SENTENCE = /[.?!]$/;

interface Placed {
  start: number;
  end: number;
  text: string;
  attribution: string | null;
  style: QuoteStyle;
}

/** Writes one inline quote sentence and returns where the quote's words landed. */
function inlineQuote(b: ArticleBuilder, rng: Rng, body: QuoteBody, who: Who, style: InlineStyle | 'q'): Placed {
  const [open, close] = style === 'q' ? ['', ''] : MARKS[style];
  const singleMarks = style === 'curly-single' || style === 'straight-single';
  const year = body.sourceYear ?? '';
  const frame = rng.pick(['said-after', 'that', 'colon', 'according', 'added'] as const);
  const frameOk = body.speaker || (frame !== 'that' && frame !== 'added');
  const f = frameOk ? frame : 'said-after';
  let qtext = body.text;
  let lead = '';
  let tail = '';
  let attribution: string = who.full;
  if (f === 'said-after' || f === 'added') {
    qtext = rng.chance(0.7) ? upperFirst(qtext) : qtext;
    const cue = f === 'added' ? 'he added' : body.speaker ? rng.pick(['the President said', `${who.short} told Congress`, `${who.short} said in ${year}`]) : `said ${who.full}`;
    if (f === 'added') attribution = 'he';
    else if (cue === 'the President said') attribution = 'the President';
    if (ENDS_SENTENCE.test(qtext)) tail = ` ${cue}.`;
    else if (singleMarks) tail = `, ${cue}.`;
    else {
      qtext += ',';
      tail = ` ${cue}.`;
    }
  } else if (f === 'that') {
    qtext = lowerFirst(qtext);
    lead = rng.pick([`In ${year}, ${who.short} told Congress that `, `${who.full} argued that `]);
    attribution = lead.startsWith('In') ? who.short : who.full;
    tail = ENDS_SENTENCE.test(qtext) ? '' : '.';
  } else if (f === 'colon') {
    qtext = upperFirst(qtext);
    lead = body.speaker ? rng.pick([`${who.short} put it this way: `, `In the ${year} address, ${who.short} said: `]) : upperFirst(`${who.full} put it this way: `);
    attribution = body.speaker ? who.short : who.full;
    if (!ENDS_SENTENCE.test(qtext)) qtext += '.';
  } else {
    lead = `According to ${who.full}, `;
    qtext = lowerFirst(qtext);
    tail = ENDS_SENTENCE.test(qtext) ? '' : '.';
  }
  b.add(lead);
  let start: number;
  if (style === 'q') {
    start = b.offset;
    b.put(qtext, `<q>${escapeHtml(qtext)}</q>`);
  } else {
    b.add(open);
    start = b.offset;
    b.add(qtext);
  }
  const end = start + qtext.length;
  if (style !== 'q') b.add(close);
  b.add(tail);
  return { start, end, text: qtext, attribution, style };
}

export interface PageOptions {
  id: string;
  bodies: QuoteBody[];
  rng: Rng;
}

function pickStyle(rng: Rng, body: QuoteBody): QuoteStyle {
  if (body.sentences && rng.chance(0.35)) return 'british';
  const long = body.kind !== 'short';
  const r = rng.next();
  if (r < 0.28) return 'curly-double';
  if (r < 0.42) return 'curly-single';
  if (r < 0.56) return 'straight-double';
  if (r < 0.66) return 'straight-single';
  if (r < 0.74) return 'guillemets';
  if (r < 0.82) return 'low-high';
  if (r < 0.91 || !long) return 'q';
  return 'blockquote';
}

function truthOf(body: QuoteBody, placed: Placed, id: string, parent: number | null): TruthQuote {
  const first = body.parts[0];
  const sameSource = body.parts.every((p) => p.sourceId === first?.sourceId);
  const inOrder = body.parts.every((p, n) => n === 0 || p.start >= body.parts[n - 1].end);
  const joined = first && sameSource && inOrder;
  return {
    id,
    kind: body.kind,
    verdict: body.verdict,
    short: body.kind === 'short',
    text: placed.text,
    start: placed.start,
    end: placed.end,
    style: placed.style,
    attribution: placed.attribution,
    sourceId: first?.sourceId ?? null,
    sourceStart: first ? (joined ? first.start : first.start) : null,
    sourceEnd: first ? (joined ? body.parts[body.parts.length - 1].end : first.end) : null,
    parts: body.parts,
    change: body.change,
    edits: body.edits,
    parent,
  };
}

/** The whole page: furniture, then one paragraph (or block) per quote. */
export function buildPage(opts: PageOptions): GeneratedPage {
  const { rng, bodies, id } = opts;
  const b = new ArticleBuilder();
  const quotes: TruthQuote[] = [];
  const lead = bodies.find((q) => q.speaker) ?? null;
  const leadWho = lead ? whoSaid(lead, rng) : { full: 'the President', short: 'the President' };
  const leadYear = lead?.sourceYear ?? '1900';
  const ctx = { surname: leadWho.short, year: leadYear };

  b.open();
  const intro = filler(rng, ctx);
  let second = filler(rng, ctx);
  while (second === intro) second = filler(rng, ctx);
  b.add(`${intro} ${second}`);
  b.close();

  let n = 0;
  for (const body of bodies) {
    const qid = `${id}-q${String(++n).padStart(2, '0')}`;
    const who = whoSaid(body, rng);
    const style = pickStyle(rng, body);
    if (body.kind === 'short') {
      const nest = rng.chance(0.25);
      if (nest) {
        // A spokesperson's invented sentence holding a scare quote: two quotes, one inside the other.
        const outerStyle = rng.pick<InlineStyle>(['curly-double', 'curly-single', 'straight-double', 'guillemets']);
        const [o1, o2] = MARKS[outerStyle];
        const [i1, i2] = INNER_MARKS[outerStyle];
        const speaker = rng.pick(INVENTED_SPEAKERS);
        const before = rng.pick(['Our plan is simple and the voters know it. Call it ', 'Nobody on the campaign trail says ']);
        const after = rng.pick([' if you like', ' with a straight face any more']);
        b.open();
        b.add(o1);
        const outerStart = b.offset;
        b.add(before + i1);
        const innerStart = b.offset;
        b.add(body.text);
        const innerEnd = b.offset;
        b.add(i2 + after + ',');
        const outerEnd = b.offset;
        b.add(`${o2} said ${speaker}.`);
        b.close();
        const outerText = b.text.slice(outerStart, outerEnd);
        const parentIndex = quotes.length;
        quotes.push({
          ...truthOf({ ...body, kind: 'not_found', change: 'invented, holds a scare quote' }, { start: outerStart, end: outerEnd, text: outerText, attribution: speaker, style: outerStyle }, `${qid}o`, null),
          short: false,
        });
        quotes.push(truthOf(body, { start: innerStart, end: innerEnd, text: body.text, attribution: null, style: outerStyle }, qid, parentIndex));
        continue;
      }
      const frame = rng.pick(SCARE_FRAMES);
      const [o, c] = style === 'q' ? ['', ''] : MARKS[style as InlineStyle];
      const [pre, post] = frame.split('{Q}');
      b.open();
      if (rng.chance(0.5)) b.add(`${filler(rng, ctx)} `);
      b.add(pre + o);
      const start = b.offset;
      if (style === 'q') b.put(body.text, `<q>${escapeHtml(body.text)}</q>`);
      else b.add(body.text);
      const end = b.offset;
      b.add(c + post);
      b.close();
      quotes.push(truthOf(body, { start, end, text: body.text, attribution: null, style }, qid, null));
      continue;
    }
    if (style === 'blockquote') {
      b.open();
      b.add(body.speaker ? `In the ${body.sourceYear} address, ${who.short} went on:` : upperFirst(`${who.full} said:`));
      b.close();
      b.open('blockquote');
      const text = ENDS_SENTENCE.test(body.text) ? body.text : `${body.text}.`;
      const start = b.offset;
      b.add(text);
      b.close();
      quotes.push(truthOf(body, { start, end: start + text.length, text, attribution: body.speaker ? who.short : who.full, style }, qid, null));
      continue;
    }
    if (style === 'british' && body.sentences) {
      // British style: every paragraph opens with a mark, only the last one closes.
      const [o, c] = rng.chance(0.5) ? MARKS['curly-double'] : MARKS['curly-single'];
      b.open();
      b.add(body.speaker ? `${who.full} continued at length:` : upperFirst(`${who.full} told us:`));
      b.close();
      const sentences = body.sentences.map((s, k) => (k === body.sentences!.length - 1 && !ENDS_SENTENCE.test(s) ? `${s}.` : s));
      const groups = sentences.length > 3 ? [sentences.slice(0, 2), sentences.slice(2)] : sentences.map((s) => [s]);
      let start = -1;
      groups.forEach((g, k) => {
        b.open();
        b.add(o);
        if (start < 0) start = b.offset;
        b.add(g.join(' '));
        if (k === groups.length - 1) {
          const end = b.offset;
          b.add(c);
          quotes.push(truthOf(body, { start, end, text: b.text.slice(start, end), attribution: who.full, style }, qid, null));
        }
        b.close();
      });
      continue;
    }
    b.open();
    if (rng.chance(0.4)) b.add(`${filler(rng, ctx)} `);
    const placed = inlineQuote(b, rng, body, who, style === 'british' ? 'curly-double' : (style as InlineStyle | 'q'));
    if (rng.chance(0.3)) b.add(` ${filler(rng, ctx)}`);
    b.close();
    quotes.push(truthOf(body, placed, qid, null));
  }

  b.open();
  b.add(`${filler(rng, ctx)} This article has been updated to add the full transcript references.`);
  const bodyHtml = b.bodyHtml();

  const site = rng.pick(SITE_NAMES);
  const author = rng.pick(JOURNALISTS);
  const section = rng.pick(SECTIONS);
  const title = headline(rng, ctx.surname, ctx.year);
  const published = `2024-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}T${String(rng.int(6, 21)).padStart(2, '0')}:00:00Z`;
  const domain = site.toLowerCase().replace(/^the /, '').replace(/\s+/g, '') + '.example';
  const url = `https://${domain}/${section.toLowerCase().replace(/\s+/g, '-')}/${id}`;
  const meta: PageMeta = { id, site, title, author, published, url };
  const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: title, author: { name: author } });
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} | ${escapeHtml(site)}</title>
<meta property="og:site_name" content="${escapeHtml(site)}">
<meta property="og:title" content="${escapeHtml(title)}">
<meta property="og:type" content="article">
<meta name="author" content="${escapeHtml(author)}">
<meta property="article:published_time" content="${published}">
<link rel="canonical" href="${url}">
<script type="application/ld+json">${ld.replace(/</g, '\\u003c')}</script>
</head>
<body>
<header class="site-header">
<a class="logo" href="/">${escapeHtml(site)}</a>
<nav><ul>${navItems(rng).map((item) => `<li><a href="/${encodeURIComponent(item.toLowerCase())}">${escapeHtml(item)}</a></li>`).join('')}</ul></nav>
</header>
<main>
<article>
<h1>${escapeHtml(title)}</h1>
<p class="byline">By <a rel="author" href="/authors/${author.toLowerCase().replace(/\s+/g, '-')}">${escapeHtml(author)}</a> · <time datetime="${published}">${published.slice(0, 10)}</time></p>
<figure><img src="/img/${id}.jpg" alt="The Capitol"><figcaption>The Capitol at dusk. Photo: “Archive” collection</figcaption></figure>
<div class="article-body">
${bodyHtml}
</div>
</article>
<aside class="most-read">
<h2>Most read</h2>
<ol>${mostRead(rng).map((h) => `<li><a href="#">${escapeHtml(h)}</a></li>`).join('')}</ol>
</aside>
</main>
<footer>
<form class="comments" action="/comments" method="post">
<h2>Join the “discussion”</h2>
<label for="comment">Your comment (please don’t post ‘spoilers’)</label>
<textarea id="comment" name="comment" placeholder="Say what you think, e.g. &quot;great piece&quot;"></textarea>
<button type="submit">Post comment</button>
</form>
<p>© 2024 ${escapeHtml(site)}. All rights reserved. ‘${escapeHtml(site)}’ is a registered trademark.</p>
</footer>
</body>
</html>
`;
  return { meta, html, text: b.text, quotes };
}

