/**
 * Step `lazyImages` (runs before Readability, on the clone): give lazily loaded images their real source, so that
 * Readability scores them and the reader shows them. Returns how many images were rewritten.
 *
 * - `data-src`, `data-lazy-src`, `data-original`, `data-url` -> `src` when `src` is missing or a placeholder;
 * - `data-srcset`, `data-lazy-srcset` -> `srcset` (also on `<source>` in `<picture>`), an existing real srcset is kept;
 * - a `<noscript>` holding one `<img>` right after a placeholder image replaces the placeholder;
 * - an AMP `<amp-img>` becomes the `<img>` it stands for (its noscript fallback and placeholder go with it);
 * - the `<img>` of a `<picture>` that has no `src` (sources only) gets the largest candidate of its sources.
 */
import type { StepContext } from '../context';
import { parseInert } from '../html';
import { parseSrcset } from './absolute-urls';

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
  return img && img.getAttribute('src') ? img : null;
}


/** Attributes an `<amp-img>` shares with the `<img>` it stands for. */
const AMP_IMG_ATTRS = ['src', 'srcset', 'sizes', 'alt', 'title', 'width', 'height', 'class', 'id', 'aria-describedby'];

/** Replace each `<amp-img>` (not its placeholders) with a plain `<img>`. */
function fixAmpImages(doc: Document): number {
  let changed = 0;
  const amps = Array.from(doc.getElementsByTagName('amp-img'));
  for (const amp of amps) {
    if (amp.hasAttribute('placeholder') || !amp.parentNode) continue;
    if (amp.parentElement?.closest('amp-img')) continue;
    const img = doc.createElement('img');
    for (const name of AMP_IMG_ATTRS) {
      const value = amp.getAttribute(name);
      if (value !== null) img.setAttribute(name, value);
    }
    if (!img.getAttribute('src')) {
      // A source only in the noscript fallback.
      const fallback = amp.querySelector('noscript img');
      if (fallback?.getAttribute('src')) img.setAttribute('src', fallback.getAttribute('src') ?? '');
    }
    amp.replaceWith(img);
    changed++;
  }
  return changed;
}

/** The largest candidate of a `<picture>`'s sources, for an `<img>` left without a `src` (the browser picks one). */
function fixSourcesOnlyPicture(img: Element): boolean {
  const picture = img.parentElement;
  if (picture?.tagName !== 'PICTURE' || (img.getAttribute('src') ?? '').trim() || (img.getAttribute('srcset') ?? '').trim()) return false;
  let best: { url: string; size: number } | null = null;
  const sources = picture.getElementsByTagName('source');
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i] as Element;
    const type = source.getAttribute('type') ?? '';
    for (const candidate of parseSrcset(source.getAttribute('srcset') ?? '')) {
      const size = parseFloat(candidate.descriptor ?? '') || 1;
      // Later sources at the same size win: the last is the widely supported fallback (jpeg after webp or avif).
      if (!best || size >= best.size || (type && !/webp|avif|jxl/i.test(type) && size === best.size)) best = { url: candidate.url, size };
    }
  }
  if (!best) return false;
  img.setAttribute('src', best.url);
  return true;
}

export function fixLazyImages(ctx: StepContext): number {
  const { doc } = ctx;
  let changed = fixAmpImages(doc);
  // Every image and every <picture> source, found by tag name (cheaper than a selector of ten attribute tests):
  // fixSource changes only those that carry one of SRC_ATTRS or SRCSET_ATTRS.
  const images = doc.getElementsByTagName('img');
  for (let i = 0; i < images.length; i++) if (fixSource(images[i] as Element)) changed++;
  const sources = doc.getElementsByTagName('source');
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i] as Element;
    if (source.parentElement?.tagName === 'PICTURE' && fixSource(source)) changed++;
  }
  // Through the pictures (few), not every image again.
  const pictures = doc.getElementsByTagName('picture');
  for (let i = 0; i < pictures.length; i++) {
    const img = (pictures[i] as Element).querySelector('img');
    if (img && fixSourcesOnlyPicture(img)) changed++;
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
