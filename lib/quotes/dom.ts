// Small DOM helpers that use only childNodes, with an explicit stack: some DOM implementations
// recurse in querySelector and textContent, and news pages can nest thousands of levels deep.

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export function tagOf(el: Element): string {
  return (el.localName || el.nodeName || '').toLowerCase();
}

/** Every element under `root` (itself included) whose tag is in `tags`, in document order. */
export function elementsByTag(root: Node, tags: ReadonlySet<string>, limit = 10_000): Map<string, Element[]> {
  const found = new Map<string, Element[]>();
  for (const tag of tags) found.set(tag, []);
  const stack: Node[] = [root];
  let count = 0;
  while (stack.length && count < limit) {
    const node = stack.pop() as Node;
    if (node.nodeType === ELEMENT_NODE) {
      const tag = tagOf(node as Element);
      const list = found.get(tag);
      if (list) {
        list.push(node as Element);
        count++;
      }
    }
    const kids = node.childNodes;
    if (kids) for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]);
  }
  return found;
}

/** The text under a node (as textContent), gathered without recursion; at most `limit` characters. */
export function textOf(node: Node, limit = Infinity): string {
  const parts: string[] = [];
  let length = 0;
  const stack: Node[] = [node];
  while (stack.length && length < limit) {
    const n = stack.pop() as Node;
    if (n.nodeType === TEXT_NODE) {
      const data = (n as Text).data ?? '';
      parts.push(data);
      length += data.length;
      continue;
    }
    const kids = n.childNodes;
    if (kids) for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]);
  }
  const text = parts.join('');
  return length > limit ? text.slice(0, limit) : text;
}

/** The number of characters of text under a node. */
export function textLength(node: Node): number {
  let length = 0;
  const stack: Node[] = [node];
  while (stack.length) {
    const n = stack.pop() as Node;
    if (n.nodeType === TEXT_NODE) length += ((n as Text).data ?? '').length;
    const kids = n.childNodes;
    if (kids) for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]);
  }
  return length;
}
