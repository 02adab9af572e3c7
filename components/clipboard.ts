// Copying for the card and popup. A citation goes to the clipboard both as plain text and as HTML
// (so a word processor keeps the italics); where rich copying is refused, plain text still goes.
// The HTML is the citation formatter's output (it escapes the source's text); it is placed on the
// clipboard only and never inserted into a page.

export interface RichText {
  text: string;
  html?: string;
}

/**
 * Copies `content`, which may still be on its way: the clipboard item is created at once (inside the
 * reader's click, which the browser requires) and filled when the promise settles.
 */
export async function copyRich(content: RichText | Promise<RichText>): Promise<void> {
  const pending = Promise.resolve(content);
  const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
  if (!clipboard) throw new Error('The clipboard is not available here.');
  if (typeof ClipboardItem !== 'undefined' && typeof clipboard.write === 'function') {
    try {
      // An item's types are fixed when it is made: plain text without HTML of its own goes as escaped HTML.
      const item = new ClipboardItem({
        'text/plain': pending.then((c) => new Blob([c.text], { type: 'text/plain' })),
        'text/html': pending.then((c) => new Blob([c.html ?? escapeAsHtml(c.text)], { type: 'text/html' })),
      });
      await clipboard.write([item]);
      return;
    } catch {
      // Fall back to plain text below (some browsers refuse rich items from some contexts).
    }
  }
  await clipboard.writeText((await pending).text);
}

function escapeAsHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\n/g, '<br>');
}
