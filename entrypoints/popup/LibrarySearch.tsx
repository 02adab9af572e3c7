// Search the library: ranked passages with the matched words marked.
import { useEffect, useState } from 'preact/hooks';
import type { SearchResponse } from '@/lib/messages';
import { MarkedText } from '@/components/MarkedText';
import { passageLink, sourceLine } from '@/components/format';
import { copyRich } from '@/components/clipboard';
import { STYLE_LABELS } from '@/lib/cite/styles';
import { citationStyle, citeSource, searchLibrary } from './api';

type Marks = [number, number][];

/** A long passage cut to the part around its first marks, with the marks moved along. */
export function clipPassage(text: string, marks: Marks, around = 160): { text: string; marks: Marks } {
  if (text.length <= around * 3 || marks.length === 0) return { text, marks };
  const first = Math.min(...marks.map((m) => m[0]));
  let from = Math.max(0, first - around);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < first) from = space + 1;
  }
  let to = Math.min(text.length, from + around * 3);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > first) to = space;
  }
  const head = from > 0 ? '… ' : '';
  const tail = to < text.length ? ' …' : '';
  const shift = head.length - from;
  return {
    text: head + text.slice(from, to) + tail,
    marks: marks.filter(([s, e]) => s >= from && e <= to).map(([s, e]) => [s + shift, e + shift] as [number, number]),
  };
}

/** Hits far weaker than the best one (a single common word against a whole phrase) are held back. */
export const WEAK_HIT_RATIO = 0.4;

export function strongHits<T extends { score: number }>(hits: readonly T[]): T[] {
  const best = hits.reduce((m, h) => Math.max(m, h.score), 0);
  return hits.filter((h) => h.score >= best * WEAK_HIT_RATIO);
}

export function LibrarySearch() {
  const [query, setQuery] = useState('');
  const [showWeak, setShowWeak] = useState(false);
  const [answer, setAnswer] = useState<SearchResponse | { ok: false; error: string } | null>(null);
  const [status, setStatus] = useState('');

  // A click on a hit copies the citation of its source, in the reader's style, with a link to the passage.
  const copyCitation = (sourceId: string, start: number, end: number) => {
    setStatus('');
    const style = citationStyle();
    const content = style.then((s) =>
      citeSource({ sourceId, style: s, span: { start, end } }).then((a) => {
        if (!a.ok) throw new Error(a.error);
        return a.citation;
      }),
    );
    copyRich(content).then(
      () => style.then((s) => setStatus(`Copied the ${STYLE_LABELS[s]} citation.`)),
      (err: unknown) => setStatus(`Could not copy: ${err instanceof Error ? err.message : String(err)}`),
    );
  };

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setAnswer(null);
      return;
    }
    let stale = false;
    setShowWeak(false);
    const timer = setTimeout(() => {
      void searchLibrary(q).then((a) => {
        if (!stale) setAnswer(a);
      });
    }, 180);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [query]);

  return (
    <div class="pp-search">
      <label class="vb-sr" for="pp-search-input">
        Search your library
      </label>
      <input
        id="pp-search-input"
        class="pp-search-input"
        type="search"
        placeholder="Words from a document, e.g. victim-blaming"
        value={query}
        onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
        autocomplete="off"
        spellcheck={false}
      />
      {answer && !answer.ok && <p class="pp-empty pp-error">Search failed: {answer.error}</p>}
      {answer && answer.ok && answer.hits.length === 0 && <p class="pp-empty">No passage in your library matches.</p>}
      {answer && answer.ok && answer.hits.length > 0 && (
        <ol class="pp-hits" aria-label="Matching passages">
          {(showWeak ? answer.hits : strongHits(answer.hits)).map((hit) => {
            const source = answer.sources[hit.sourceId];
            const clipped = clipPassage(hit.passage, hit.marks);
            const link = source ? passageLink(source.url, hit.passage.slice(hit.start - hit.passageStart, hit.end - hit.passageStart)) : null;
            return (
              <li key={`${hit.sourceId}:${hit.start}`} class="pp-hit" data-source={hit.sourceId}>
                <p class="pp-hit-source">
                  {link ? (
                    <a href={link} target="_blank" rel="noopener noreferrer">
                      {source ? sourceLine(source) : hit.sourceId}
                    </a>
                  ) : source ? (
                    sourceLine(source)
                  ) : (
                    hit.sourceId
                  )}
                  {hit.section && <span class="pp-hit-section"> · {hit.section}</span>}
                </p>
                {source && <p class="pp-hit-title" title={source.title}>{source.title}</p>}
                <button
                  type="button"
                  class="pp-hit-copy"
                  onClick={() => copyCitation(hit.sourceId, hit.start, hit.end)}
                  title="Copy the citation of this source"
                >
                  <span class="pp-hit-passage">
                    <MarkedText text={clipped.text} marks={clipped.marks} />
                  </span>
                  <span class="vb-sr"> — copy citation</span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
      <p class="vb-status" role="status" aria-live="polite">
        {status}
      </p>
      {answer && answer.ok && !showWeak && strongHits(answer.hits).length < answer.hits.length && (
        <button type="button" class="pp-more" onClick={() => setShowWeak(true)}>
          Show {answer.hits.length - strongHits(answer.hits).length} weaker matches
        </button>
      )}
    </div>
  );
}
