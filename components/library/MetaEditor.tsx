// Editing a source's details: a small form, checked before saving, with each error beside its field.
import { useState } from 'preact/hooks';
import type { LibraryDb, StoredSource } from '../../lib/library/db';
import { type MetaErrors, type MetaForm, SOURCE_TYPES, formFromMeta, saveMeta, validateMetaForm } from '../../lib/library/metadata-form';

export function MetaEditor({ source, db, onDone }: { source: StoredSource; db: LibraryDb; onDone(saved: boolean): void }) {
  const [form, setForm] = useState<MetaForm>(formFromMeta(source));
  const [errors, setErrors] = useState<MetaErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const idFor = (field: string) => `edit-${source.id}-${field}`;

  async function submit(e: Event) {
    e.preventDefault();
    const checked = validateMetaForm(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    try {
      await saveMeta(db, source.id, checked.meta);
      onDone(true);
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
    }
  }

  const text = (field: 'title' | 'publisher' | 'author' | 'published' | 'url', label: string, hint?: string) => (
    <div class="lp-field">
      <label for={idFor(field)}>{label}</label>
      <input
        id={idFor(field)}
        value={form[field]}
        placeholder={hint}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={errors[field] ? `${idFor(field)}-error` : undefined}
        onInput={(e) => setForm({ ...form, [field]: e.currentTarget.value })}
      />
      {errors[field] && (
        <span class="lp-field-error" id={`${idFor(field)}-error`}>
          {errors[field]}
        </span>
      )}
    </div>
  );

  return (
    <form class="lp-form" onSubmit={submit} noValidate aria-label={`Details of “${source.title}”`}>
      {text('title', 'Title')}
      {text('publisher', 'Publisher')}
      {text('author', 'Author')}
      {text('published', 'Date published', 'YYYY-MM-DD')}
      {text('url', 'Web address', 'https://…')}
      <div class="lp-field">
        <label for={idFor('type')}>Type</label>
        <select id={idFor('type')} value={form.type} onChange={(e) => setForm({ ...form, type: e.currentTarget.value })}>
          {SOURCE_TYPES.map((t) => (
            <option value={t}>{t.replace('-', ' ')}</option>
          ))}
        </select>
      </div>
      <label class="lp-checkline">
        <input type="checkbox" checked={form.excerpt} onChange={(e) => setForm({ ...form, excerpt: e.currentTarget.checked })} />
        <span>Only an excerpt of the original</span>
      </label>
      {failure && (
        <p class="lp-notice lp-error" role="alert">
          {failure}
        </p>
      )}
      <div class="lp-form-actions">
        <button type="submit" class="lp-button lp-primary">
          Save
        </button>
        <button type="button" class="lp-button" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
