// Layout of the library page (colours come from components/styles.ts's variables).
export const LIBRARY_CSS = `
html, body { margin: 0; padding: 0; background: #f5f7fa; }
@media (prefers-color-scheme: dark) { html, body { background: #0f1419; } }
.lp { max-width: 920px; margin: 0 auto; padding: 24px 20px 96px; }
.lp-head { margin-bottom: 12px; }
.lp-title { margin: 0; font-size: 24px; color: var(--vb-brand); }
.lp-sub { margin: 2px 0 0; color: var(--vb-muted); }
.lp-section { background: var(--vb-bg); border: 1px solid var(--vb-line); border-radius: 10px; padding: 16px 20px; margin: 16px 0; }
.lp-section h2 { margin: 0 0 12px; font-size: 17px; }
.lp-drop { border: 2px dashed var(--vb-line); border-radius: 8px; padding: 16px; text-align: center; }
.lp-drop p { margin: 4px 0; }
.lp-dragging { border-color: var(--vb-focus); background: var(--vb-soft); }
.lp-hint { color: var(--vb-muted); font-size: 13px; }
.lp-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.lp-paste { margin-top: 12px; }
.lp-paste summary { cursor: pointer; font-weight: 600; }
.lp-button { display: inline-block; font: inherit; font-size: 13px; padding: 5px 12px; border-radius: 6px; cursor: pointer;
  border: 1px solid var(--vb-line); background: var(--vb-soft); color: var(--vb-fg); }
.lp-button:disabled { opacity: 0.55; cursor: default; }
.lp-button:focus-visible, .lp input:focus-visible, .lp select:focus-visible, .lp textarea:focus-visible, .lp summary:focus-visible,
.lp-drop:focus-within { outline: 2px solid var(--vb-focus); outline-offset: 2px; }
.lp-primary { background: var(--vb-brand); border-color: var(--vb-brand); color: var(--vb-bg); }
.lp-danger { color: var(--vb-del); }
.lp-plain { background: transparent; border-color: transparent; color: inherit; font-size: 16px; padding: 2px 8px; }
.lp-tools { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 10px; margin-bottom: 12px; }
.lp-grow { flex: 1; min-width: 200px; }
.lp-field { display: flex; flex-direction: column; gap: 3px; font-size: 13px; }
.lp-field > span:first-child, .lp-field > label { color: var(--vb-muted); font-weight: 600; }
.lp input:not([type=checkbox]), .lp select, .lp textarea { font: inherit; padding: 5px 8px; border: 1px solid var(--vb-line); border-radius: 6px;
  background: var(--vb-bg); color: var(--vb-fg); }
.lp input[aria-invalid=true] { border-color: var(--vb-del); }
.lp-field-error { color: var(--vb-del); font-size: 12px; }
.lp-list { list-style: none; margin: 0; padding: 0; }
.lp-notice > p { margin: 0; }
.lp-unreadable { margin: 8px 0 0; padding-left: 20px; font-weight: normal; }
.lp-unreadable li { margin: 4px 0; }
.lp-item { border-top: 1px solid var(--vb-line); padding: 10px 0; }
.lp-item-row { display: flex; gap: 10px; align-items: flex-start; }
.lp-check { margin-top: 5px; }
.lp-item-body { flex: 1; min-width: 0; }
.lp-item-title { margin: 0; font-size: 15px; }
.lp-meta { margin: 2px 0; color: var(--vb-muted); font-size: 13px; }
.lp-facts { margin: 4px 0 0; display: flex; flex-wrap: wrap; gap: 6px 14px; font-size: 12px; color: var(--vb-muted); }
.lp-origin { font-weight: 600; color: var(--vb-fg); background: var(--vb-soft); border: 1px solid var(--vb-line); border-radius: 10px; padding: 0 8px; }
.lp-item-actions { display: flex; gap: 6px; flex: none; }
.lp-form { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 10px 16px; margin: 12px 0 4px 28px;
  padding: 12px; background: var(--vb-soft); border-radius: 8px; }
.lp-paste .lp-form { margin-left: 0; }
.lp-wide { grid-column: 1 / -1; }
.lp-checkline { display: flex; align-items: center; gap: 8px; font-size: 13px; }
.lp-form-actions { display: flex; gap: 8px; grid-column: 1 / -1; }
.lp-notices:empty { display: none; }
.lp-notice { margin: 8px 0; padding: 10px 14px; border-radius: 8px; border: 1px solid var(--vb-line); background: var(--vb-bg); }
.lp-error { border-color: var(--vb-del); color: var(--vb-del); background: var(--vb-bg); font-weight: 600; }
.lp-info { border-color: var(--vb-ins); }
.lp-empty { color: var(--vb-muted); }
.lp-settings { display: flex; flex-wrap: wrap; gap: 16px 32px; align-items: flex-end; }
.lp-toast { position: fixed; left: 50%; bottom: 24px; transform: translateX(-50%); display: flex; align-items: center; gap: 12px;
  padding: 10px 14px; border-radius: 10px; background: var(--vb-fg); color: var(--vb-bg); box-shadow: 0 6px 24px rgba(0,0,0,0.25); }
.lp-toast .lp-primary { background: var(--vb-bg); color: var(--vb-fg); border-color: var(--vb-bg); }
.lp-toast .lp-plain { color: var(--vb-bg); }
`;
