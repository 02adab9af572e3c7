// extractArticle on small pages: what counts as the article, paragraphs, <q>/<blockquote> spans,
// the node map, and the same answers in happy-dom and linkedom.
import { Window } from 'happy-dom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detectQuotes, extractArticle, offsetOf, rangeFor, readArticleMeta } from '../../../lib/quotes/index';

function happy(html: string): Document {
  const window = new Window({ url: 'https://example.com/news/story' });
  window.document.write(html);
  return window.document as unknown as Document;
}

function linked(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

const page = (body: string, head = ''): string => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe.each([
  ['happy-dom', happy],
  ['linkedom', linked],
])('extractArticle (%s)', (_name, load) => {
  const extract = (body: string) => extractArticle(load(page(body)));

  it('separates blocks with newlines and joins inline elements', () => {
    const { text } = extract('<main><h1>Title</h1><p>One <b>bold</b> <i>word</i>.</p><ul><li>a</li><li>b<br>c</li></ul><div>d<span>e</span></div></main>');
    expect(text).toBe('Title\nOne bold word.\na\nb\nc\nde');
  });

  it('turns every whitespace character into one space, keeping lengths', () => {
    const { text, segments } = extract('<p>one\ttwo\u00a0three\n  four</p>');
    expect(text).toBe('one two three   four');
    expect(segments).toHaveLength(1);
    expect(segments[0].node.data.length).toBe(text.length);
  });

  it('prefers the largest article, then main, then body', () => {
    expect(extract('<p>Outside.</p><article><p>Small one.</p></article><article><p>The longer article text.</p></article>').text).toBe('The longer article text.');
    expect(extract('<div>Chrome.</div><main><p>Main text.</p></main>').text).toBe('Main text.');
    expect(extract('<div>Body text.</div>').text).toBe('Body text.');
    // A teaser card is not the article.
    expect(extract(`<main><p>${'Long main text. '.repeat(20).trim()}</p><article>Teaser.</article></main>`).text).toContain('Long main text.');
  });

  it('leaves out page furniture and hidden or editable elements', () => {
    const { text } = extract(`
      <header>Site “header”</header><nav>“Nav”</nav>
      <main><article>
        <header><h1>Article header</h1></header>
        <p>Kept “quote”.</p>
        <aside>“aside”</aside><footer>“footer”</footer><form><label>“label”<input value="x"></label><textarea>“typed”</textarea><select><option>“opt”</option></select><button>“btn”</button></form>
        <figure><img alt="x"><figcaption>“caption”</figcaption></figure>
        <p hidden>“hidden”</p><p aria-hidden="true">“aria”</p><p style="color:red; display: none">“none”</p>
        <div contenteditable="true">“editing”</div><div contenteditable="false">“not editing”</div>
        <script>var s = "“script”";</script><style>p{}</style><noscript>“noscript”</noscript><template><p>“tpl”</p></template>
        <svg><text>“svg”</text></svg><iframe>“frame”</iframe>
      </article></main><footer>“page footer”</footer>`);
    expect(text).toBe('Article header\nKept “quote”.\n“not editing”');
  });

  it('records <q> and <blockquote> spans', () => {
    const article = extract('<article><p>He said <q>we will win</q> today.</p><p>Lincoln said:</p><blockquote><p>The union</p><p>must hold.</p></blockquote><p>After.</p></article>');
    expect(article.text).toBe('He said we will win today.\nLincoln said:\nThe union\nmust hold.\nAfter.');
    expect(article.explicit.map((e) => [article.text.slice(e.start, e.end), e.kind])).toEqual([
      ['we will win', 'q'],
      ['The union\nmust hold.', 'blockquote'],
    ]);
    const quotes = detectQuotes(article.text, article.explicit);
    expect(quotes.map((q) => [q.text, q.open, q.attribution])).toEqual([
      ['we will win', '<q>', null],
      ['The union\nmust hold.', '<blockquote>', 'Lincoln'],
    ]);
  });

  it('maps each segment to its text node', () => {
    const article = extract('<p>One <a href="#">two</a> three.</p><p>Four.</p>');
    expect(article.segments.map((s) => [s.node.data, article.text.slice(s.start, s.end)])).toEqual([
      ['One ', 'One '],
      ['two', 'two'],
      [' three.', ' three.'],
      ['Four.', 'Four.'],
    ]);
  });

  it('walks very deep trees without recursion', () => {
    const depth = 5000;
    const article = extract(`${'<span>'.repeat(depth)}deep “quote” here${'</span>'.repeat(depth)}`);
    expect(article.text).toBe('deep “quote” here');
  });

  it('handles an empty body', () => {
    expect(extract('').text).toBe('');
  });
});

describe('rangeFor and offsetOf (happy-dom)', () => {
  const doc = happy(page('<article><p>He said “we <em>will</em> win” today.</p><p>Next “one”.</p></article>'));
  const article = extractArticle(doc);
  const quotes = detectQuotes(article.text);

  it('spans several text nodes', () => {
    expect(quotes.map((q) => rangeFor(article, q.start, q.end)?.toString())).toEqual(['we will win', 'one']);
  });

  it('moves ends that fall on a paragraph break onto the text', () => {
    const brk = article.text.indexOf('\n');
    expect(rangeFor(article, brk - 6, brk + 5)?.toString()).toBe('today.Next');
    expect(rangeFor(article, brk, brk + 1)).toBeNull();
    expect(rangeFor(article, 5, 5)).toBeNull();
    expect(rangeFor(article, 3, 2)).toBeNull();
  });

  it('answers null when the page text has changed under it', () => {
    const local = extractArticle(happy(page('<p>Some words here.</p>')));
    const seg = local.segments[0];
    seg.node.data = 'Some';
    expect(rangeFor(local, 6, 10)).toBeNull();
  });

  it('turns DOM positions into text offsets', () => {
    const em = doc.querySelector('em') as Element;
    const inner = em.firstChild as Text;
    const at = article.text.indexOf('will');
    expect(offsetOf(article, inner, 2)).toBe(at + 2);
    expect(offsetOf(article, em, 0)).toBe(at);
    const p = doc.querySelector('p') as Element;
    expect(offsetOf(article, p, p.childNodes.length)).toBe(article.text.indexOf('\n'));
    expect(offsetOf(article, doc.createTextNode('loose'), 0)).toBeNull();
  });
});

describe('readArticleMeta', () => {
  it('falls back to JSON-LD and <time>', () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Site' },
        { '@type': 'NewsArticle', headline: 'LD headline', author: [{ name: 'A. Writer' }, { name: 'B. Writer' }], datePublished: '2024-01-02', publisher: { name: 'The Paper' }, url: 'https://example.com/ld' },
      ],
    });
    for (const load of [happy, linked]) {
      const meta = readArticleMeta(load(page('<p>x</p>', `<title>Doc title</title><script type="application/ld+json">${ld}</script>`)));
      expect(meta).toEqual({ title: 'LD headline', url: 'https://example.com/ld', site: 'The Paper', author: 'A. Writer, B. Writer', published: '2024-01-02' });
    }
  });

  it('uses the document title and <time> when nothing else is given, and survives bad JSON-LD', () => {
    const meta = readArticleMeta(linked(page('<article><time datetime="2023-05-06">6 May</time></article>', '<title>Only a title</title><script type="application/ld+json">{not json</script>')));
    expect(meta).toEqual({ title: 'Only a title', url: null, site: null, author: null, published: '2023-05-06' });
  });

  it('resolves a relative canonical address against the page', () => {
    const meta = readArticleMeta(happy(page('', '<link rel="canonical" href="/news/the-story">')));
    expect(meta.url).toBe('https://example.com/news/the-story');
  });
});
