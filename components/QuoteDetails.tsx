// What the card and the popup show about one checked quote: the original passage with the span
// marked and a sentence either side, what differs, who said it and who quotes it, other sources,
// and for a quote not found, what to do next. Every piece of page or library text is rendered as
// text (Preact escapes it).
import type { ArticleMeta, QuoteCheck } from '../lib/types';
import type { SourceInfo } from '../lib/messages';
import { VerdictBadge } from './VerdictBadge';
import { MarkedText } from './MarkedText';
import { sentenceWindow } from './passage';
import { WordDiff, diffHasChanges } from './WordDiff';
import { attributionFits, formatDate, sourceLine, sourceShortName } from './format';

export interface CardQuote {
  text: string;
  attribution: string | null;
  short: boolean;
}

export interface QuoteDetailsProps {
  quote: CardQuote;
  check: QuoteCheck;
  sources: Record<string, SourceInfo>;
  librarySize?: number;
  /** The page the quote was read on (its metadata), for "Quoted in". */
  article?: ArticleMeta | null;
  /** Asks the extension to open the page where sources are added. */
  onAddSource?: () => void;
}

/** "Wendy Williams, His Majesty’s Inspector…" → "Wendy Williams": the person, without the title. */
export function personName(name: string | null): string | null {
  const first = name?.split(',')[0].trim();
  return first ? first : null;
}

/** A web search for the exact words: opened only when the reader clicks it. */
export function webSearchUrl(words: string): string {
  const exact = `"${words.replace(/\s+/g, ' ').trim().replace(/"/g, '')}"`;
  return `https://duckduckgo.com/?q=${encodeURIComponent(exact)}`;
}

function SourceCredit({ source }: { source: SourceInfo }) {
  const speaker = personName(source.speaker);
  return (
    <dl class="vb-facts" data-part="source-credit">
      {speaker && (
        <>
          <dt>Said by</dt>
          <dd>{source.speaker}</dd>
        </>
      )}
      {source.author && (
        <>
          <dt>Author</dt>
          <dd>{source.author}</dd>
        </>
      )}
      {source.publisher && (
        <>
          <dt>Publisher</dt>
          <dd>{source.publisher}</dd>
        </>
      )}
      <dt>Title</dt>
      <dd>
        <cite>{source.title}</cite>
      </dd>
      <dt>Date</dt>
      <dd>{formatDate(source.published) ?? <span class="vb-muted">not dated</span>}</dd>
    </dl>
  );
}

function QuotedIn({ article }: { article: ArticleMeta }) {
  const site = article.site ?? (article.url ? hostOf(article.url) : null);
  const parts = [site, article.author, formatDate(article.published)].filter((p): p is string => Boolean(p));
  if (parts.length === 0 && !article.title) return null;
  return (
    <p class="vb-quoted-in" data-part="quoted-in">
      <span class="vb-muted">Quoted in </span>
      {article.title && <cite>{article.title}</cite>}
      {article.title && parts.length > 0 && ', '}
      {parts.join(', ')}
    </p>
  );
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}

