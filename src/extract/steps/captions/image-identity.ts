/**
 * Image identity: the key that says two `<img>` show the same photo, from its URL with size variants removed
 * (`-s1100-c50` vs `-s1400-c100`, `-800x533`, `/920x920.jpg`, `?w=800`, `@2x`, `.webp` vs `.jpg`). A photo is also
 * matched by every candidate of its srcset and of its `<picture>` sources. Alt text is never part of the identity.
 */
import { parseSrcset } from '../absolute-urls';

/** Query parameters that only choose a size, crop, quality or format. */
const SIZE_PARAMS = new Set([
  'w', 'h', 'width', 'height', 'wid', 'hei', 'size', 'resize', 'fit', 'crop', 'quality', 'q', 'dpr', 'auto', 'format',
  'fm', 'fmt', 'ssl', 'strip', 'sharp', 'sharpen', 'blur', 'ar', 'mode', 'scale', 'maxwidth', 'maxheight', 'im',
  'imwidth', 'downsize', 'optimize', 'rect', 'output-quality', 'output-format', 'itok', 'cache', 'v',
]);

/** Size suffixes at the end of a file name (before the extension); each is removed repeatedly. */
const NAME_SUFFIXES: readonly RegExp[] = [
  /[-_.]s\d{2,5}(?:[-_.]c\d{1,3})?$/i, // NPR: -s1100-c50
  /[-_.]c\d{1,3}$/i,
  /[-_.]\d{2,5}x\d{0,5}(?:[-_.]c)?$/i, // -800x533, _1200x, -800x533-c
  /[-_.]x\d{2,5}$/i,
  /@\d(?:\.\d)?x$/i, // @2x
  /[-_.]\d{2,5}w$/i, // -1200w
  /[-_.](?:scaled|thumb|thumbnail|small|medium|large|xlarge|big|full|orig|original|lowres|hires|hi|lo|preview)$/i,
];

/** Path segments that only name a size or a transformation (`920x920`, `w_800,h_600,c_fill`, `resize`, `fit-in`). */
const SIZE_SEGMENT = /^(?:\d{2,5}x\d{0,5}[!^>]?|fill|fit|crop|cover|contain|scale|(?:free|landscape|portrait|square|wide|vertical|horizontal|thumb|thumbnail|original|card|hero|ratio)_\d{2,5}|\d{2,5}w|(?:w|h|c|q|f|g|ar|dpr|fl)_[a-z0-9.:]+(?:,[a-z]{1,3}_[a-z0-9.:]+)*|resize|resized|fit-in|s\d{2,5}(?:-c\d+)?|w\d{2,5}(?:-h\d{2,5})?)$/i;
const EXTENSION = /\.(?:jpe?g|jfif|png|gif|webp|avif|svg|bmp|tiff?|heic|heif)$/i;

/** Keys already worked out, by URL: one photo's URLs are asked about again for every image it is compared with. */
const keyCache = new Map<string, string>();
const KEY_CACHE_SIZE = 5000;

/** The identity key of one image URL, or '' for data: URLs and unparsable ones. */
export function imageKey(url: string): string {
  let key = keyCache.get(url);
  if (key === undefined) {
    if (keyCache.size >= KEY_CACHE_SIZE) keyCache.clear();
    key = computeImageKey(url);
    keyCache.set(url, key);
  }
  return key;
}

function computeImageKey(url: string): string {
  const trimmed = url.trim();
  if (!trimmed || /^data:/i.test(trimmed)) return '';
  let parsed: URL;
  try {
    parsed = new URL(trimmed, 'http://invalid.invalid/');
  } catch {
    return '';
  }
  // An image proxy or resizer (`/resize/1440x960!/?url=https://…/photo.jpg`): the photo is the one it names.
  // (Array.from: in a Firefox content script the params' own iterators are not iterable with for...of.)
  const entries = Array.from(parsed.searchParams.entries());
  for (const [, value] of entries) {
    if (/^(?:https?:)?\/\/\S+\.(?:jpe?g|jfif|png|gif|webp|avif)(?:[?#]|$)/i.test(value) && value !== trimmed) return computeImageKey(value);
  }
  const segments = parsed.pathname.split('/').filter((segment) => segment !== '');
  let name = decodeSafe(segments.pop() ?? '');
  const dirs = segments.filter((segment) => !SIZE_SEGMENT.test(decodeSafe(segment)));
  name = name.replace(EXTENSION, '');
  for (let changed = true; changed; ) {
    changed = false;
    for (const re of NAME_SUFFIXES) {
      const next = name.replace(re, '');
      if (next !== name && next !== '') {
        name = next;
        changed = true;
      }
    }
  }
  if (SIZE_SEGMENT.test(name)) name = '';
  const params = entries
    .filter(([key]) => !SIZE_PARAMS.has(key.toLowerCase()))
    .map(([key, value]) => `${key}=${value}`)
    .sort();
  const query = params.length ? `?${params.join('&')}` : '';
  return `${parsed.host.toLowerCase()}/${[...dirs, name].join('/')}${query}`.toLowerCase();
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** An image's declared width or height in pixels, or NaN when it declares none. */
export function declaredSize(img: Element, name: 'width' | 'height'): number {
  const value = parseInt(img.getAttribute(name) ?? '', 10);
  return Number.isFinite(value) ? value : NaN;
}

/** Every URL an `<img>` may show: its src, its srcset candidates and those of the `<source>`s of its `<picture>`. */
export function imageUrls(img: Element): string[] {
  const urls: string[] = [];
  const src = img.getAttribute('src');
  if (src) urls.push(src);
  const holders: Element[] = [img];
  const picture = img.parentElement?.tagName === 'PICTURE' ? img.parentElement : null;
  if (picture) holders.push(...Array.from(picture.querySelectorAll('source')));
  for (const holder of holders) {
    const srcset = holder.getAttribute('srcset');
    if (srcset) urls.push(...parseSrcset(srcset).map((candidate) => candidate.url));
  }
  return urls;
}

/** The identity keys of an `<img>` (empty when it has no real URL). */
export function imageKeys(img: Element): Set<string> {
  return new Set(imageUrls(img).map(imageKey).filter((key) => key !== ''));
}

/** True when two key sets name the same photo. */
export function sameImage(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const key of a) if (b.has(key)) return true;
  return false;
}

/** Class names of containers that hold a second copy of a photo: lightboxes, zoom views, mobile or print copies. */
const COPY_CONTAINER = /lightbox|enlarge|modal|zoom|full-?screen|overlay|popup|popover|mobile|desktop|tablet|print|hidden|sr-only|noscript|expand/i;

function inCopyContainer(img: Element): boolean {
  for (let el: Element | null = img; el; el = el.parentElement) {
    if (COPY_CONTAINER.test(el.getAttribute('class') ?? '')) return true;
  }
  return false;
}

/**
 * True when `img` is a copy of the photo `seed` shows: the same photo at another size, or at the same URL inside a
 * lightbox, zoom or mobile copy, or an image without any source. The same URL twice with no such container is the author showing it twice: not a copy.
 */
export function isCopyOf(img: Element, seed: Element, seedKeys: ReadonlySet<string> = imageKeys(seed)): boolean {
  if (img === seed) return true;
  const keys = imageKeys(img);
  // An image with no source shows nothing (a viewer's copy a script fills in): it is no other photo.
  if (!keys.size) return true;
  if (!sameImage(keys, seedKeys)) return false;
  if ((img.getAttribute('src') ?? '') !== (seed.getAttribute('src') ?? '')) return true;
  return inCopyContainer(img) || inCopyContainer(seed);
}
