// A folded source's text left in the fold's bytes until something first reads it. A cold start
// then decodes only the texts its checks judge against, not all 10.8 MB: for a first batch of 12
// generated quotes, 8 to 11 of the State of the Union library's 233 texts.
//
// The record keeps `text` as an ordinary enumerable property whose first read decodes the bytes,
// checks the decoded length against the row's, and puts the string in the property's place. The
// getter is one function for every record, so records of one shape before their first read share
// one after it. Copying a record with spread or Object.assign would read the text; fillSource
// (db.ts) copies it late instead.

/** A folded text whose bytes, decoded, are not of its row's length: damaged on disk. */
export class UnreadableText extends Error {
  constructor(readonly sourceId: string) {
    super(`The stored text of ${sourceId} could not be read back whole.`);
    this.name = 'UnreadableText';
  }
}

const decoder = new TextDecoder();

/** One text's bytes in the fold, decoded once whichever record copy asks first. */
export class FoldedBytes {
  private text: string | null = null;
  constructor(
    readonly sourceId: string,
    private readonly bytes: Uint8Array,
    readonly length: number, // the row's textLength
  ) {}

  /** Whether bytes of this many could hold a text of `length` UTF-16 units (1 to 3 bytes each). */
  static fits(byteLength: number, length: number): boolean {
    return Number.isInteger(length) && length >= 0 && byteLength >= length && byteLength <= 3 * length;
  }

  decode(): string {
    if (this.text === null) {
      const text = decoder.decode(this.bytes);
      if (text.length !== this.length) throw new UnreadableText(this.sourceId);
      this.text = text;
    }
    return this.text;
  }
}

const late = new WeakMap<object, FoldedBytes>();

function readLate(this: object): string {
  const text = late.get(this)!.decode();
  late.delete(this);
  Object.defineProperty(this, 'text', { value: text, writable: true, enumerable: true, configurable: true });
  return text;
}

const LATE_TEXT: PropertyDescriptor = { get: readLate, enumerable: true, configurable: true };

/** Gives `record` a `text` decoded from `folded` when first read. */
export function setLateText<T extends object>(record: T, folded: FoldedBytes): T & { text: string } {
  late.set(record, folded);
  Object.defineProperty(record, 'text', LATE_TEXT);
  return record as T & { text: string };
}

/** Whether the record's text is still undecoded. */
export function hasLateText(record: object): boolean {
  return late.has(record);
}

/** Sets `to`'s text to `from`'s, still undecoded if it is. */
export function copyText(from: { text: string }, to: object): void {
  const folded = late.get(from);
  if (folded) setLateText(to, folded);
  else (to as { text: string }).text = from.text;
}
