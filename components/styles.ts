// The styles of the card and popup, as one string: the content script hands it to the card's
// shadow root (so page CSS cannot reach it) and the popup adds it to its own document.
import { VERDICTS } from '../lib/types';
import { VERDICT_LOOK } from '../lib/page/palette';

function verdictVars(dark: boolean): string {
  return VERDICTS.map((v) => {
    const look = VERDICT_LOOK[v];
    const ink = dark ? look.inkDark : look.ink;
    const wash = look.quiet ? (dark ? 'rgba(156, 163, 175, 0.16)' : 'rgba(107, 114, 128, 0.1)') : dark ? look.washDark : look.wash;
    return `.vb-v-${v} { --vb-ink: ${ink}; --vb-wash: ${wash}; }`;
  }).join('\n');
}

export const UI_CSS = `
:host { all: initial; }
.vb-root, .vb-card, .vb-popup {
  --vb-bg: #ffffff; --vb-fg: #1c2430; --vb-muted: #5b6573; --vb-line: #e3e7ee; --vb-soft: #f5f7fa;
  --vb-brand: #1e3a5f; --vb-mark: #fff1a8; --vb-mark-fg: #1c2430; --vb-focus: #2563eb;
  --vb-del: #b91c1c; --vb-ins: #15803d; --vb-note-bg: #fff7e6; --vb-note-line: #f3d08a;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 14px; line-height: 1.5; color: var(--vb-fg);
}
@media (prefers-color-scheme: dark) {
  .vb-root, .vb-card, .vb-popup {
    --vb-bg: #161b22; --vb-fg: #e6edf3; --vb-muted: #9aa6b2; --vb-line: #30363d; --vb-soft: #1f2630;
    --vb-brand: #9ec5ff; --vb-mark: #6b5b12; --vb-mark-fg: #fff8d6; --vb-focus: #79a8ff;
    --vb-del: #f87171; --vb-ins: #4ade80; --vb-note-bg: #2b2415; --vb-note-line: #6b5320;
  }
}
${verdictVars(false)}
@media (prefers-color-scheme: dark) {
${verdictVars(true)}
}
.vb-sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.vb-muted { color: var(--vb-muted); }

/* verdict pill */
.vb-badge { display: inline-flex; align-items: center; gap: 6px; padding: 2px 10px 2px 8px; border-radius: 999px;
  background: var(--vb-wash); color: var(--vb-ink); font-weight: 600; font-size: 12.5px; letter-spacing: 0.01em;
  border: 1px solid color-mix(in srgb, var(--vb-ink) 35%, transparent); white-space: nowrap; }
.vb-badge-symbol { font-size: 13px; line-height: 1; }
.vb-badge-compact { padding: 0 8px 0 6px; font-size: 11.5px; }
/* Small text on the tinted pill: a darker ink keeps the contrast at 4.5:1 or more. */
@media (prefers-color-scheme: light) { .vb-badge { color: color-mix(in srgb, var(--vb-ink) 75%, #000); } }

mark { background: var(--vb-mark); color: var(--vb-mark-fg); padding: 0 1px; border-radius: 2px; }
.vb-del { color: var(--vb-del); text-decoration: line-through; text-decoration-thickness: 1.5px; }
.vb-ins { color: var(--vb-ins); text-decoration: underline; text-decoration-thickness: 1.5px; text-underline-offset: 2px; }

/* the card */
/* --vb-text-scale follows the reader's default font size (set by the card's host as zoom); viewport
   units are zoomed too, so the caps divide by it to stay within the window. */
.vb-card { box-sizing: border-box; zoom: var(--vb-text-scale, 1); width: min(440px, calc((100vw - 24px) / var(--vb-text-scale, 1)));
  max-height: min(calc(78vh / var(--vb-text-scale, 1)), 640px); overflow: auto;
  background: var(--vb-bg); border: 1px solid var(--vb-line); border-top: 4px solid var(--vb-ink);
  border-radius: 10px; box-shadow: 0 12px 32px rgba(15, 23, 42, 0.22), 0 2px 6px rgba(15, 23, 42, 0.12); text-align: left; }
.vb-card:focus { outline: none; }
/* Focus moves to the card when it opens: a keyboard reader sees where it went. */
.vb-card:focus-visible { outline: 2px solid var(--vb-focus); outline-offset: 2px; }
.vb-card *, .vb-popup * { box-sizing: border-box; }
.vb-card-head { padding: 8px 12px 10px 16px; border-bottom: 1px solid var(--vb-line); }
.vb-card-bar { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
.vb-brand { font-size: 11px; font-weight: 700; letter-spacing: 0.1em; text-transform: uppercase; color: var(--vb-brand); }
.vb-title-row { display: flex; align-items: flex-start; gap: 8px; margin: 4px 0 4px; }
.vb-title-symbol { flex: none; display: inline-grid; place-items: center; width: 24px; height: 24px; margin-top: 1px; border-radius: 50%;
  background: var(--vb-wash); color: var(--vb-ink); border: 1px solid color-mix(in srgb, var(--vb-ink) 40%, transparent); font-size: 14px; font-weight: 700; line-height: 1; }
.vb-card-title { margin: 0; font-size: 16px; line-height: 1.4; font-weight: 650; color: var(--vb-fg); }
.vb-explain { margin: 0; color: var(--vb-muted); font-size: 13px; }
.vb-close { all: unset; cursor: pointer; width: 28px; height: 28px; display: inline-grid; place-items: center;
  border-radius: 6px; font-size: 20px; line-height: 1; color: var(--vb-muted); }
.vb-close:hover { background: var(--vb-soft); color: var(--vb-fg); }
.vb-close:focus-visible { outline: 2px solid var(--vb-focus); outline-offset: 1px; }
.vb-part { padding: 10px 16px; border-bottom: 1px solid var(--vb-line); }
.vb-part:last-of-type { border-bottom: none; }
.vb-part-title { margin: 0 0 6px; font-size: 11px; font-weight: 700; letter-spacing: 0.08em; text-transform: uppercase; color: var(--vb-muted); }
.vb-quote, .vb-passage { margin: 0; padding: 6px 0 6px 12px; border-left: 3px solid var(--vb-line);
  font-family: Georgia, "Iowan Old Style", "Times New Roman", serif; font-size: 14.5px; line-height: 1.55; color: var(--vb-fg); }
.vb-passage { border-left-color: var(--vb-ink); background: var(--vb-soft); border-radius: 0 6px 6px 0; padding: 8px 12px; }
.vb-facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 8px 0 0; font-size: 13px; }
.vb-facts dt { color: var(--vb-muted); }
.vb-facts dd { margin: 0; }
.vb-note { margin: 8px 0 0; padding: 6px 10px; background: var(--vb-note-bg); border: 1px solid var(--vb-note-line); border-radius: 6px; font-size: 13px; }
.vb-source-title { margin: 0; font-weight: 600; }
.vb-source-title cite { font-style: italic; }
.vb-excerpt { display: inline-block; margin-left: 8px; padding: 0 6px; border-radius: 4px; border: 1px solid var(--vb-line);
  font-size: 11px; font-weight: 600; letter-spacing: 0.04em; text-transform: uppercase; color: var(--vb-muted); vertical-align: 1px; cursor: help; }
.vb-source-meta { margin: 2px 0 6px; color: var(--vb-muted); font-size: 12.5px; }
.vb-section { margin: 0 0 6px; font-size: 12.5px; color: var(--vb-muted); }
.vb-diff { margin: 0; font-family: Georgia, "Times New Roman", serif; font-size: 14.5px; line-height: 1.6; }
.vb-unchecked { color: var(--vb-muted); font-style: italic; text-decoration: underline dotted; text-underline-offset: 3px; }
.vb-legend { margin: 6px 0 0; font-size: 12px; color: var(--vb-muted); }
.vb-also { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; font-size: 13px; }
.vb-also li { display: flex; align-items: center; gap: 8px; }
.vb-card-foot { position: sticky; bottom: 0; z-index: 1; padding: 8px 12px 8px 16px; background: var(--vb-bg); border-top: 1px solid var(--vb-line); }
.vb-button { display: inline-flex; align-items: center; gap: 5px; padding: 5px 10px; border-radius: 6px; background: var(--vb-brand);
  color: var(--vb-bg); font: inherit; font-weight: 600; font-size: 12.5px; line-height: 1.4; white-space: nowrap; text-decoration: none;
  border: 1px solid var(--vb-brand); cursor: pointer; }
.vb-button:hover { filter: brightness(1.1); }
.vb-button:focus-visible, .vb-menu-item:focus-visible, .vb-card a:focus-visible, .vb-popup a:focus-visible,
.vb-popup button:focus-visible, .vb-popup summary:focus-visible, .vb-popup input:focus-visible {
  outline: 2px solid var(--vb-focus); outline-offset: 2px; }
.vb-secondary { background: var(--vb-bg); color: var(--vb-brand); }
.vb-actions { position: relative; }
.vb-action-row { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-top: 2px; }
.vb-split { display: inline-flex; }
.vb-split-main { border-radius: 6px 0 0 6px; }
.vb-split-more { border-radius: 0 6px 6px 0; border-left: 1px solid color-mix(in srgb, var(--vb-bg) 45%, var(--vb-brand)); padding: 5px 7px; }
.vb-style-name { font-weight: 500; opacity: 0.85; }
/* Fixed to the window (placed by script beside its button) so the card's scrolling cannot cut it off. */
.vb-menu { position: fixed; z-index: 2; left: 0; top: 0; width: max-content; min-width: 220px; overflow-y: auto;
  background: var(--vb-bg); border: 1px solid var(--vb-line); border-radius: 8px; padding: 6px;
  box-shadow: 0 10px 24px rgba(15, 23, 42, 0.2); display: grid; }
.vb-menu [role="group"] { display: grid; }
.vb-menu-head { margin: 4px 8px 2px; font-size: 11px; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; color: var(--vb-muted); }
.vb-menu-item { all: unset; box-sizing: border-box; display: block; padding: 5px 10px; border-radius: 5px; cursor: pointer; font-size: 13px; color: var(--vb-fg); }
.vb-menu-item:hover, .vb-menu-item:focus { background: var(--vb-soft); }
.vb-status { margin: 6px 0 0; min-height: 1.2em; font-size: 12.5px; color: var(--vb-ins); font-weight: 600; }
.vb-status:empty { margin: 0; min-height: 0; }
.vb-quoted-in { margin: 8px 0 0; font-size: 13px; }
`;
