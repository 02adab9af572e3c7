// This page's quotes, grouped by verdict with counts; each row can be shown on the page.
import { VERDICTS, type Verdict } from '@/lib/types';
import { VERDICT_INFO } from '@/lib/verdicts';
import { VERDICT_LOOK } from '@/lib/page/palette';
import type { PageQuote, PageResults, SourceInfo } from '@/lib/messages';
import { VerdictBadge } from '@/components/VerdictBadge';
import { firstWords, sourceLine } from '@/components/format';
import { QuoteDetails } from '@/components/QuoteDetails';
import { SourceActions } from '@/components/QuoteCard';
import type { ArticleMeta, QuoteCheck } from '@/lib/types';
import type { CitationStyle } from '@/lib/cite/styles';
import { useEffect, useState } from 'preact/hooks';
import { checkQuote, citationStyle, openOptions, quoteDetailsFromTab, servicesFor, showOnPage } from './api';

/** A row's details: the tab's own check of the quote, or (when the tab does not answer) a fresh one. */
interface RowView {
  /** 'page': the card's check, from the tab; 'recheck': the words checked again without their context. */
  origin: 'page' | 'recheck';
  check: QuoteCheck;
  sources: Record<string, SourceInfo>;
  librarySize: number;
  article: ArticleMeta;
}

async function rowView(quote: PageQuote, results: PageResults, tabId: number | null): Promise<RowView | null> {
  const fallbackArticle: ArticleMeta = results.article ?? { title: results.title, url: results.url, site: null, author: null, published: null };
  const fromTab = tabId === null ? null : await quoteDetailsFromTab(tabId, quote.index, quote.text);
  if (fromTab) {
    return {
      origin: 'page',
      check: fromTab.check,
      sources: { ...results.sources, ...fromTab.sources },
      librarySize: fromTab.librarySize,
      article: fromTab.article ?? fallbackArticle,
    };
  }
  const base = { origin: 'recheck' as const, sources: { ...results.sources }, librarySize: results.librarySize, article: fallbackArticle };
  if (quote.verdict === 'not_found') return { ...base, check: { verdict: 'not_found', match: null, alsoIn: [] } };
  const check = await checkQuote(quote.text, quote.attribution);
  return check ? { ...base, check } : null;
}

/** A row's details, opened in place: the same parts as the card on the page. */
function RowDetails({ quote, results, tabId }: { quote: PageQuote; results: PageResults; tabId: number | null }) {
  const [view, setView] = useState<RowView | null | 'loading'>('loading');
  const [style, setStyle] = useState<CitationStyle | null>(null);
  useEffect(() => {
    let live = true;
    void citationStyle().then((s) => live && setStyle(s));
    void rowView(quote, results, tabId).then((v) => live && setView(v));
    return () => {
      live = false;
    };
  }, [quote.index, quote.text, quote.attribution, quote.verdict, tabId]);
  if (view === 'loading' || style === null) return <p class="pp-empty" aria-busy="true">Loading the original…</p>;
  if (!view) return <p class="pp-empty pp-error">The library did not answer.</p>;
  const { check, sources, article } = view;
  const match = check.match;
  const source = match ? sources[match.sourceId] : undefined;
  const services = match
    ? servicesFor(style, match.sourceId, { start: match.start, end: match.end }, quote.text, article)
    : { style, addSource: openOptions, cite: async () => ({ ok: false as const, error: 'nothing to cite' }) };
  return (
    <div class={`pp-details vb-v-${check.verdict}`} data-origin={view.origin}>
      <QuoteDetails
        quote={{ text: quote.text, attribution: quote.attribution, short: quote.short }}
        check={check}
        sources={sources}
        librarySize={view.librarySize}
        article={article}
        onAddSource={openOptions}
      />
      {match && source && (
        <div class="vb-part">
          <SourceActions services={services} source={source} />
        </div>
      )}
    </div>
  );
}

function byRank(a: Verdict, b: Verdict): number {
  return VERDICT_INFO[a].rank - VERDICT_INFO[b].rank;
}

