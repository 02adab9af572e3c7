// The word difference between a quote and its source. Additions and removals are told apart by
// more than colour: removed words are struck through, added words underlined, and a screen
// reader hears "removed" / "added".
import type { ComponentChildren } from 'preact';
import type { DiffOp } from '../lib/types';

function Removed({ text }: { text: string }) {
  return (
    <del class="vb-del">
      <span class="vb-sr">removed: </span>
      {text}
    </del>
  );
}

function Added({ text }: { text: string }) {
  return (
    <ins class="vb-ins">
      <span class="vb-sr">added: </span>
      {text}
    </ins>
  );
}

function Unchecked({ text }: { text: string }) {
  return (
    <span class="vb-unchecked">
      <span class="vb-sr">not checked: </span>
      {text}
    </span>
  );
}

/**
 * The diff as words. When the library's copy stops inside the quote (`sourceEnds`), the quote's
 * words after the last agreeing stretch were never compared: they are shown as unchecked rather
 * than as changes the article made.
 */
export function WordDiff({ diff, sourceEnds = false }: { diff: readonly DiffOp[]; sourceEnds?: boolean }) {
  let lastEqual = -1;
  diff.forEach((op, i) => {
    if (op.op === 'equal') lastEqual = i;
  });
  const out: ComponentChildren[] = [];
  diff.forEach((op, i) => {
    if (i > 0) out.push(' ');
    if (sourceEnds && i > lastEqual) {
      if (op.quote) out.push(<Unchecked key={i} text={op.quote} />);
      return;
    }
    if (op.op === 'equal' && op.quote && op.source && op.quote !== op.source) {
      // The same words, written differently (punctuation, hyphens, spelling): shown as a change too.
      out.push(
        <span key={i} class="vb-replace vb-minor-change">
          <Removed text={op.source} /> <Added text={op.quote} />
        </span>,
      );
    } else if (op.op === 'equal') out.push(<span key={i}>{op.quote || op.source}</span>);
    else if (op.op === 'insert') out.push(<Added key={i} text={op.quote} />);
    else if (op.op === 'delete') out.push(<Removed key={i} text={op.source} />);
    else
      out.push(
        <span key={i} class="vb-replace">
          <Removed text={op.source} /> <Added text={op.quote} />
        </span>,
      );
  });
  return <p class="vb-diff">{out}</p>;
}

/** Whether the diff shows anything but agreement (ignoring the unchecked tail of a cut-off source). */
export function diffHasChanges(diff: readonly DiffOp[], sourceEnds: boolean): boolean {
  let lastEqual = -1;
  diff.forEach((op, i) => {
    if (op.op === 'equal') lastEqual = i;
  });
  return diff.some(
    (op, i) =>
      (op.op !== 'equal' || (op.quote && op.source && op.quote !== op.source)) && !(sourceEnds && i > lastEqual),
  );
}
