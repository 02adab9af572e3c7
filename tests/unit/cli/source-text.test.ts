// @vitest-environment node
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { htmlToSourceText, isoDate } from '../../../lib/library/source-text';

const doc = (html: string) => parseHTML(html).document as unknown as Document;

describe('htmlToSourceText', () => {
  it('keeps the main content as headings and paragraphs, without page chrome', () => {
    const { text } = htmlToSourceText(
      doc(`<html><head><title>T</title><style>p{}</style></head><body>
        <header><a href="/">Site “name”</a></header><nav>Home · About</nav>
        <div class="content">
          <h1>  Report   title </h1>
          <p>First <b>paragraph</b>,
             over two lines.</p>
          <h3>Section two</h3>
          <ul><li>One</li><li>Two</li></ul>
          <p>Line one<br>line two</p>
          <script>document.write("injected")</script>
          <form><textarea>“typed”</textarea></form>
          <aside>Related</aside>
          <p hidden>Hidden words</p>
        </div>
        <footer>© Site</footer></body></html>`),
    );
    expect(text).toBe(
      '## Report title\n\nFirst paragraph, over two lines.\n\n## Section two\n\nOne\n\nTwo\n\nLine one\nline two',
    );
  });

  it('prefers the article (the longest one) over the rest of the body', () => {
    const { text } = htmlToSourceText(
      doc(`<body><p>Outside</p><article><p>Short teaser</p></article>
           <main><article><header><h2>Its heading</h2></header><p>The real article, longer than the teaser.</p>
           <footer>Share this</footer></article></main></body>`),
    );
    expect(text).toBe('## Its heading\n\nThe real article, longer than the teaser.');
  });

  it('falls back to main, and keeps table cells apart', () => {
    const { text } = htmlToSourceText(
      doc('<body><div>menu</div><main><table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table></main></body>'),
    );
    expect(text).toBe('a b\n\nc');
  });

  it('reads the metadata the head declares', () => {
    const { meta } = htmlToSourceText(
      doc(`<html><head><title>Fallback title</title>
        <meta property="og:title" content=" The  title ">
        <meta name="author" content="A. Writer">
        <meta property="og:site_name" content="The Publisher">
        <meta property="article:published_time" content="2023-12-08T11:05:00+00:00">
        <meta property="og:type" content="article">
        <link rel="canonical" href="https://example.org/a"></head><body><p>x</p></body></html>`),
    );
    expect(meta).toEqual({
      title: 'The title',
      author: 'A. Writer',
      publisher: 'The Publisher',
      published: '2023-12-08',
      url: 'https://example.org/a',
      type: 'article',
    });
    expect(htmlToSourceText(doc('<title> Only  this </title><p>x</p>')).meta).toEqual({ title: 'Only this' });
    expect(htmlToSourceText(doc('<p>x</p>')).meta).toEqual({});
  });

  it('reads the reference page: its title, words and none of its chrome', () => {
    const html = readFileSync('tests/fixtures/corpus/articles/wilby-2023-12-08.html', 'utf8');
    const { text, meta } = htmlToSourceText(doc(html));
    expect(meta.title).toBe('More grooming gang failings and myths unravelled by police watchdog inspection');
    expect(meta.author).toBe('Neil Wilby');
    expect(meta.published).toBe('2023-12-08');
    expect(text.startsWith('## More grooming gang failings')).toBe(true);
    expect(text).toContain('“Most forces weren’t gathering data and intelligence on these crimes.”');
    for (const chrome of ['Support this site', 'Most read', 'Great piece', 'Courts']) expect(text).not.toContain(chrome);
    expect(text).not.toMatch(/\n{3,}/);
  });

  it('keeps only dates it can read', () => {
    expect(isoDate('2023-12-08T11:05:00Z')).toBe('2023-12-08');
    expect(isoDate('8 December 2023')).toBeNull();
    expect(isoDate(null)).toBeNull();
  });
});
