// The card a reader sees on clicking a highlighted quote: the verdict in words, where the words
// were found, the original passage with the quoted span marked, what differs, and a link to the
// source. Every piece of page or library text is rendered as text (Preact escapes it).
import { useEffect, useRef } from 'preact/hooks';
import type { QuoteCheck } from '../lib/types';
import { VERDICT_INFO } from '../lib/verdicts';
import type { SourceInfo } from '../lib/messages';
import { VerdictBadge } from './VerdictBadge';
import { VERDICT_LOOK } from '../lib/page/palette';
import { MarkedText, windowAround } from './MarkedText';
import { WordDiff, diffHasChanges } from './WordDiff';
import { attributionFits, formatDate, passageLink, sourceLine, sourceShortName } from './format';

export interface CardQuote {
  text: string;
  attribution: string | null;
  short: boolean;
}

export interface QuoteCardProps {
  quote: CardQuote;
  check: QuoteCheck;
  sources: Record<string, SourceInfo>;
  librarySize?: number;
  onClose: () => void;
  /** Move focus into the card when it opens (true when a reader opened it). */
  autoFocus?: boolean;
}

/** The card's headline: "Verbatim — HMICFRS press release, 8 Dec 2023", "Not in your library". */
export function cardHeadline(check: QuoteCheck, sources: Record<string, SourceInfo>): string {
  const label = VERDICT_INFO[check.verdict].label;
  const source = check.match ? sources[check.match.sourceId] : undefined;
  if (check.verdict === 'not_found' || !source) return label;
  return `${label} — ${sourceLine(source)}`;
}

function whoSaid(source: SourceInfo): string {
  return source.speaker ?? source.author ?? sourceShortName(source);
}

export function QuoteCard({ quote, check, sources, librarySize, onClose, autoFocus = true }: QuoteCardProps) {
  const root = useRef<HTMLDivElement>(null);
  const { verdict, match } = check;
  const source = match ? sources[match.sourceId] : undefined;
  const headline = cardHeadline(check, sources);
  const info = VERDICT_INFO[verdict];

  useEffect(() => {
    if (autoFocus) root.current?.focus();
  }, [autoFocus]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
  };

  const passage = match
    ? windowAround(match.context, match.start - match.contextStart, match.end - match.contextStart)
    : null;
  const changed = match ? diffHasChanges(match.diff, match.sourceEnds) : false;
  const unchecked = match ? match.sourceEnds && match.diff.some((op) => op.op !== 'equal') : false;
  const fits = source ? attributionFits(quote.attribution, source) : null;
  const link = source ? passageLink(source.url, match?.original ?? null) : null;

  return (
    <div
      ref={root}
      class={`vb-card vb-v-${verdict}`}
      role="dialog"
      aria-label={`Quote check: ${headline}`}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      data-verdict={verdict}
    >
      <header class="vb-card-head">
        <div class="vb-card-bar">
          {/* The product name is also a verdict word: the card says what it is instead. */}
          <span class="vb-brand">Quote check</span>
          <button type="button" class="vb-close" aria-label="Close" title="Close (Esc)" onClick={onClose}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
        <div class="vb-title-row">
          <span class="vb-title-symbol" aria-hidden="true">
            {VERDICT_LOOK[verdict].symbol}
          </span>
          <h2 class="vb-card-title">{headline}</h2>
        </div>
        <p class="vb-explain">
          {quote.short && verdict === 'not_found'
            ? 'A short phrase: only the exact words count, and your library does not have them.'
            : info.explain}
        </p>
      </header>

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
            {[source.publisher, formatDate(source.published)]
              .filter((x): x is string => Boolean(x))
              .join(' · ')}
          </p>
          {match.section && <p class="vb-section">Section: {match.section}</p>}
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
                {source.speaker || source.author ? ` (${whoSaid(source)})` : ''}
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

      {!match && (
        <section class="vb-part">
          <p class="vb-muted">
            {librarySize
              ? `None of the ${librarySize} documents in your library holds these words closely enough. `
              : 'Your library has no documents yet. '}
            That does not make the quote wrong: its original may not be in your library.
          </p>
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

      {link && (
        <footer class="vb-card-foot">
          <a class="vb-button" href={link} target="_blank" rel="noopener noreferrer">
            Open the source ↗
          </a>
        </footer>
      )}
    </div>
  );
}
