// The library page in a real headless Chromium: a PDF made here from the press release is imported
// through the file input and listed with its words and pages; the reference article's quote from it
// is then matched on the reference page, with its page; a refused file changes nothing; removal is
// undone; the library is exported as a pack and imported into a fresh profile; axe finds no serious
// or critical accessibility problem.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Launched, type Served, ROOT, SCREENSHOTS, launchWithExtension, openLibraryPage, serveFolder, tabIdOf, waitForCheck } from './harness';

const SOURCE = 'hmicfrs-press-release-2023';
const QUOTE = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/corpus/gold/wilby-2023-12-08.json'), 'utf8')).quotes.find(
  (q: { id: string }) => q.id === 'q04',
).quote as string;

let launched: Launched;
let served: Served;
let options: Page;
let pdf: Buffer;
let packPath: string;
let pdfId: string;

/** The press release as a two-page PDF printed by Chromium: page 2 starts at its fifth paragraph. */
async function makePressReleasePdf(page: Page): Promise<Buffer> {
  const text = readFileSync(join(ROOT, `tests/fixtures/corpus/sources/${SOURCE}.txt`), 'utf8');
  const paragraphs = text.trim().split(/\n\s*\n/);
  const body = paragraphs
    .map((p, i) => {
      const el = document_escape(p);
      return i === 0 ? `<h1>${el}</h1>` : `<p${i === 4 ? ' style="break-before: page"' : ''}>${el}</p>`;
    })
    .join('\n');
  await page.setContent(`<!doctype html><html><head><title>Police not doing enough</title></head><body style="font: 14px serif">${body}</body></html>`);
  return page.pdf({ format: 'A4' });
}

function document_escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');
}


async function listed(page: Page): Promise<{ id: string; title: string }[]> {
  return page.locator('.lp-item').evaluateAll((items) =>
    items.map((li) => ({ id: li.getAttribute('data-source-id')!, title: li.querySelector('h3')!.textContent! })),
  );
}

async function ask(page: Page, message: unknown): Promise<any> {
  return page.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), message);
}

beforeAll(async () => {
  launched = await launchWithExtension();
  served = await serveFolder(join(ROOT, 'tests/fixtures/corpus/articles'));
  pdf = await makePressReleasePdf(await launched.context.newPage());
  options = await openLibraryPage(launched);
});

afterAll(async () => {
  await launched?.close();
  await served?.close();
});

