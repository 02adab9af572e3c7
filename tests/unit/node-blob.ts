// happy-dom brings its own Blob, which Node's structuredClone (and so fake-indexeddb) copies as an
// empty object; the library stores its texts fold as a Blob, so the tests store Node's, which
// clones whole as a browser's IndexedDB keeps one.
import { Blob } from 'node:buffer';

globalThis.Blob = Blob as unknown as typeof globalThis.Blob;
