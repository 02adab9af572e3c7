// The card's buttons: open the source at the passage, copy a citation (with a menu of styles and
// reference-manager exports), and copy the quote with its citation. Citations come from the
// background through `cite`; the default style's is asked for as soon as the buttons show, so a click
// copies at once. A live region says what was copied.
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CiteResponse, ErrorResponse } from '../lib/messages';
import { CITATION_STYLES, STYLE_LABELS, type CitationStyle } from '../lib/cite/styles';
import { copyRich, type RichText } from './clipboard';
import { placeMenu } from './menu-place';

export type CiteAnswer = CiteResponse | ErrorResponse;

export interface CitationActionsProps {
  /** The reader's chosen style (settings). */
  style: CitationStyle;
  cite: (style: CitationStyle) => Promise<CiteAnswer>;
  /** Where "Open source at passage" goes before the background has answered (the source's plain URL). */
  fallbackUrl: string | null;
  /** Whether there is a quote to copy with the citation. */
  withQuote?: boolean;
}

type Export = 'bibtex' | 'ris' | 'csljson';
const EXPORTS: { key: Export; label: string }[] = [
  { key: 'bibtex', label: 'BibTeX' },
  { key: 'ris', label: 'RIS' },
  { key: 'csljson', label: 'CSL-JSON' },
];

export function CitationActions({ style, cite, fallbackUrl, withQuote = true }: CitationActionsProps) {
  const answers = useRef(new Map<CitationStyle, Promise<CiteResponse>>());
  const [link, setLink] = useState<string | null>(fallbackUrl);
  const [status, setStatus] = useState('');
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const answerFor = (s: CitationStyle): Promise<CiteResponse> => {
    let p = answers.current.get(s);
    if (!p) {
      p = cite(s).then((a) => {
        if (!a.ok) throw new Error(a.error);
        return a;
      });
      p.catch(() => answers.current.delete(s));
      answers.current.set(s, p);
    }
    return p;
  };

  useEffect(() => {
    let live = true;
    answerFor(style)
      .then((a) => live && setLink(a.passageUrl))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [style]);

  const copy = (what: string, content: Promise<RichText>) => {
    setStatus('');
    copyRich(content).then(
      () => setStatus(`Copied ${what}.`),
      (err: unknown) => setStatus(`Could not copy: ${err instanceof Error ? err.message : String(err)}`),
    );
  };

  const copyCitation = (s: CitationStyle) => copy(`the ${STYLE_LABELS[s]} citation`, answerFor(s).then((a) => a.citation));
  const copyExport = (key: Export, label: string) =>
    copy(`the ${label} record`, answerFor(style).then((a) => ({ text: a[key] })));
  const copyQuote = () =>
    copy(
      'the quote with its citation',
      answerFor(style).then((a) => a.quoteCitation ?? a.citation),
    );

  // The menu: arrow keys move, Home/End jump, Escape and Tab close it (Tab then moves on from its button).
  const items = () => Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
  useEffect(() => {
    if (menuOpen) items()[0]?.focus();
  }, [menuOpen]);
  // Placed against the window, and again whenever the page or the card scrolls or the window resizes.
  useLayoutEffect(() => {
    const el = menu.current;
    const button = menuButton.current;
    if (!menuOpen || !el || !button) return;
    const place = () => {
      el.style.maxHeight = '';
      // Lined up with the whole split button ("Copy citation" and its arrow), as it was drawn before.
      const anchor = (button.parentElement ?? button).getBoundingClientRect();
      const at = placeMenu(anchor, el.getBoundingClientRect(), { width: innerWidth, height: innerHeight });
      // Inside a zoomed card (the reader's text size) the menu's own lengths are zoomed as well.
      const zoom = (el as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
      el.style.left = `${Math.round(at.left / zoom)}px`;
      el.style.top = `${Math.round(at.top / zoom)}px`;
      el.style.maxHeight = at.maxHeight === null ? '' : `${Math.floor(at.maxHeight / zoom)}px`;
    };
    place();
    addEventListener('scroll', place, { capture: true, passive: true });
    addEventListener('resize', place, { passive: true });
    return () => {
      removeEventListener('scroll', place, { capture: true });
      removeEventListener('resize', place);
    };
  }, [menuOpen]);
  const closeMenu = (refocus: boolean) => {
    setMenuOpen(false);
    if (refocus) menuButton.current?.focus();
  };
  const onMenuKey = (e: KeyboardEvent) => {
    const list = items();
    const at = list.indexOf(e.target as HTMLElement);
    const move = (i: number) => {
      e.preventDefault();
      list[(i + list.length) % list.length]?.focus();
    };
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(list.length - 1);
    else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation(); // closes the menu, not the card
      closeMenu(true);
    } else if (e.key === 'Tab') {
      // Back on the menu button before the browser moves focus: Tab goes on to the control after it.
      closeMenu(true);
    }
  };
  const onMenuButtonKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setMenuOpen(true);
    }
  };
  const choose = (run: () => void) => {
    run();
    closeMenu(true);
  };

  return (
    <div class="vb-actions">
      <div class="vb-action-row">
        {link && (
          <a class="vb-button" href={link} target="_blank" rel="noopener noreferrer" data-action="open-source">
            Open source at passage <span aria-hidden="true">↗</span>
          </a>
        )}
        <span class="vb-split">
          <button type="button" class="vb-button vb-split-main" onClick={() => copyCitation(style)} data-action="copy-citation">
            Copy citation <span class="vb-style-name">({STYLE_LABELS[style]})</span>
          </button>
          <button
            ref={menuButton}
            type="button"
            class="vb-button vb-split-more"
            aria-haspopup="menu"
            aria-expanded={menuOpen}
            aria-controls={menuId}
            aria-label="Other citation styles and exports"
            onClick={() => setMenuOpen(!menuOpen)}
            onKeyDown={onMenuButtonKey}
            data-action="citation-menu"
          >
            <span aria-hidden="true">▾</span>
          </button>
        </span>
        {withQuote && (
          <button type="button" class="vb-button vb-secondary" onClick={copyQuote} data-action="copy-quote">
            Copy quote with citation
          </button>
        )}
      </div>
      {menuOpen && (
        <div ref={menu} id={menuId} class="vb-menu" role="menu" aria-label="Copy a citation" onKeyDown={onMenuKey}>
          <div role="group" aria-label="Copy citation as">
          <p class="vb-menu-head" aria-hidden="true">Copy citation as</p>
          {CITATION_STYLES.map((s) => (
            <button
              key={s}
              type="button"
              role="menuitem"
              tabIndex={-1}
              class="vb-menu-item"
              data-style={s}
              onClick={() => choose(() => copyCitation(s))}
            >
              {STYLE_LABELS[s]}
              {s === style && <span class="vb-muted"> (your style)</span>}
            </button>
          ))}
          </div>
          <div role="group" aria-label="Export for a reference manager">
          <p class="vb-menu-head" aria-hidden="true">Export for a reference manager</p>
          {EXPORTS.map((x) => (
            <button
              key={x.key}
              type="button"
              role="menuitem"
              tabIndex={-1}
              class="vb-menu-item"
              data-export={x.key}
              onClick={() => choose(() => copyExport(x.key, x.label))}
            >
              {x.label}
            </button>
          ))}
          </div>
        </div>
      )}
      <p class="vb-status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
