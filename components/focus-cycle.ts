// Keeps Tab inside an open card: from its last control Tab goes back to its first, and Shift+Tab
// from its first goes to its last. The card is added at the very end of the page, so without this
// Tab would leave it for the browser's own controls instead of returning to the card.

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The controls of `root` a Tab press can reach, in document order. */
export function tabStops(root: HTMLElement): HTMLElement[] {
  // Menu items (tabindex -1) are reached with arrow keys, not Tab.
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0);
}

/** Handles a Tab keydown inside `root`; true when it moved focus itself (wrapping round). */
export function cycleFocus(e: KeyboardEvent, root: HTMLElement): boolean {
  if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey) return false;
  const stops = tabStops(root);
  const scope = root.getRootNode() as Document | ShadowRoot;
  const active = scope.activeElement;
  if (stops.length === 0 || !active) return false;
  const ahead = e.shiftKey ? Node.DOCUMENT_POSITION_PRECEDING : Node.DOCUMENT_POSITION_FOLLOWING;
  // Ancestors count as preceding: the card itself (focused when it opens) comes before all its controls.
  const more = stops.some((el) => el !== active && (active.compareDocumentPosition(el) & ahead) !== 0 && !el.contains(active));
  if (more) return false;
  e.preventDefault();
  (e.shiftKey ? stops[stops.length - 1] : stops[0]).focus();
  return true;
}
