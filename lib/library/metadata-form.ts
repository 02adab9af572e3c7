// The metadata form of the library page, checked before anything is saved: a title is required,
// dates are YYYY-MM-DD and real, links are http(s), and no field grows beyond what a message carries.
import type { SourceMeta } from '../types';

export const SOURCE_TYPES = ['report', 'press-release', 'statement', 'article', 'speech', 'other'] as const;

export interface MetaForm {
  title: string;
  publisher: string;
  author: string;
  published: string;
  url: string;
  type: string;
  excerpt: boolean;
}

export type EditableMeta = Pick<SourceMeta, 'title' | 'publisher' | 'author' | 'published' | 'url' | 'type' | 'excerpt'>;

export type MetaErrors = Partial<Record<keyof MetaForm, string>>;

const MAX = 1000;

function optional(v: string): string | null {
  const t = v.trim();
  return t === '' ? null : t;
}

export function isRealDate(v: string): boolean {
  const m = v.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export function formFromMeta(meta: EditableMeta): MetaForm {
  return {
    title: meta.title,
    publisher: meta.publisher ?? '',
    author: meta.author ?? '',
    published: meta.published ?? '',
    url: meta.url ?? '',
    type: meta.type,
    excerpt: meta.excerpt,
  };
}

/** The metadata the form describes, or the errors to show beside its fields. */
export function validateMetaForm(form: MetaForm): { ok: true; meta: EditableMeta } | { ok: false; errors: MetaErrors } {
  const errors: MetaErrors = {};
  const title = form.title.trim();
  if (!title) errors.title = 'A title is required.';
  for (const key of ['title', 'publisher', 'author', 'url'] as const) {
    if (form[key].length > MAX) errors[key] = `At most ${MAX} characters.`;
  }
  const published = optional(form.published);
  if (published !== null && !isRealDate(published)) errors.published = 'Use a date as YYYY-MM-DD, e.g. 2023-12-08.';
  const url = optional(form.url);
  if (url !== null) {
    let ok = false;
    try {
      const u = new URL(url);
      ok = u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      ok = false;
    }
    if (!ok) errors.url = 'Use a web address starting with https:// or http://.';
  }
  if (!(SOURCE_TYPES as readonly string[]).includes(form.type)) errors.type = 'Choose a type from the list.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    meta: {
      title,
      publisher: optional(form.publisher),
      author: optional(form.author),
      published,
      url,
      type: form.type,
      excerpt: form.excerpt,
    },
  };
}

/** Saves edited metadata; the text (and so the stored index) is unchanged. */
export async function saveMeta(db: import('./db').LibraryDb, id: string, meta: EditableMeta): Promise<void> {
  const changed = await db.sources.update(id, meta);
  if (changed === 0 && !(await db.sources.get(id))) throw new Error('That source is no longer in the library.');
}
