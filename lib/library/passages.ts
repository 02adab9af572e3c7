// A source's text as passages: paragraphs separated by blank lines, `#` heading lines on their
// own. Each paragraph knows the nearest heading above it (its section), for the evidence card.

export interface Passage {
  start: number; // offsets in the source text, without surrounding blank space
  end: number;
  section: string | null; // nearest heading above (a heading's own section is itself)
  heading: boolean;
}

const HEADING = /^#{1,6}[ \t]+(.*?)[ \t#]*$/;

export function parsePassages(text: string): Passage[] {
  const passages: Passage[] = [];
  let section: string | null = null;
  let paraStart = -1;
  let paraEnd = -1;

  const closeParagraph = () => {
    if (paraStart >= 0) passages.push({ start: paraStart, end: paraEnd, section, heading: false });
    paraStart = -1;
  };

  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const trimmed = line.trim();
    if (trimmed.length === 0) {
      closeParagraph();
    } else {
      const heading = HEADING.exec(trimmed);
      const lead = line.length - line.trimStart().length;
      const start = lineStart + lead;
      const end = start + trimmed.length;
      if (heading) {
        closeParagraph();
        section = heading[1].trim() || null;
        passages.push({ start, end, section, heading: true });
      } else {
        if (paraStart < 0) paraStart = start;
        paraEnd = end;
      }
    }
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
  }
  closeParagraph();
  return passages;
}

/** Index of the passage that contains `offset` (or the nearest one before it), -1 if none. */
export function passageAt(passages: Passage[], offset: number): number {
  let lo = 0;
  let hi = passages.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (passages[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
