// The card by keyboard: Tab wraps round inside the open card, and the citation menu is placed where
// the window has room for it.
import { cleanup, render } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cycleFocus, tabStops } from '../../../components/focus-cycle';
import { placeMenu } from '../../../components/menu-place';

describe('placeMenu', () => {
  const view = { width: 640, height: 450 };
  const menu = { width: 280, height: 200 };

  it('opens above its button when there is room, lined up with it', () => {
    expect(placeMenu({ left: 100, top: 400, right: 200, bottom: 430 }, menu, view)).toEqual({ left: 100, top: 194, maxHeight: null });
  });

  it('opens below when only below has room', () => {
    expect(placeMenu({ left: 100, top: 40, right: 200, bottom: 70 }, menu, view)).toEqual({ left: 100, top: 76, maxHeight: null });
  });

  it('keeps inside the window on the right', () => {
    expect(placeMenu({ left: 500, top: 400, right: 600, bottom: 430 }, menu, view).left).toBe(640 - 280 - 8);
  });

  it('scrolls itself on the roomier side when it fits on neither', () => {
    const tall = { width: 280, height: 420 };
    expect(placeMenu({ left: 10, top: 300, right: 90, bottom: 330 }, tall, view)).toEqual({ left: 10, top: 8, maxHeight: 286 });
    expect(placeMenu({ left: 10, top: 100, right: 90, bottom: 130 }, tall, view)).toEqual({ left: 10, top: 136, maxHeight: 306 });
  });
});

describe('cycleFocus', () => {
  beforeEach(() => {
    // happy-dom lays nothing out: every element counts as shown.
    vi.spyOn(Element.prototype, 'getClientRects').mockReturnValue([{}] as unknown as DOMRectList);
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  function card() {
    const { container } = render(
      <div class="card" tabIndex={-1}>
        <button id="close">Close</button>
        <a id="open" href="https://example.org">Open</a>
        <button id="disabled" disabled>Off</button>
        <button id="copy">Copy</button>
        <button id="item" tabIndex={-1}>Menu item</button>
      </div>,
    );
    return container.querySelector<HTMLElement>('.card')!;
  }
  const tab = (shiftKey = false) => new KeyboardEvent('keydown', { key: 'Tab', shiftKey, cancelable: true });

  it('counts links and enabled buttons, not menu items or disabled buttons', () => {
    expect(tabStops(card()).map((el) => el.id)).toEqual(['close', 'open', 'copy']);
  });

  it('wraps from the last control to the first and back', () => {
    const root = card();
    root.querySelector<HTMLElement>('#copy')!.focus();
    const forward = tab();
    expect(cycleFocus(forward, root)).toBe(true);
    expect(forward.defaultPrevented).toBe(true);
    expect(document.activeElement?.id).toBe('close');
    expect(cycleFocus(tab(true), root)).toBe(true);
    expect(document.activeElement?.id).toBe('copy');
  });

  it('leaves Tab alone between controls, and Shift+Tab from the card itself goes to its last control', () => {
    const root = card();
    root.querySelector<HTMLElement>('#close')!.focus();
    const forward = tab();
    expect(cycleFocus(forward, root)).toBe(false);
    expect(forward.defaultPrevented).toBe(false);
    root.focus();
    expect(cycleFocus(tab(true), root)).toBe(true);
    expect(document.activeElement?.id).toBe('copy');
  });

  it('from a menu item after the last control, Tab goes round to the first control', () => {
    const root = card();
    root.querySelector<HTMLElement>('#item')!.focus();
    expect(cycleFocus(tab(), root)).toBe(true);
    expect(document.activeElement?.id).toBe('close');
  });
});
