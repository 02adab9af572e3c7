// measureRoots finds the <article> and <main> elements and their text lengths in one walk; checked
// here against finding them with elementsByTag and measuring each with textLength, on random trees
// with nested articles, text in every kind of node and elements of other tags.
import { describe, expect, it } from 'vitest';
import { measureRoots } from '../../../lib/quotes/extract';
import { elementsByTag, textLength } from '../../../lib/quotes/dom';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const TAGS = ['article', 'main', 'div', 'p', 'section', 'span'];
const WORDS = ['a', 'word ', 'longer words here ', '', ' ', 'é“x”'];

function grow(parent: Element, next: () => number, depth: number): void {
  const n = Math.floor(next() * 5);
  for (let k = 0; k < n; k++) {
    const r = next();
    if (r < 0.35 || depth > 6) parent.appendChild(document.createTextNode(WORDS[Math.floor(next() * WORDS.length)].repeat(1 + Math.floor(next() * 4))));
    else if (r < 0.4) parent.appendChild(document.createComment('comment text'));
    else {
      const el = document.createElement(TAGS[Math.floor(next() * TAGS.length)]);
      parent.appendChild(el);
      grow(el, next, depth + 1);
    }
  }
}

describe('measureRoots', () => {
  it('finds what elementsByTag finds, in order, with the lengths textLength gives', () => {
    const next = rng(7);
    let articles = 0;
    for (let t = 0; t < 300; t++) {
      const body = document.createElement('body');
      grow(body, next, 0);
      const measured = measureRoots(body);
      expect(measured).not.toBeNull();
      const found = elementsByTag(body, new Set(['article', 'main']));
      for (const tag of ['article', 'main'] as const) {
        const got = tag === 'article' ? measured!.articles : measured!.mains;
        expect(got.map((m) => m.el)).toEqual(found.get(tag));
        expect(got.map((m) => m.length)).toEqual(found.get(tag)!.map((el) => textLength(el)));
        if (tag === 'article') articles += got.length;
      }
      expect(measured!.total).toBe(textLength(body));
      // Past its limit it keeps the first ones found, as elementsByTag does, still measured whole.
      const few = measureRoots(body, 2);
      const firstFew = elementsByTag(body, new Set(['article', 'main']), 2);
      expect(few.articles.map((m) => m.el)).toEqual(firstFew.get('article'));
      expect(few.mains.map((m) => m.el)).toEqual(firstFew.get('main'));
      expect([...few.articles, ...few.mains].map((m) => m.length)).toEqual([...firstFew.get('article')!, ...firstFew.get('main')!].map((el) => textLength(el)));
      expect(few.total).toBe(textLength(body));
    }
    expect(articles).toBeGreaterThan(100);
  });
});
