// Adding a source by pasting its text, with the details a citation needs.
import { useState } from 'preact/hooks';
import type { SourceMeta } from '../../lib/types';
import { isRealDate } from '../../lib/library/metadata-form';

export function PasteForm({ busy, onSubmit }: { busy: boolean; onSubmit(text: string, meta: Partial<SourceMeta>): Promise<boolean> }) {
  const [fields, setFields] = useState({ text: '', title: '', publisher: '', author: '', published: '' });
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof fields) => (e: { currentTarget: { value: string } }) => setFields({ ...fields, [key]: e.currentTarget.value });

  async function submit(e: Event) {
    e.preventDefault();
    if (!fields.text.trim()) return setError('Paste the text of the document first.');
    if (!fields.title.trim()) return setError('Give the document a title.');
    if (fields.published.trim() && !isRealDate(fields.published.trim())) return setError('Write the date as YYYY-MM-DD, e.g. 2023-12-08.');
    setError(null);
    const opt = (v: string) => v.trim() || null;
    const ok = await onSubmit(fields.text, {
      title: fields.title.trim(),
      publisher: opt(fields.publisher),
      author: opt(fields.author),
      published: opt(fields.published),
    });
    if (ok) setFields({ text: '', title: '', publisher: '', author: '', published: '' });
  }

  return (
    <form class="lp-form" onSubmit={submit} noValidate>
      <div class="lp-field lp-wide">
        <label for="paste-text">Text</label>
        <textarea id="paste-text" rows={6} value={fields.text} onInput={set('text')} />
      </div>
      <div class="lp-field">
        <label for="paste-title">Title</label>
        <input id="paste-title" value={fields.title} onInput={set('title')} />
      </div>
      <div class="lp-field">
        <label for="paste-publisher">Publisher</label>
        <input id="paste-publisher" value={fields.publisher} onInput={set('publisher')} />
      </div>
      <div class="lp-field">
        <label for="paste-author">Author</label>
        <input id="paste-author" value={fields.author} onInput={set('author')} />
      </div>
      <div class="lp-field">
        <label for="paste-date">Date published</label>
        <input id="paste-date" placeholder="YYYY-MM-DD" value={fields.published} onInput={set('published')} />
      </div>
      {error && (
        <p class="lp-notice lp-error lp-wide" role="alert">
          {error}
        </p>
      )}
      <div class="lp-form-actions lp-wide">
        <button type="submit" class="lp-button lp-primary" disabled={busy}>
          Add to library
        </button>
      </div>
    </form>
  );
}
