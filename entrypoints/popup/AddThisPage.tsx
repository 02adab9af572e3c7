// "Add this page": the popup asks the tab for a copy of its HTML, reads the article from it, shows
// the details it found in a form the reader can correct, and saves the page as a library source
// through the library's all-or-nothing import, then tells the background so the next check reads
// the library again.
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type PageDocumentRequest, type PageSource, parsePageDocumentResponse } from '@/lib/messages';
import { parsePageCopy, readPageSource } from '@/lib/page/page-source';
import { LibraryDb } from '@/lib/library/db';
import { importSources } from '@/lib/library/import';
import { describeStorageError, newSource } from '@/lib/library/file-source';
import { countWords } from '@/lib/text/words';
import { type MetaErrors, type MetaForm, SOURCE_TYPES, validateMetaForm } from '@/lib/library/metadata-form';

type Step =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'form'; page: PageSource; form: MetaForm; errors: MetaErrors; saving: boolean }
  | { kind: 'done'; text: string }
  | { kind: 'failed'; text: string };

const CSS = `
.ap-form { display: grid; gap: 8px; margin-top: 4px; }
.ap-field { display: grid; gap: 2px; font-size: 12.5px; }
.ap-field > span:first-child { font-weight: 600; color: var(--vb-muted); }
.ap-field input, .ap-field select { font: inherit; font-size: 13px; padding: 4px 6px; border: 1px solid var(--vb-line); border-radius: 5px; background: var(--vb-bg); color: var(--vb-fg); }
.ap-error { color: var(--vb-del); font-size: 12px; }
.ap-actions { display: flex; gap: 8px; }
.ap-words { margin: 0; font-size: 12px; color: var(--vb-muted); }
.ap-plain { background: transparent; color: var(--vb-fg); border: 1px solid var(--vb-line); }
`;

function formFor(page: PageSource): MetaForm {
  return {
    title: page.title ?? '',
    publisher: page.site ?? '',
    author: page.byline ?? '',
    published: page.published ?? '',
    url: page.url,
    type: 'article',
    excerpt: false,
  };
}

interface AddThisPageProps {
  tabId: number | null;
  /** Called once the page is in the library, so that the popup can count it. */
  onAdded?: () => void;
}

export function AddThisPage({ tabId, onAdded }: AddThisPageProps) {
  return (
    <>
      <h2 class="pp-section-title">Add to your library</h2>
      <AddThisPageSteps tabId={tabId} onAdded={onAdded} />
    </>
  );
}

function AddThisPageSteps({ tabId, onAdded }: AddThisPageProps) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });

  async function read() {
    if (tabId === null) return;
    setStep({ kind: 'reading' });
    const request: PageDocumentRequest = { type: 'page-document' };
    const copy = parsePageDocumentResponse(await browser.tabs.sendMessage(tabId, request).catch(() => null));
    if (!copy) {
      setStep({ kind: 'failed', text: 'Verbatim can’t read this page.' });
      return;
    }
    if (!copy.ok) {
      setStep({ kind: 'failed', text: copy.error });
      return;
    }
    let answer;
    try {
      // Readability runs here, on an inert copy parsed from the page's HTML.
      answer = readPageSource(parsePageCopy(copy.page.html, copy.page.url), copy.page.url);
    } catch (e) {
      answer = { ok: false as const, error: `This page could not be read (${e instanceof Error ? e.message : String(e)}).` };
    }
    if (!answer.ok) setStep({ kind: 'failed', text: answer.error });
    else setStep({ kind: 'form', page: answer.page, form: formFor(answer.page), errors: {}, saving: false });
  }

  async function save(e: Event) {
    e.preventDefault();
    if (step.kind !== 'form') return;
    const checked = validateMetaForm(step.form);
    if (!checked.ok) {
      setStep({ ...step, errors: checked.errors });
      return;
    }
    setStep({ ...step, errors: {}, saving: true });
    const db = new LibraryDb();
    try {
      const report = await importSources(db, [newSource(step.page.text, checked.meta, 'page')]);
      if (report.added.length > 0) {
        await browser.runtime.sendMessage({ type: 'library-changed' }).catch(() => undefined);
        onAdded?.();
        const added = report.added[0];
        setStep({ kind: 'done', text: `Added “${added.title}” to your library (${added.words.toLocaleString('en')} words).` });
      } else {
        setStep({ kind: 'done', text: 'This page is already in your library.' });
      }
    } catch (err) {
      setStep({ kind: 'failed', text: describeStorageError(err) });
    } finally {
      db.close();
    }
  }

  if (step.kind === 'idle' || step.kind === 'reading') {
    return (
      <button type="button" class="vb-button" disabled={tabId === null || step.kind === 'reading'} onClick={() => void read()}>
        {step.kind === 'reading' ? 'Reading the page…' : 'Add this page to your library'}
      </button>
    );
  }
  if (step.kind === 'done') return <p class="pp-empty" role="status" data-testid="add-page-status">{step.text}</p>;
  if (step.kind === 'failed') return <p class="pp-empty pp-error" role="alert" data-testid="add-page-status">{step.text}</p>;

  const { form, errors } = step;
  // A corrected field drops its error at once; the others keep theirs until the next save.
  const set = (change: Partial<MetaForm>) => {
    const rest = { ...errors };
    for (const key of Object.keys(change) as (keyof MetaForm)[]) delete rest[key];
    setStep({ ...step, form: { ...form, ...change }, errors: rest });
  };
  const field = (key: 'title' | 'author' | 'publisher' | 'published' | 'url', label: string, hint?: string) => (
    <label class="ap-field">
      <span>{label}</span>
      <input
        value={form[key]}
        placeholder={hint}
        aria-invalid={errors[key] ? true : undefined}
        onInput={(e) => set({ [key]: e.currentTarget.value })}
      />
      {errors[key] && <span class="ap-error">{errors[key]}</span>}
    </label>
  );
  const words = countWords(step.page.text);
  return (
    <form class="ap-form" onSubmit={(e) => void save(e)} noValidate aria-label="Details of this page">
      <style>{CSS}</style>
      <p class="ap-words">Check the details, then save: {words.toLocaleString('en')} words of this page’s text will be added.</p>
      {field('title', 'Title')}
      {field('author', 'Author')}
      {field('publisher', 'Publisher or site')}
      {field('published', 'Date published', 'YYYY-MM-DD')}
      {field('url', 'Web address')}
      <label class="ap-field">
        <span>Type</span>
        <select value={form.type} onChange={(e) => set({ type: e.currentTarget.value })}>
          {SOURCE_TYPES.map((t) => (
            <option value={t}>{t.replace('-', ' ')}</option>
          ))}
        </select>
      </label>
      <div class="ap-actions">
        <button type="submit" class="vb-button" disabled={step.saving}>
          {step.saving ? 'Saving…' : 'Save to library'}
        </button>
        <button type="button" class="vb-button ap-plain" onClick={() => setStep({ kind: 'idle' })}>
          Cancel
        </button>
      </div>
    </form>
  );
}
