/**
 * Rebuild one photo's unit as a single `<figure>`: the image once (its `<picture>` sources, srcset and link kept) and
 * one `<figcaption>` with the caption once and the credit once:
 *   <figure><img …><figcaption><span class="lectern-caption">…</span> <span class="lectern-credit">…</span></figcaption></figure>
 * Copies of the image at other sizes and every other text of the unit (repeats, widget words, file names) go.
 */
import { isFileNameText } from './filename-alt';
import { collectTexts } from './collect';
import { imageKeys, isCopyOf } from './image-identity';
import { imagesOf, normalText } from './photo-unit';
import type { Role } from './roles';

export const CAPTION_CLASS = 'lectern-caption';
export const CREDIT_CLASS = 'lectern-credit';

/** Texts in order, each once: a text equal to or inside one already kept (or inside `other`) is dropped. */
export function uniqueTexts(texts: readonly string[], other: readonly string[] = []): { kept: string[]; dropped: number } {
  const kept: string[] = [];
  let dropped = 0;
  const otherNorm = other.map(normalText);
  for (const text of texts) {
    const norm = normalText(text);
    if (!norm || otherNorm.some((o) => o === norm)) {
      dropped++;
      continue;
    }
    const inside = kept.findIndex((k) => normalText(k).includes(norm));
    if (inside !== -1) {
      dropped++;
      continue;
    }
    // A longer text holding earlier ones replaces them.
    const holds = kept.filter((k) => norm.includes(normalText(k)));
    if (holds.length) {
      dropped += holds.length;
      const at = kept.indexOf(holds[0] ?? '');
      for (const k of holds) kept.splice(kept.indexOf(k), 1);
      kept.splice(at, 0, text);
      continue;
    }
    kept.push(text);
  }
  return { kept, dropped };
}

/** Remove a credit printed again at the end of a caption ("… on July 9. Jane Roe/AFP"). */
function withoutTrailingCredit(caption: string, credits: readonly string[]): string {
  let out = caption;
  for (const credit of credits) {
    if (out.length > credit.length && out.toLowerCase().endsWith(credit.toLowerCase())) {
      out = out.slice(0, out.length - credit.length).replace(/[\s(|/–—-]+$/, '').trim();
    }
  }
  return out;
}

/** The image to keep: the first one with `<picture>` sources or a srcset, else the first with a source. */
function pickImage(imgs: readonly Element[]): Element {
  const shown = imgs.filter((img) => imageKeys(img).size > 0);
  const rich = shown.find((img) => img.parentElement?.tagName === 'PICTURE' || img.hasAttribute('srcset'));
  return rich ?? shown[0] ?? (imgs[0] as Element);
}

/** The image with its `<picture>` and, when it wraps nothing else, its link. */
function imageBlock(img: Element): Element {
  let block: Element = img.parentElement?.tagName === 'PICTURE' ? img.parentElement : img;
  const link = block.parentElement;
  if (link?.tagName === 'A' && !(link.textContent ?? '').trim() && link.querySelectorAll('img').length === 1) block = link;
  return block;
}

/**
 * Replace the unit `nodes` of the photo shown by `seed` with one figure. Returns how many things were removed, or 0
 * (and leaves the markup alone) when the unit has no caption, no credit and nothing to remove.
 */
export function rebuildFigure(nodes: readonly Node[], seed: Element, roles?: ReadonlyMap<Node, Role>): number {
  const first = nodes[0];
  const parent = first?.parentNode;
  if (!first || !parent) return 0;
  const doc = seed.ownerDocument;
  const keys = imageKeys(seed);
  const imgs: Element[] = [];
  for (const node of nodes) {
    if (node.nodeType !== 1) continue;
    for (const img of imagesOf(node as Element)) if (isCopyOf(img, seed, keys)) imgs.push(img);
  }
  if (!imgs.length) return 0;
  const found = collectTexts(nodes, roles);
  const credits = uniqueTexts(found.credits);
  const captions = uniqueTexts(
    found.captions.map((caption) => withoutTrailingCredit(caption, credits.kept)),
    credits.kept,
  );
  let removed = found.dropped + credits.dropped + captions.dropped + imgs.length - 1;
  const caption = captions.kept.join(' ');
  const credit = credits.kept.join(' · ');
  const img = pickImage(imgs);
  const alt = img.getAttribute('alt');
  if (alt !== null && isFileNameText(alt)) {
    img.setAttribute('alt', caption);
    removed++;
  }
  const isBareImage = nodes.length === 1 && nodes[0] === imageBlock(img);
  if (!caption && !credit && (removed === 0 || isBareImage)) return removed;

  // The figure's place, held before the image moves: the image's block may be the unit's first node, or hold it.
  const place = doc.createTextNode('');
  parent.insertBefore(place, first);
  const figure = doc.createElement('figure');
  figure.append(imageBlock(img));
  if (caption || credit) {
    const figcaption = doc.createElement('figcaption');
    if (caption) figcaption.append(span(doc, CAPTION_CLASS, caption));
    if (caption && credit) figcaption.append(doc.createTextNode(' '));
    if (credit) figcaption.append(span(doc, CREDIT_CLASS, credit));
    figure.append(figcaption);
  }
  place.parentNode?.replaceChild(figure, place);
  for (const node of nodes) if (!node.contains(figure) && !figure.contains(node)) node.parentNode?.removeChild(node);
  return removed;
}

function span(doc: Document, className: string, text: string): Element {
  const el = doc.createElement('span');
  el.className = className;
  el.textContent = text;
  return el;
}