export function QuoteDetails({ quote, check, sources, librarySize, article, onAddSource }: QuoteDetailsProps) {
  const { verdict, match } = check;
  const source = match ? sources[match.sourceId] : undefined;
  const passage = match ? sentenceWindow(match.context, match.start - match.contextStart, match.end - match.contextStart) : null;
  const changed = match ? diffHasChanges(match.diff, match.sourceEnds) : false;
  const unchecked = match ? match.sourceEnds && match.diff.some((op) => op.op !== 'equal') : false;
  const fits = source ? attributionFits(quote.attribution, source) : null;
  const where = [match?.section && `Section: ${match.section}`, match?.page != null && `page ${match.page}`].filter(
    (x): x is string => Boolean(x),
  );

  return (
    <>
      {match && source && (
        <section class="vb-part" aria-label="The original">
          <h3 class="vb-part-title">The original</h3>
          <p class="vb-source-title">
            <cite>{source.title}</cite>
            {source.excerpt && (
              <span class="vb-excerpt" title={source.coverage ?? 'The library holds only part of this document.'}>
                Excerpt
              </span>
            )}
          </p>
          <p class="vb-source-meta">
            {[source.publisher, formatDate(source.published)].filter((x): x is string => Boolean(x)).join(' · ')}
          </p>
          {where.length > 0 && <p class="vb-section">{where.join(' · ')}</p>}
          {passage && (
            <blockquote class="vb-passage">
              <MarkedText text={passage.text} marks={[[passage.start, passage.end]]} />
            </blockquote>
          )}
          {match.sourceEnds && (
            <p class="vb-note">
              Your library holds only an excerpt of this document, and it stops inside the quoted words: the rest
              could not be checked.
            </p>
          )}
        </section>
      )}

      {match && verdict !== 'verbatim' && (changed || unchecked) && (
        <section class="vb-part" aria-label="Differences">
          <h3 class="vb-part-title">Quote compared with the original</h3>
          <WordDiff diff={match.diff} sourceEnds={match.sourceEnds} />
          <p class="vb-legend">
            {changed && (
              <>
                <del class="vb-del">struck through</del>: in the original, not in the quote.{' '}
                <ins class="vb-ins">underlined</ins>: in the quote, not in the original.{' '}
              </>
            )}
            {unchecked && (
              <>
                <span class="vb-unchecked">grey</span>: past the end of your library’s copy, not checked.
              </>
            )}
          </p>
        </section>
      )}

      <section class="vb-part" aria-label="Who said it">
        <h3 class="vb-part-title">{match ? 'Who said it' : 'On this page'}</h3>
        {!match && <blockquote class="vb-quote">“{quote.text}”</blockquote>}
        <dl class="vb-facts">
          <dt>The article says</dt>
          <dd>{quote.attribution ?? <span class="vb-muted">no one named nearby</span>}</dd>
          {source && (
            <>
              <dt>Found in</dt>
              <dd>
                {sourceShortName(source)}
                {personName(source.speaker) ?? source.author ? ` (${personName(source.speaker) ?? source.author})` : ''}
              </dd>
            </>
          )}
        </dl>
        {fits === false && source && (
          <p class="vb-note" role="note">
            The article attributes these words to “{quote.attribution}”, but they were found in{' '}
            {source.type === 'press-release' ? 'a press release' : `a ${source.type.replace(/-/g, ' ')}`}:{' '}
            <cite>{source.title}</cite>.
          </p>
        )}
      </section>

      {source && (
        <section class="vb-part" aria-label="Credit">
          <h3 class="vb-part-title">Credit</h3>
          <SourceCredit source={source} />
          {article && <QuotedIn article={article} />}
        </section>
      )}

      {!match && (
        <section class="vb-part" aria-label="What next" data-part="not-found">
          <p class="vb-muted">
            {librarySize
              ? `None of the ${librarySize} documents in your library holds these words closely enough. `
              : 'Your library has no documents yet. '}
            That does not make the quote wrong: its original may not be in your library.
          </p>
          <div class="vb-action-row">
            {onAddSource && (
              <button type="button" class="vb-button" onClick={onAddSource} data-action="add-source">
                Add a source
              </button>
            )}
            <a
              class="vb-button vb-secondary"
              href={webSearchUrl(quote.text)}
              target="_blank"
              rel="noopener noreferrer"
              data-action="web-search"
            >
              Search the web for these words <span aria-hidden="true">↗</span>
            </a>
          </div>
          {article && <QuotedIn article={article} />}
        </section>
      )}

      {check.alsoIn.length > 0 && (
        <section class="vb-part" aria-label="Also found in">
          <h3 class="vb-part-title">Also in</h3>
          <ul class="vb-also">
            {check.alsoIn.map((a) => {
              const s = sources[a.sourceId];
              return (
                <li key={`${a.sourceId}:${a.start}`}>
                  <VerdictBadge verdict={a.verdict} compact />
                  <span>{s ? sourceLine(s) : a.sourceId}</span>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </>
  );
}
