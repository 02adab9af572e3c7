// This page's quotes, grouped by verdict with counts; each row can be shown on the page.
import { VERDICTS, type Verdict } from '@/lib/types';
import { VERDICT_INFO } from '@/lib/verdicts';
import { VERDICT_LOOK } from '@/lib/page/palette';
import type { PageQuote, PageResults } from '@/lib/messages';
import { VerdictBadge } from '@/components/VerdictBadge';
import { firstWords, sourceLine } from '@/components/format';
import { showOnPage } from './api';

function byRank(a: Verdict, b: Verdict): number {
  return VERDICT_INFO[a].rank - VERDICT_INFO[b].rank;
}

export function PageQuotes({ results, tabId, closeAfterShow }: { results: PageResults; tabId: number | null; closeAfterShow: boolean }) {
  const groups = new Map<Verdict, PageQuote[]>();
  for (const q of results.quotes) groups.set(q.verdict, [...(groups.get(q.verdict) ?? []), q]);
  const present = [...VERDICTS].sort(byRank).filter((v) => groups.has(v));
  const total = results.quotes.length;
  const found = total - (groups.get('not_found')?.length ?? 0);

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
                <li key={q.index} class="pp-quote" data-index={q.index}>
                  <div class="pp-quote-text">
                    <q>{firstWords(q.text)}</q>
                    <span class="pp-quote-source" title={source?.title}>
                      {source ? sourceLine(source) : q.attribution ? `Attributed to ${q.attribution}` : 'No source named'}
                    </span>
                  </div>
                  <button type="button" class="pp-show" onClick={() => void show(q.index)} disabled={tabId === null}>
                    Show on page
                  </button>
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
