/**
 * What a piece of photo markup is: a caption, a credit, a widget control, or none of these. Read from tag and class
 * names (Readability runs with keepClasses, so `caption`, `credit`, `toggle-caption` are still there) and, for
 * credits, from the text's own "Photo: …" / "© …" form.
 */
import { squash, textLongerThan } from '../../text';
import { hasWidgetClassName, isWidgetText, MAX_WIDGET_TEXT_CHARS } from './widget-words';

export type Role = 'caption' | 'credit' | 'widget';

/** Class tokens of caption holders (`caption`, `wp-caption-text`, `ssrcss-…-Caption`, `imageCaption`, `cutline`). */
const CAPTION_CLASS = /caption|cutline|(?:^|[-_])legend(?:$|[-_])|(?:^|[-_])(?:photo|image|img|media)[-_]?desc(?:ription)?(?:$|[-_])/i;
/** Class tokens of credit holders (`credit`, `image-credit`, `…-Copyright`, `courtesy`, `photographer`). */
const CREDIT_CLASS = /credit|copyright|courtesy|attribution|photographer|(?:^|[-_])(?:photo|image|img)[-_]?(?:source|by)(?:$|[-_])/i;
/** A text that is, by its own wording, a photo credit. */
const CREDIT_TEXT = /^(?:(?:photo|photograph|image|picture|foto|illustration|video)s?(?: by)?\s*[:©]|(?:credit|source|courtesy)s?\s*:|©|\(c\)\s|copyright\s|\(?(?:photo|image|picture)s? (?:by|courtesy of)\s)/i;
/** Longest text still taken as a credit on its wording alone. */
const MAX_CREDIT_TEXT_CHARS = 120;

/** Elements whose text never belongs to a caption. */
export const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'BUTTON', 'SVG', 'svg']);

function classTokens(el: Element): string[] {
  return (el.getAttribute('class') ?? '').split(/\s+/).filter((token) => token !== '');
}

/** True when `text` reads as a photo credit ("Photo: Jane Roe, AP", "© Reuters", "Image by …"). */
export function looksLikeCredit(text: string): boolean {
  const t = squash(text);
  return t.length <= MAX_CREDIT_TEXT_CHARS && CREDIT_TEXT.test(t);
}

/** Roles worked out while the markup does not change (see `withRoleCache`), or null outside such a stretch. */
let roleCache: Map<Element, Role | null> | null = null;

/**
 * Run `read` with roles remembered per element: growing a photo's unit asks about the same elements again at every
 * ancestor it tries. Only for code that reads the markup and does not change it.
 */
export function withRoleCache<T>(read: () => T): T {
  const outer = roleCache;
  roleCache = new Map();
  try {
    return read();
  } finally {
    roleCache = outer;
  }
}

/**
 * The role of an element inside a photo's markup, or null for plain containers. Elements that hold an image are never
 * captions or credits.
 */
export function roleOf(el: Element): Role | null {
  if (!roleCache) return computeRole(el);
  const known = roleCache.get(el);
  if (known !== undefined) return known;
  const role = computeRole(el);
  roleCache.set(el, role);
  return role;
}

function computeRole(el: Element): Role | null {
  if (SKIP_TAGS.has(el.tagName)) return 'widget';
  // Asked once: an element that holds an image is neither a widget by its classes nor a caption or credit.
  if (el.tagName === 'IMG' || el.querySelector('img')) return null;
  if (hasWidgetClassName(el)) return 'widget';
  // A widget label is short: a longer element (most are) is settled on its classes without reading its text.
  if (!textLongerThan(el, MAX_WIDGET_TEXT_CHARS, true)) {
    const text = squash(el.textContent);
    if (text && isWidgetText(text, true)) return 'widget';
  }
  const tokens = classTokens(el);
  if (tokens.some((token) => CREDIT_CLASS.test(token))) return 'credit';
  if (el.tagName === 'FIGCAPTION' || tokens.some((token) => CAPTION_CLASS.test(token))) return 'caption';
  return null;
}
