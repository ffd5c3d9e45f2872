/**
 * Step `lazyImages` (runs before Readability, on the clone): give lazily loaded images their real source, so that
 * Readability scores them and the reader shows them. Returns how many images were rewritten.
 *
 * - `data-src`, `data-lazy-src`, `data-original`, `data-url` -> `src` when `src` is missing or a placeholder;
 * - `data-srcset`, `data-lazy-srcset` -> `srcset` (also on `<source>` in `<picture>`), an existing real srcset is kept;
 * - a `<noscript>` holding one `<img>` right after a placeholder image replaces the placeholder.
 */
import type { StepContext } from '../context';
import { parseInert } from '../html';

const SRC_ATTRS = ['data-src', 'data-lazy-src', 'data-original', 'data-url', 'data-hi-res-src', 'data-full-src'];
const SRCSET_ATTRS = ['data-srcset', 'data-lazy-srcset'];
/** A `src` that only holds space until a script swaps the real one in. */
const PLACEHOLDER_SRC = /^data:image\/(gif|png|svg\+xml)|^about:blank|(?:^|[/_.-])(blank|spacer|placeholder|lazy|transparent|pixel|grey|gray)(?:[._-][\w-]*)?\.(gif|png|svg|jpe?g)(?:$|[?#])/i;

function isPlaceholder(src: string | null): boolean {
  if (!src || !src.trim()) return true;
  return PLACEHOLDER_SRC.test(src.trim());
}

function firstAttr(el: Element, names: readonly string[]): string | null {
  for (const name of names) {
    const value = el.getAttribute(name);
    if (value && value.trim()) return value.trim();
  }
  return null;
}

function fixSource(el: Element): boolean {
  let changed = false;
  const lazySrcset = firstAttr(el, SRCSET_ATTRS);
  if (lazySrcset && isPlaceholder(el.getAttribute('srcset')?.split(/[\s,]/)[0] ?? null)) {
    el.setAttribute('srcset', lazySrcset);
    changed = true;
  }
  if (el.tagName === 'IMG') {
    const lazySrc = firstAttr(el, SRC_ATTRS);
    if (lazySrc && !lazySrc.startsWith('data:') && isPlaceholder(el.getAttribute('src'))) {
      el.setAttribute('src', lazySrc);
      changed = true;
    }
  }
  return changed;
}

/**
 * The lone `<img>` inside a `<noscript>`, and nothing else but whitespace: parsed as elements where scripting is off
 * (jsdom), as text where it is on (the browser); the text is parsed inert (see parseInert).
 */
function noscriptImage(noscript: Element, ctx: StepContext): HTMLImageElement | null {
  const holder = ctx.doc.createElement('div');
  if (noscript.children.length > 0) {
    holder.append(...Array.from(noscript.childNodes, (node) => node.cloneNode(true)));
  } else if (ctx.win) {
    holder.append(...Array.from(parseInert(noscript.textContent ?? '', ctx.win).childNodes));
  } else {
    return null;
  }
  if (holder.querySelectorAll('img').length !== 1 || (holder.textContent ?? '').trim()) return null;
  const img = holder.querySelector('img');
  return img && img.getAttribute('src') ? (img as HTMLImageElement) : null;
}


export function fixLazyImages(ctx: StepContext): number {
  const { doc } = ctx;
  let changed = 0;
  // Every image and every <picture> source, found by tag name (cheaper than a selector of ten attribute tests):
  // fixSource changes only those that carry one of SRC_ATTRS or SRCSET_ATTRS.
  const images = doc.getElementsByTagName('img');
  for (let i = 0; i < images.length; i++) if (fixSource(images[i] as Element)) changed++;
  const sources = doc.getElementsByTagName('source');
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i] as Element;
    if (source.parentElement?.tagName === 'PICTURE' && fixSource(source)) changed++;
  }
  const noscripts = doc.querySelectorAll('noscript');
  for (let i = 0; i < noscripts.length; i++) {
    const noscript = noscripts[i] as Element;
    const prev = noscript.previousElementSibling;
    const target = prev?.tagName === 'IMG' ? prev : prev?.querySelector('img:only-of-type');
    if (!target || !isPlaceholder(target.getAttribute('src'))) continue;
    const img = noscriptImage(noscript, ctx);
    if (!img) continue;
    const copy = doc.importNode(img, true);
    if (!copy.getAttribute('alt') && target.getAttribute('alt')) copy.setAttribute('alt', target.getAttribute('alt') ?? '');
    target.replaceWith(copy);
    noscript.remove();
    changed++;
  }
  return changed;
}