describe('the library page', () => {
  it('lists the built-in sources with their details', async () => {
    const items = await listed(options);
    expect(items.map((i) => i.id).sort()).toEqual(['hmicfrs-press-release-2023', 'hmicfrs-report-2023', 'npcc-meta-e2ee-2023', 'npcc-response-2023']);
    const row = options.locator(`[data-source-id="${SOURCE}"]`);
    await expect(row.locator('.lp-facts').textContent()).resolves.toMatch(/Built-in.*30\d words.*passages.*Excerpt/);
    await expect(options.locator('.lp-sub').textContent()).resolves.toMatch(/4 sources · .* used/);
  });

  it('removes a source and puts it back with Undo', async () => {
    await options.getByRole('button', { name: `Remove “Police not doing enough to tackle group-based child sexual exploitation”` }).click();
    await expect(options.getByTestId('toast').textContent()).resolves.toMatch(/Removed “Police not doing enough/);
    expect((await listed(options)).map((i) => i.id)).not.toContain(SOURCE);
    await options.getByRole('button', { name: 'Undo' }).click();
    await options.locator(`[data-source-id="${SOURCE}"]`).waitFor();
    expect(await listed(options)).toHaveLength(4);
    // Removed for good now, so the PDF below is the only copy of the press release.
    await options.locator(`[data-source-id="${SOURCE}"] .lp-danger`).click();
    await options.getByTestId('toast').waitFor();
    expect(await listed(options)).toHaveLength(3);
  });

  it('refuses an unsupported file in words and changes nothing', async () => {
    const before = await listed(options);
    await options.setInputFiles('#file-input', { name: 'minutes.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004') });
    const notice = options.getByTestId('notice');
    await expect(notice.textContent()).resolves.toMatch(/minutes\.docx: this type of file cannot be imported/);
    expect(await notice.getAttribute('role')).toBe('alert');
    expect(await listed(options)).toEqual(before);
    await options.screenshot({ path: join(SCREENSHOTS, 'options-import-error.png') });
  });

  it('imports a PDF through the file input and lists it with its words and pages', async () => {
    await options.setInputFiles('#file-input', { name: 'press-release.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expect.poll(() => options.getByTestId('notice').textContent()).toMatch(/^Added “Police not doing enough.*” \(\d+ words\)\.$/);
    const row = options.locator('.lp-item', { has: options.locator('[data-testid=pages]') });
    await expect(row.locator('[data-testid=pages]').textContent()).resolves.toBe('2 pages');
    const words = Number((await row.locator('[data-testid=words]').textContent())!.replace(/\D/g, ''));
    expect(words).toBeGreaterThan(280);
    expect(words).toBeLessThan(330);
    await expect(row.locator('.lp-origin').textContent()).resolves.toBe('File');
    pdfId = (await row.getAttribute('data-source-id'))!;
    expect(await listed(options)).toHaveLength(4);
    // The same file again is recognised and not stored twice.
    await options.setInputFiles('#file-input', { name: 'again.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expect.poll(() => options.getByTestId('notice').textContent()).toMatch(/already in your library/);
    expect(await listed(options)).toHaveLength(4);
    await options.mouse.move(0, 0);
    await options.screenshot({ path: join(SCREENSHOTS, 'options.png'), fullPage: true });
  });

  it('adds pasted text with its details, and a file dropped on the page', async () => {
    await options.getByText('Paste text').click();
    await options.getByLabel('Text', { exact: true }).fill('The committee will meet again in March.\n\nIts minutes will be public.');
    await options.getByLabel('Title', { exact: true }).fill('Committee minutes');
    await options.getByLabel('Publisher', { exact: true }).fill('Town Council');
    await options.getByLabel('Date published', { exact: true }).fill('2024-03-01');
    await options.getByRole('button', { name: 'Add to library' }).click();
    await expect.poll(() => options.getByTestId('notice').textContent()).toBe('Added “Committee minutes” (12 words).');
    const pasted = options.locator('.lp-item', { hasText: 'Committee minutes' });
    await expect(pasted.locator('.lp-meta').textContent()).resolves.toBe('Town Council · 1 Mar 2024 · other');
    await expect(pasted.locator('.lp-origin').textContent()).resolves.toBe('Pasted');

    await options.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['<html><body><nav>Menu</nav><article><h1>Dropped notes</h1><p>Words from a dropped page.</p></article></body></html>'], 'notes.html', { type: 'text/html' }));
      document.querySelector('.lp-drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => options.getByTestId('notice').textContent()).toMatch(/^Added “Dropped notes” \(\d+ words\)\.$/);
    expect(await listed(options)).toHaveLength(6);
  });

  it('edits a source’s details through a checked form', async () => {
    const row = options.locator('.lp-item', { hasText: 'Committee minutes' });
    await row.getByRole('button', { name: /^Edit details/ }).click();
    const form = row.locator('form');
    await form.getByLabel('Title').fill('  ');
    await form.getByLabel('Date published').fill('2024-02-30');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.locator('.lp-field-error').allTextContents()).resolves.toEqual([
      'A title is required.',
      'Use a date as YYYY-MM-DD, e.g. 2023-12-08.',
    ]);
    expect(await form.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Title').fill('Committee minutes, March');
    await form.getByLabel('Date published').fill('2024-02-29');
    await form.getByLabel('Type').selectOption('statement');
    await form.getByRole('button', { name: 'Save' }).click();
    // The previous test's notice stays until the save re-renders the page: wait for the new one.
    await expect.poll(() => options.getByTestId('notice').textContent()).toBe('Details saved.');
    const saved = options.locator('.lp-item', { hasText: 'Committee minutes, March' });
    await expect(saved.locator('.lp-meta').textContent()).resolves.toBe('Town Council · 29 Feb 2024 · statement');
    // Search finds it by publisher.
    await options.getByLabel('Search').fill('town council');
    expect((await listed(options)).map((i) => i.title)).toEqual(['Committee minutes, March']);
    await options.getByLabel('Search').fill('');
  });

  it('matches the reference article’s quote against the imported PDF, with its page', async () => {
    const article = await launched.context.newPage();
    await article.goto(`${served.origin}/wilby-2023-12-08.html`);
    expect(await waitForCheck(article)).toBe('done');
    const tabId = await tabIdOf(launched, article);
    const answer = await ask(options, { type: 'page-results', op: 'get', tabId });
    const quote = answer.results.quotes.find((q: { text: string }) => q.text === QUOTE);
    expect(quote.sourceId).toBe(pdfId);
    expect(quote.verdict).not.toBe('not_found');
    const check = await ask(options, { type: 'check', quotes: [{ text: QUOTE }] });
    expect(check.checks[0].match).toMatchObject({ sourceId: pdfId, page: 2 });
    await article.close();
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    await options.bringToFront();
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await options.evaluate(axeSource);
    const violations: { id: string; impact: string; nodes: number }[] = await options.evaluate(async () => {
      const result = await (globalThis as any).axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v: any) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });

  it('exports a pack that a fresh profile imports to the same list', async () => {
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export all' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^verbatim-library-\d{4}-\d{2}-\d{2}\.verbatim\.json$/);
    packPath = join(ROOT, '.output', 'e2e-export.verbatim.json');
    await download.saveAs(packPath);
    const expected = (await listed(options)).sort((a, b) => a.id.localeCompare(b.id));

    const fresh = await launchWithExtension();
    try {
      const page = await openLibraryPage(fresh);
      // Empty the fresh library first (select all, remove), then import the pack.
      for (const box of await page.locator('.lp-check').all()) await box.check();
      await page.getByRole('button', { name: 'Remove selected' }).click();
      await expect(page.locator('.lp-empty').textContent()).resolves.toMatch(/empty/);
      await page.setInputFiles('#file-input', packPath);
      await expect.poll(() => page.getByTestId('notice').textContent()).toBe(`Added ${expected.length} sources.`);
      expect((await listed(page)).sort((a, b) => a.id.localeCompare(b.id))).toEqual(expected);
      const row = page.locator(`[data-source-id="${pdfId}"]`);
      await expect(row.locator('[data-testid=pages]').textContent()).resolves.toBe('2 pages');
    } finally {
      await fresh.close();
    }
  });
});