export function PageQuotes({ results, tabId, closeAfterShow }: { results: PageResults; tabId: number | null; closeAfterShow: boolean }) {
  const groups = new Map<Verdict, PageQuote[]>();
  for (const q of results.quotes) groups.set(q.verdict, [...(groups.get(q.verdict) ?? []), q]);
  const present = [...VERDICTS].sort(byRank).filter((v) => groups.has(v));
  const total = results.quotes.length;
  const found = total - (groups.get('not_found')?.length ?? 0);

  const [open, setOpen] = useState<Set<number>>(new Set());
  const toggle = (index: number) =>
    setOpen((was) => {
      const next = new Set(was);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });

  const show = async (index: number) => {
    if (tabId === null) return;
    const shown = await showOnPage(tabId, index);
    if (shown && closeAfterShow) window.close();
  };

  return (
    <div class="pp-page" data-total={total}>
      <p class="pp-summary">
        <strong>{total}</strong> {total === 1 ? 'quote' : 'quotes'}
        {' · '}
        <strong>{found}</strong> found in your library
      </p>
      <div class="pp-bar" role="img" aria-label={present.map((v) => `${groups.get(v)!.length} ${VERDICT_INFO[v].label}`).join(', ')}>
        {present.map((v) => (
          <span
            key={v}
            class={`pp-bar-part vb-v-${v}`}
            style={{ flexGrow: groups.get(v)!.length, borderColor: VERDICT_LOOK[v].ink }}
          />
        ))}
      </div>
      <ul class="pp-counts">
        {present.map((v) => (
          <li key={v} class={`vb-v-${v}`} data-verdict={v} data-count={groups.get(v)!.length}>
            <span class="pp-count-symbol" aria-hidden="true">{VERDICT_LOOK[v].symbol}</span>
            <span class="pp-count-label">{VERDICT_INFO[v].label}</span>
            <span class="pp-count-n">{groups.get(v)!.length}</span>
          </li>
        ))}
      </ul>

      {present.map((v) => {
        const quotes = groups.get(v)!;
        const rows = (
          <ul class="pp-quotes">
            {quotes.map((q) => {
              const source = q.sourceId ? results.sources[q.sourceId] : undefined;
              return (
                <li key={q.index} class="pp-quote" data-index={q.index} data-open={open.has(q.index) ? 'true' : undefined}>
                  <div class="pp-quote-row">
                    <button
                      type="button"
                      class="pp-quote-text"
                      aria-expanded={open.has(q.index)}
                      aria-controls={`pp-details-${q.index}`}
                      onClick={() => toggle(q.index)}
                    >
                      <span class="pp-chevron" aria-hidden="true">{open.has(q.index) ? '▾' : '▸'}</span>
                      <span class="pp-quote-words">
                        <q>{firstWords(q.text)}</q>
                        <span class="pp-quote-source" title={source?.title}>
                          {source ? sourceLine(source) : q.attribution ? `Attributed to ${q.attribution}` : 'No source named'}
                        </span>
                      </span>
                    </button>
                    <button type="button" class="pp-show" onClick={() => void show(q.index)} disabled={tabId === null}>
                      Show on page
                    </button>
                  </div>
                  {open.has(q.index) && (
                    <div id={`pp-details-${q.index}`}>
                      <RowDetails quote={q} results={results} tabId={tabId} />
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        );
        return v === 'not_found' && quotes.length > 3 ? (
          <details key={v} class="pp-group" data-group={v}>
            <summary>
              <VerdictBadge verdict={v} compact /> <span class="pp-group-n">{quotes.length}</span>
              <span class="pp-group-hint">{quotes.filter((q) => q.short).length} of them short phrases</span>
            </summary>
            {rows}
          </details>
        ) : (
          <div key={v} class="pp-group" data-group={v}>
            <h3 class="pp-group-head">
              <VerdictBadge verdict={v} compact /> <span class="pp-group-n">{quotes.length}</span>
            </h3>
            {rows}
          </div>
        );
      })}
    </div>
  );
}
