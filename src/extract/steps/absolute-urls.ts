/**
 * Step `absoluteUrls`: resolve `href`, `src`, `poster` and every `srcset` candidate against the page's base URL, so the
 * article works when shown in an extension page. In-page anchors (`#id`) stay as they are, unless a `<base href>`
 * points elsewhere (then they lead to the base page, as on the page itself). Returns how many attributes changed.
 */
import type { StepContext } from '../context';
import { isSpaceCode } from '../text';

function resolve(value: string, base: string): string {
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}

export interface SrcsetCandidate {
  url: string;
  /** The descriptor as written (`2x`, `800w`), or '' when there is none. */
  descriptor: string;
}

/**
 * Split a srcset the way browsers do: a URL is a run of non-space characters (so commas inside it, as in
 * `w_800,h_600`, stay), trailing commas end the candidate, and descriptors run up to the next comma.
 */
export function parseSrcset(srcset: string): SrcsetCandidate[] {
  const out: SrcsetCandidate[] = [];
  let i = 0;
  const n = srcset.length;
  while (i < n) {
    while (i < n && (isSpaceCode(srcset.charCodeAt(i)) || srcset.charCodeAt(i) === 44 /* , */)) i++;
    if (i >= n) break;
    let start = i;
    while (i < n && !isSpaceCode(srcset.charCodeAt(i))) i++;
    let url = srcset.slice(start, i);
    let descriptor = '';
    if (/,+$/.test(url)) {
      url = url.replace(/,+$/, '');
    } else {
      start = i;
      let depth = 0;
      while (i < n && (depth > 0 || srcset[i] !== ',')) {
        if (srcset[i] === '(') depth++;
        if (srcset[i] === ')') depth = Math.max(0, depth - 1);
        i++;
      }
      descriptor = srcset.slice(start, i).trim().replace(/\s+/g, ' ');
    }
    if (url) out.push({ url, descriptor });
  }
  return out;
}

/** Resolve each candidate URL of a srcset against `base`, keeping descriptors. */
export function resolveSrcset(srcset: string, base: string): string {
  return parseSrcset(srcset)
    .map(({ url, descriptor }) => (descriptor ? `${resolve(url, base)} ${descriptor}` : resolve(url, base)))
    .join(', ');
}

export function absolutizeUrls(root: Element, ctx: StepContext): number {
  let changed = 0;
  // "#id" is an in-page anchor only when the page has no <base> elsewhere; otherwise it points at the base page.
  const anchorsStay = ctx.baseUrl.replace(/#.*$/, '') === ctx.url.replace(/#.*$/, '');
  const set = (el: Element, attr: string, value: string): void => {
    if (el.getAttribute(attr) !== value) {
      el.setAttribute(attr, value);
      changed++;
    }
  };
  const linked = root.querySelectorAll('[href], [src], [poster], [srcset]');
  for (let i = 0; i < linked.length; i++) {
    const el = linked[i] as Element;
    for (const attr of ['href', 'src', 'poster']) {
      const value = el.getAttribute(attr);
      if (value === null) continue;
      const trimmed = value.trim();
      if (attr === 'href' && trimmed.startsWith('#') && anchorsStay) continue;
      // An empty image source names no image (a viewer's copy a script fills in), not the page itself.
      if (attr !== 'href' && trimmed === '') continue;
      set(el, attr, resolve(trimmed, ctx.baseUrl));
    }
    const srcset = el.getAttribute('srcset');
    if (srcset !== null) set(el, 'srcset', resolveSrcset(srcset, ctx.baseUrl));
  }
  return changed;
}
