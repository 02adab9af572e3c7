// "Check this page": shown when automatic checking is off and this tab has not been checked yet.
// It asks the tab's content script to read the page, then lists the quotes it found.
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { CheckPageRequest, PageResults } from '@/lib/messages';
import { pageResults } from './api';
import { PageQuotes } from './PageQuotes';

type Step = { kind: 'idle' } | { kind: 'checking' } | { kind: 'failed'; message: string } | { kind: 'done'; results: PageResults };

const POLL_MS = 300;
const GIVE_UP_MS = 20_000;

/** The tab's results once its check has settled (the content script answers when it is done). */
async function settledResults(tabId: number): Promise<PageResults | null> {
  const began = Date.now();
  for (;;) {
    const answer = await pageResults(tabId);
    if (answer && !('ok' in answer) && answer.state !== 'checking' && answer.state !== 'waiting') return answer;
    if (Date.now() - began > GIVE_UP_MS) return null;
    await new Promise((ok) => setTimeout(ok, POLL_MS));
  }
}

export function CheckPageButton({ tabId, closeAfterShow }: { tabId: number | null; closeAfterShow: boolean }) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });

  const check = async () => {
    if (tabId === null) return;
    setStep({ kind: 'checking' });
    const request: CheckPageRequest = { type: 'check-page' };
    try {
      const answer = (await browser.tabs.sendMessage(tabId, request)) as { ok?: boolean } | undefined;
      if (answer?.ok !== true) throw new Error('The page did not answer.');
      const results = await settledResults(tabId);
      if (!results) throw new Error('The check did not finish.');
      setStep({ kind: 'done', results });
    } catch (err) {
      setStep({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  };

  if (step.kind === 'done') {
    const { results } = step;
    if (results.state === 'error') return <p class="pp-empty pp-error">This page could not be checked{results.error ? `: ${results.error}` : '.'}</p>;
    if (results.state === 'no-article') return <p class="pp-empty" data-state="no-article">No article text found on this page.</p>;
    if (results.quotes.length === 0) return <p class="pp-empty" data-state="no-quotes">No quotations found on this page.</p>;
    return <PageQuotes results={results} tabId={tabId} closeAfterShow={closeAfterShow} />;
  }
  return (
    <div class="pp-waiting" data-state="waiting">
      <p class="pp-empty">Automatic checking is off. Verbatim has not read this page.</p>
      <button
        type="button"
        class="pp-show pp-check-page"
        style={{ marginTop: '6px' }}
        onClick={() => void check()}
        disabled={tabId === null || step.kind === 'checking'}
        aria-busy={step.kind === 'checking'}
      >
        {step.kind === 'checking' ? 'Checking…' : 'Check this page'}
      </button>
      {step.kind === 'failed' && <p class="pp-empty pp-error">Could not check this page: {step.message}</p>}
    </div>
  );
}
