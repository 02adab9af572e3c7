// Layout of the popup (the verdict colours and shared pieces come from components/styles.ts).
export const POPUP_CSS = `
html, body { margin: 0; padding: 0; }
body { background: #ffffff; }
@media (prefers-color-scheme: dark) { body { background: #161b22; } }
.vb-popup { width: 400px; min-height: 200px; background: var(--vb-bg); }
.pp-head { display: flex; align-items: center; gap: 10px; padding: 12px 16px; border-bottom: 1px solid var(--vb-line); }
.pp-logo { border-radius: 6px; flex: none; }
.pp-brand { flex: 1; min-width: 0; }
.pp-name { margin: 0; font-size: 16px; font-weight: 700; letter-spacing: 0.01em; color: var(--vb-brand); line-height: 1.2; }
.pp-tagline { margin: 0; font-size: 12px; color: var(--vb-muted); }
.pp-library { margin: 0; font-size: 12px; color: var(--vb-muted); white-space: nowrap; }
.pp-main { padding: 4px 0; }
.pp-section { padding: 10px 16px 12px; }
.pp-section + .pp-section { border-top: 1px solid var(--vb-line); }
.pp-section-title { margin: 0 0 8px; font-size: 11px; font-weight: 700; letter-spacing: 0.08em; text-transform: uppercase; color: var(--vb-muted); }
.pp-empty { margin: 4px 0; color: var(--vb-muted); font-size: 13px; }
.pp-error { color: var(--vb-del); }
.pp-note { margin: 0 0 8px; padding: 6px 10px; background: var(--vb-note-bg); border: 1px solid var(--vb-note-line); border-radius: 6px; font-size: 12.5px; }
.pp-summary { margin: 0 0 8px; font-size: 14px; }
.pp-bar { display: flex; height: 8px; border-radius: 4px; overflow: hidden; gap: 2px; margin-bottom: 8px; }
.pp-bar-part { display: block; min-width: 6px; background: var(--vb-ink); }
.pp-bar-part.vb-v-not_found { background: var(--vb-line); }
.pp-counts { list-style: none; margin: 0 0 6px; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 12.5px; }
.pp-counts li { display: inline-flex; align-items: center; gap: 5px; color: var(--vb-fg); }
.pp-count-symbol { color: var(--vb-ink); font-weight: 700; }
.pp-count-n { font-weight: 700; font-variant-numeric: tabular-nums; }
.pp-group { margin-top: 10px; }
.pp-group-head, .pp-group > summary { display: flex; align-items: center; gap: 8px; margin: 0 0 4px; font-size: 13px; font-weight: 600; }
.pp-group > summary { cursor: pointer; list-style-position: outside; padding: 2px 0; }
.pp-group > summary::marker { color: var(--vb-muted); }
.pp-group-n { font-variant-numeric: tabular-nums; color: var(--vb-muted); }
.pp-group-hint { font-weight: 400; color: var(--vb-muted); font-size: 12px; }
.pp-quotes { list-style: none; margin: 0; padding: 0; }
.pp-quote { padding: 7px 0; border-bottom: 1px solid var(--vb-line); }
.pp-quote-row { display: flex; align-items: flex-start; gap: 10px; }
button.pp-quote-text { all: unset; box-sizing: border-box; flex: 1; min-width: 0; text-align: left; display: flex; gap: 6px; cursor: pointer; border-radius: 4px; color: var(--vb-fg); }
button.pp-quote-text:hover q { text-decoration: underline; }
.pp-chevron { flex: none; color: var(--vb-muted); font-size: 12px; line-height: 1.6; }
.pp-quote-words { min-width: 0; }
.pp-details { margin: 8px 0 2px; border: 1px solid var(--vb-line); border-top: 3px solid var(--vb-ink); border-radius: 8px; }
.pp-details .vb-part:last-child { border-bottom: none; }
.pp-hit-copy { all: unset; box-sizing: border-box; display: block; cursor: pointer; border-radius: 4px; }
.pp-hit-copy:hover { background: var(--vb-soft); }
.pp-quote:last-child { border-bottom: none; }
.pp-quote-text { flex: 1; min-width: 0; }
.pp-quote-text q { display: block; font-family: Georgia, "Times New Roman", serif; font-size: 13.5px; line-height: 1.4; }
.pp-quote-source { display: block; margin-top: 2px; font-size: 12px; color: var(--vb-muted); }
.pp-show { flex: none; padding: 3px 9px; border-radius: 6px; border: 1px solid var(--vb-line); background: var(--vb-bg);
  color: var(--vb-fg); font: inherit; font-size: 12px; cursor: pointer; }
.pp-show:hover { background: var(--vb-soft); }
.pp-show:focus-visible, .pp-search-input:focus-visible { outline: 2px solid var(--vb-focus); outline-offset: 1px; }
.pp-search-input { width: 100%; padding: 7px 10px; border-radius: 8px; border: 1px solid var(--vb-line); background: var(--vb-soft);
  color: var(--vb-fg); font: inherit; font-size: 13.5px; }
.pp-hits { list-style: none; margin: 8px 0 0; padding: 0; }
.pp-hit { padding: 8px 0; border-bottom: 1px solid var(--vb-line); }
.pp-hit:last-child { border-bottom: none; }
.pp-hit-source { margin: 0 0 3px; font-size: 12px; font-weight: 600; }
.pp-hit-source a { color: var(--vb-brand); text-decoration: none; }
.pp-hit-source a:hover { text-decoration: underline; }
.pp-hit-title { margin: -2px 0 4px; font-size: 12px; font-style: italic; color: var(--vb-muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.pp-more { margin-top: 6px; padding: 0; border: none; background: none; color: var(--vb-brand); font: inherit; font-size: 12.5px; cursor: pointer; text-decoration: underline; }
.pp-hit-section { font-weight: 400; color: var(--vb-muted); }
.pp-hit-passage { display: block; margin: 0; font-family: Georgia, "Times New Roman", serif; font-size: 13.5px; line-height: 1.5; }
.pp-foot { padding: 8px 16px 10px; border-top: 1px solid var(--vb-line); font-size: 11.5px; color: var(--vb-muted); }
`;
