import { describe, expect, it } from 'vitest';
import type { StoredSource } from '../../../lib/library/db';
import { formatBytes, listRows, sourceRow } from '../../../lib/library/listing';
import { validateMetaForm, formFromMeta } from '../../../lib/library/metadata-form';

const source = (id: string, over: Partial<StoredSource>): StoredSource => ({
  id, type: 'report', title: id, publisher: null, author: null, speaker: null, published: null, url: null, licence: null,
  coverage: null, excerpt: false, origin: 'file', text: 'One.\n\nTwo.', contentHash: id, addedAt: 0, words: 2, ...over,
});

describe('the library list', () => {
  const rows = [
    source('b', { title: 'Beta report', publisher: 'HMICFRS', addedAt: 3, published: '2020-01-01', words: 50 }),
    source('a', { title: 'Alpha statement', type: 'statement', author: 'Wendy Williams', addedAt: 1, published: '2023-12-08', words: 10 }),
    source('c', { title: 'Gamma', origin: 'builtin', addedAt: 2, words: 900, pageStarts: [0, 5] }),
  ].map(sourceRow);

  it('counts passages and pages', () => {
    expect(rows[2]).toMatchObject({ passages: 2, pages: 2 });
    expect(rows[0].pages).toBeNull();
  });

  it('sorts four ways and searches every word across title, publisher, author, type and origin', () => {
    const ids = (q: string, s: Parameters<typeof listRows>[2]) => listRows(rows, q, s).map((r) => r.source.id);
    expect(ids('', 'title')).toEqual(['a', 'b', 'c']);
    expect(ids('', 'added')).toEqual(['b', 'c', 'a']);
    expect(ids('', 'published')).toEqual(['a', 'b', 'c']);
    expect(ids('', 'words')).toEqual(['c', 'b', 'a']);
    expect(ids('hmicfrs', 'title')).toEqual(['b']);
    expect(ids('williams STATEMENT', 'title')).toEqual(['a']);
    expect(ids('built-in', 'title')).toEqual(['c']);
    expect(ids('nothing here', 'title')).toEqual([]);
  });

  it('says sizes in words a reader knows', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(280 * 1024)).toBe('280 KB');
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MB');
  });
});

describe('the metadata form', () => {
  const good = formFromMeta({ title: 'T', publisher: null, author: null, published: null, url: null, type: 'report', excerpt: false });

  it('accepts a valid form, trimming and turning blanks into nulls', () => {
    expect(validateMetaForm({ ...good, title: '  Title ', publisher: ' ', published: '2024-02-29', url: 'https://a.example/x' })).toEqual({
      ok: true,
      meta: { title: 'Title', publisher: null, author: null, published: '2024-02-29', url: 'https://a.example/x', type: 'report', excerpt: false },
    });
  });

  it('names each bad field', () => {
    const checked = validateMetaForm({ ...good, title: ' ', published: '2023-02-30', url: 'javascript:alert(1)', type: 'novel' });
    expect(checked.ok).toBe(false);
    expect(!checked.ok && Object.keys(checked.errors).sort()).toEqual(['published', 'title', 'type', 'url']);
    expect(validateMetaForm({ ...good, published: '8 Dec 2023' }).ok).toBe(false);
  });
});
