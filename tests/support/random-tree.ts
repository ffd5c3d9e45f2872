/**
 * Small random DOM trees for tests that compare a quick text measure with the DOM's own: text pieces, comments and
 * nested elements in random order, from a fixed seed (the same trees on every run).
 */
export function randomTrees(doc: Document, pieces: readonly string[], options: { seed: number; tags?: readonly string[]; maxChildren?: number }): () => HTMLElement {
  const tags = options.tags ?? ['span'];
  const maxChildren = options.maxChildren ?? 4;
  let seed = options.seed;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const grow = (el: Element, depth: number): void => {
    for (let i = random(maxChildren + 1); i > 0; i--) {
      const kind = random(depth > 3 ? 3 : 5);
      if (kind === 0) el.append(doc.createComment('note  with  spaces'));
      else if (kind < 3) el.append(doc.createTextNode(pieces[random(pieces.length)] as string));
      else {
        const child = doc.createElement(tags[random(tags.length)] as string);
        el.append(child);
        grow(child, depth + 1);
      }
    }
  };
  return () => {
    const root = doc.createElement('div');
    grow(root, 0);
    return root;
  };
}
