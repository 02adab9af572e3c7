// Where the citation menu goes: fixed to the window beside its button, so that no scrolling box
// around it (the card scrolls its own content) can cut it off. Above the button if it fits there,
// else below, else wherever it fits best with its own scrollbar.

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface MenuPlace {
  left: number;
  top: number;
  /** Set when the menu is taller than the room on either side. */
  maxHeight: number | null;
}

const GAP = 6;
const MARGIN = 8;

export function placeMenu(button: Box, menu: { width: number; height: number }, view: { width: number; height: number }): MenuPlace {
  const left = Math.max(MARGIN, Math.min(button.left, view.width - menu.width - MARGIN));
  const above = button.top - GAP - MARGIN;
  const below = view.height - button.bottom - GAP - MARGIN;
  if (menu.height <= above) return { left, top: button.top - GAP - menu.height, maxHeight: null };
  if (menu.height <= below) return { left, top: button.bottom + GAP, maxHeight: null };
  if (above >= below) return { left, top: MARGIN, maxHeight: Math.max(above, 0) };
  return { left, top: button.bottom + GAP, maxHeight: Math.max(below, 0) };
}
