import { describe, expect, it } from 'vitest';
import { highlightCss, highlightName, installHighlightStyle, pageScheme, STYLE_ELEMENT_ID } from '../../../lib/page/highlights';
import { innermostSpanAt, placeBeside } from '../../../lib/page/hit-test';

describe('highlight styles', () => {
  it('gives every verdict a colour and its own underline style', () => {
    const css = highlightCss('light');
    expect(css).toMatch(/::highlight\(verbatim-verdict-verbatim\) \{ background-color: [^;]+; text-decoration: underline solid/);
    expect(css).toMatch(/::highlight\(verbatim-verdict-minor\) \{[^}]*underline double/);
    expect(css).toMatch(/::highlight\(verbatim-verdict-elided\) \{[^}]*underline dotted/);
    expect(css).toMatch(/::highlight\(verbatim-verdict-altered\) \{[^}]*text-decoration: underline wavy/);
    // Spliced shares the wavy line with altered, and has one above as well: the two differ without colour.
    expect(css).toMatch(/::highlight\(verbatim-verdict-spliced\) \{[^}]*text-decoration: underline overline wavy/);
    expect(css).toMatch(/::highlight\(verbatim-verdict-partial\) \{[^}]*underline dashed/);
    // Not-found quotes are quiet: an underline, no background.
    expect(css).toMatch(/::highlight\(verbatim-verdict-not_found\) \{ text-decoration: underline dotted [^;]+ 1px; \}/);
    expect(css).toMatch(/::highlight\(verbatim-verdict-minor-quiet\) \{ text-decoration: underline double [^;]+ 1px; \}/);
  });

  it('follows the reader’s colour scheme when the page does not say', () => {
    const auto = highlightCss('auto');
    expect(auto).toContain('@media (prefers-color-scheme: dark)');
    expect(highlightCss('dark')).not.toBe(highlightCss('light'));
    expect(highlightName('altered')).toBe('verbatim-verdict-altered');
  });

  it('adds one style element, however often it is installed', () => {
    installHighlightStyle(document, 'light');
    installHighlightStyle(document, 'dark');
    const styles = document.querySelectorAll(`#${STYLE_ELEMENT_ID}`);
    expect(styles).toHaveLength(1);
    expect(styles[0].textContent).toBe(highlightCss('dark'));
  });
});

describe('pageScheme', () => {
  it('reads light or dark from the page’s background, else from its text colour', () => {
    document.body.innerHTML = `
      <div id="dark" style="background-color: rgb(17, 17, 17)"><p id="a">text</p></div>
      <div id="light" style="background-color: rgb(250, 250, 250)"><p id="b">text</p></div>
      <div><p id="c" style="color: rgb(230, 230, 230)">light text, no background</p></div>
      <div><p id="d" style="color: rgb(34, 34, 34)">dark text, no background</p></div>`;
    expect(pageScheme(document.getElementById('a'))).toBe('dark');
    expect(pageScheme(document.getElementById('b'))).toBe('light');
    expect(pageScheme(document.getElementById('c'))).toBe('dark');
    expect(pageScheme(document.getElementById('d'))).toBe('light');
    expect(pageScheme(null)).toBe('auto');
  });
});

describe('hit testing', () => {
  it('picks the innermost quote holding an offset', () => {
    const spans = [{ start: 0, end: 100 }, { start: 20, end: 40 }, { start: 200, end: 220 }];
    expect(innermostSpanAt(spans, 25)).toBe(1);
    expect(innermostSpanAt(spans, 10)).toBe(0);
    expect(innermostSpanAt(spans, 150)).toBe(-1);
    expect(innermostSpanAt(spans, 220)).toBe(2);
  });

  it('places the card below the quote, else above, else on the roomier side without covering it', () => {
    const viewport = { width: 1000, height: 800 };
    const card = { width: 400, height: 300 };
    expect(placeBeside({ left: 100, top: 100, bottom: 120 }, card, viewport)).toMatchObject({ left: 100, top: 128 });
    expect(placeBeside({ left: 100, top: 600, bottom: 620 }, card, viewport)).toMatchObject({ left: 100, top: 292 });
    expect(placeBeside({ left: 900, top: 100, bottom: 120 }, card, viewport).left).toBe(592);
    // Too tall for either side: below the quote with the height capped, so the quote stays visible.
    const tall = placeBeside({ left: 0, top: 300, bottom: 340 }, { width: 400, height: 640 }, viewport);
    expect(tall).toEqual({ left: 8, top: 348, maxHeight: 444 });
    expect(tall.top).toBeGreaterThan(340);
    const high = placeBeside({ left: 0, top: 500, bottom: 540 }, { width: 400, height: 640 }, viewport);
    expect(high).toEqual({ left: 8, top: 8, maxHeight: 484 });
    expect(high.top + high.maxHeight).toBeLessThanOrEqual(500);
  });
});
