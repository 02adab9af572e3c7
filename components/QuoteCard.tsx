// The card a reader sees on clicking a highlighted quote: the verdict in plain words, then the
// details (QuoteDetails) and the buttons to open the source and copy a citation (CitationActions).
// The popup shows the same details and buttons in place for each of its rows.
import { useEffect, useRef } from 'preact/hooks';
import type { ArticleMeta, DiffOp, QuoteCheck } from '../lib/types';
import { VERDICT_INFO } from '../lib/verdicts';
import type { SourceInfo } from '../lib/messages';
import type { CitationStyle } from '../lib/cite/styles';
import { VERDICT_LOOK } from '../lib/page/palette';
import { type CardQuote, QuoteDetails, personName } from './QuoteDetails';
import { CitationActions, type CiteAnswer } from './CitationActions';
import { safeHttpUrl, sourceLine, sourceShortName } from './format';
import { cycleFocus } from './focus-cycle';

export type { CardQuote } from './QuoteDetails';

/** What the card can ask the extension to do; without it the card shows no copy buttons. */
export interface CardServices {
  style: CitationStyle;
  cite: (style: CitationStyle) => Promise<CiteAnswer>;
  addSource: () => void;
}

export interface QuoteCardProps {
  quote: CardQuote;
  check: QuoteCheck;
  sources: Record<string, SourceInfo>;
  librarySize?: number;
  article?: ArticleMeta | null;
  services?: CardServices;
  onClose: () => void;
  /** Move focus into the card when it opens (true when a reader opened it). */
  autoFocus?: boolean;
}

const count = (s: string) => (s.trim() ? s.trim().split(/\s+/).length : 0);

/** How many words of the quote and source disagree: each changed stretch counts its longer side. */
export function wordsThatDiffer(diff: readonly DiffOp[]): number {
  return diff.reduce((n, op) => (op.op === 'equal' ? n : n + Math.max(count(op.quote), count(op.source))), 0);
}

/**
 * The card's headline in plain words: "Verbatim — HMICFRS press release, 8 Dec 2023 (Wendy Williams)",
 * "Altered — 2 words differ from the HMICFRS report, Foreword", "Not in your library".
 */
export function cardHeadline(check: QuoteCheck, sources: Record<string, SourceInfo>): string {
  const label = VERDICT_INFO[check.verdict].label;
  const match = check.match;
  const source = match ? sources[match.sourceId] : undefined;
  if (check.verdict === 'not_found' || !match || !source) return label;
  if (check.verdict === 'altered') {
    const n = wordsThatDiffer(match.diff);
    const where = match.section ? `, ${match.section}` : '';
    return `${label} — ${n} ${n === 1 ? 'word differs' : 'words differ'} from the ${sourceShortName(source)}${where}`;
  }
  const who = personName(source.speaker) ?? source.author;
  return `${label} — ${sourceLine(source)}${who ? ` (${who})` : ''}`;
}

export function QuoteCard({ quote, check, sources, librarySize, article, services, onClose, autoFocus = true }: QuoteCardProps) {
  const root = useRef<HTMLDivElement>(null);
  const { verdict, match } = check;
  const source = match ? sources[match.sourceId] : undefined;
  const headline = cardHeadline(check, sources);
  const info = VERDICT_INFO[verdict];

  // Once the card is drawn (its host shows it only when placed). Focus already moved into the
  // card by then, by a click or a key, stays where it is.
  useEffect(() => {
    const card = root.current;
    if (!autoFocus || !card) return;
    const active = (card.getRootNode() as Document | ShadowRoot).activeElement;
    if (!active || !card.contains(active)) card.focus();
  }, [autoFocus]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    } else if (root.current) {
      cycleFocus(e, root.current);
    }
  };

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

      <QuoteDetails
        quote={quote}
        check={check}
        sources={sources}
        librarySize={librarySize}
        article={article}
        onAddSource={services?.addSource}
      />

      {match && source && (
        <footer class="vb-card-foot">
          <SourceActions services={services} source={source} />
        </footer>
      )}
    </div>
  );
}

/** The buttons for a found source; a plain link to the source when citations cannot be asked for. */
export function SourceActions({ services, source, withQuote = true }: { services?: CardServices; source: SourceInfo; withQuote?: boolean }) {
  const url = safeHttpUrl(source.url);
  if (services) return <CitationActions style={services.style} cite={services.cite} fallbackUrl={url} withQuote={withQuote} />;
  return url ? (
    <div class="vb-action-row">
      <a class="vb-button" href={url} target="_blank" rel="noopener noreferrer" data-action="open-source">
        Open source <span aria-hidden="true">↗</span>
      </a>
    </div>
  ) : null;
}
