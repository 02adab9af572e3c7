// The library page as a component over a real (fake-indexeddb) library: the paste form's checks,
// the undo offer that ends by itself, settings saved to storage, the background told of changes,
// and an export that leaves out a text damaged where it is kept.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { LibraryPage } from '../../../components/library/LibraryPage';
import { LibraryDb } from '../../../lib/library/db';
import { importSources } from '../../../lib/library/import';
import { newSource } from '../../../lib/library/file-source';
import { loadSettings } from '../../../lib/settings';

let db: LibraryDb;
let n = 0;
let changes = 0;
const downloads: { name: string; text: string }[] = [];

function mount(undoMs?: number) {
  return render(
    <LibraryPage
      db={db}
      openPdf={() => Promise.reject(new Error('no PDFs in this test'))}
      notifyChanged={async () => void changes++}
      settingsArea={fakeBrowser.storage.local}
      estimate={async () => ({ usage: 2048, quota: 1024 * 1024 })}
      download={(name, text) => downloads.push({ name, text })}
      undoMs={undoMs}
    />,
  );
}

beforeEach(() => {
  db = new LibraryDb(`verbatim-page-test-${++n}`);
  changes = 0;
  downloads.length = 0;
  fakeBrowser.reset();
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

describe('the library page', () => {
  it('checks the paste form, then adds the text and tells the background', async () => {
    mount();
    await screen.findByText('Your library is empty. Add a document above.');
    expect(screen.getByText(/0 sources · 2.0 KB used of 1.0 MB available/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add to library' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Paste the text of the document first.');
    fireEvent.input(screen.getByLabelText('Text'), { target: { value: 'We will publish the review.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add to library' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Give the document a title.');
    fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Council statement' } });
    fireEvent.input(screen.getByLabelText('Date published'), { target: { value: '12/03/2024' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add to library' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/YYYY-MM-DD/);
    expect(await db.sources.count()).toBe(0);

    fireEvent.input(screen.getByLabelText('Date published'), { target: { value: '2024-03-12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add to library' }));
    await screen.findByText('Added “Council statement” (5 words).');
    const [stored] = await db.sources.toArray();
    expect(stored).toMatchObject({ title: 'Council statement', published: '2024-03-12', origin: 'paste', text: 'We will publish the review.' });
    expect(changes).toBe(1);
    expect(screen.getByRole('heading', { name: 'Council statement' })).toBeTruthy();
  });

  it('offers Undo after a removal for a while, then withdraws the offer', async () => {
    await importSources(db, [newSource('Words of the first.', { title: 'First' }, 'paste')]);
    mount(400);
    await screen.findByRole('heading', { name: 'First' });
    fireEvent.click(screen.getByRole('button', { name: 'Remove “First”' }));
    await screen.findByTestId('toast');
    expect(await db.sources.count()).toBe(0);
    expect(changes).toBe(1);
    await waitFor(() => expect(screen.queryByTestId('toast')).toBeNull(), { timeout: 2000 });
  });

  it('shows the list as stored before it says what changed, however long the background takes', async () => {
    await importSources(db, [newSource('Words of the first.', { title: 'First' }, 'paste')]);
    let told = 0;
    let release: () => void = () => {};
    const backgroundBusy = new Promise<void>((resolve) => (release = resolve));
    render(
      <LibraryPage
        db={db}
        openPdf={() => Promise.reject(new Error('no PDFs in this test'))}
        notifyChanged={async () => {
          told++;
          await backgroundBusy; // a background still reloading its index
        }}
        settingsArea={fakeBrowser.storage.local}
        estimate={async () => ({ usage: 2048, quota: 1024 * 1024 })}
        download={() => undefined}
      />,
    );
    await screen.findByRole('heading', { name: 'First' });
    fireEvent.click(screen.getByRole('button', { name: 'Remove “First”' }));
    await screen.findByTestId('toast');
    // The notice and the list agree while the background has not answered.
    expect(screen.queryByRole('heading', { name: 'First' })).toBeNull();
    expect(told).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('Put back.');
    expect(screen.getByRole('heading', { name: 'First' })).toBeTruthy();
    expect(told).toBe(2);
    release();
  });

  it('exports the selection as a pack, and saves settings to storage', async () => {
    await importSources(db, [newSource('One.', { title: 'One' }, 'paste'), newSource('Two.', { title: 'Two' }, 'paste')]);
    mount();
    await screen.findByRole('heading', { name: 'Two' });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select “Two”' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export 1 selected' }));
    await screen.findByText('Exported 1 source as a library pack.');
    expect(downloads).toHaveLength(1);
    expect(JSON.parse(downloads[0].text).sources.map((s: { title: string }) => s.title)).toEqual(['Two']);

    fireEvent.change(await screen.findByLabelText('Default citation style'), { target: { value: 'apa' } });
    fireEvent.click(screen.getByLabelText('Check pages automatically as they load'));
    await waitFor(async () => expect(await loadSettings(fakeBrowser.storage.local)).toEqual({ citationStyle: 'apa', autoCheck: false }));
  });

  it('leaves a source whose stored text no longer matches its hash out of an export, and says so', async () => {
    await importSources(db, [newSource('One.', { title: 'One' }, 'paste'), newSource('Two.', { title: 'Two' }, 'paste')]);
    // Damaged where it is kept, to the same length: only its hash tells.
    const two = (await db.sources.toArray()).find((r) => r.title === 'Two')!;
    await db.sources.update(two.id, { text: 'Tw0.' });
    mount();
    await screen.findByRole('heading', { name: 'Two' });
    fireEvent.click(screen.getByRole('button', { name: 'Export all' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Exported 1 source as a library pack. “Two” was left out: the text kept in this library no longer matches what was stored, so another library would refuse the pack.',
    );
    expect(downloads).toHaveLength(1);
    expect(JSON.parse(downloads[0].text).sources.map((s: { title: string }) => s.title)).toEqual(['One']);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Select “Two”' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export 1 selected' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^Nothing was exported\. “Two” was left out/));
    expect(downloads).toHaveLength(1);
  });

  it('says so and exports nothing when the texts cannot be hashed, and lets the reader try again', async () => {
    await importSources(db, [newSource('One.', { title: 'One' }, 'paste')]);
    mount();
    await screen.findByRole('heading', { name: 'One' });
    const digest = vi.spyOn(crypto.subtle, 'digest').mockRejectedValueOnce(new Error('no digest here'));
    try {
      fireEvent.click(screen.getByRole('button', { name: 'Export all' }));
      expect((await screen.findByRole('alert')).textContent).toBe('Nothing was exported: the texts could not be checked (no digest here).');
      expect(downloads).toHaveLength(0);
      const button = screen.getByRole('button', { name: 'Export all' }) as HTMLButtonElement;
      await waitFor(() => expect(button.disabled).toBe(false));
      fireEvent.click(button);
      await screen.findByText('Exported 1 source as a library pack.');
      expect(downloads).toHaveLength(1);
    } finally {
      digest.mockRestore();
    }
  });
});
