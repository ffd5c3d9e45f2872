/**
 * What a piece of photo markup is: a caption, a credit, a widget control, or none of these. Read from tag and class
 * names (Readability runs with keepClasses, so `caption`, `credit`, `toggle-caption` are still there) and, for
 * credits, from the text's own "Photo: …" / "© …" form.
 */
import { squash, textLongerThan } from '../../text';
import { hasWidgetClassName, isWidgetText, MAX_WIDGET_TEXT_CHARS } from './widget-words';
import { LazyRegExp } from '../../lazy-regexp';

/** Punctuation that a sentence has and a credit line does not. */
const SENTENCE_PUNCTUATION = new LazyRegExp(String.raw`[!?;:]$|[;:] |\p{Ll}{2}[.!?] \p{Lu}|\p{Ll}{2}\.$`, 'u');

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

/**
 * Picture agencies and photo libraries, named in credit lines. A line is only a credit on these when it is short and
 * shaped like one (see AGENCY_CREDIT_CHARS): prose that mentions Reuters is never short enough.
 */
const AGENCY = /\b(?:getty images|afp|ap photo|associated press|reuters|epa(?:-efe)?|efe|dpa|ansa|anadolu|xinhua|shutterstock|alamy|istock(?:photo)?|unsplash|pexels|pool|picture[- ]alliance|imago|sipa|bloomberg|zuma(?: press)?|keystone|abaca|nurphoto|sopa images|the associated press)\b/i;
/** Agency initials, matched with their case ("AP", not "ap" in a word). */
const AGENCY_INITIALS = /(?:^|[\s,/(])(?:AP|UPI|AFP|EPA|dpa|ANP|KNA|PA|TT|NTB)(?:$|[\s,/)])/;
/** Longest line taken as a credit on its agency name or "Name/Agency" shape alone. */
const AGENCY_CREDIT_CHARS = 80;
/** "Name/Agency", "Name / dpa", "Stefani Reynolds/POOL/AFP via Getty Images": 2-4 short parts split by slashes. */
const SLASH_CREDIT = new LazyRegExp(String.raw`^[\p{Lu}\p{Lt}][\p{L}\p{M}.'’&-]*(?: [\p{L}\p{M}.'’&-]+){0,5}(?: ?\/ ?[\p{L}\p{M}][\p{L}\p{M}.'’&-]*(?: [\p{L}\p{M}.'’&-]+){0,5}){1,3}$`, 'u');

/** True when `text` reads as a photo credit ("Photo: Jane Roe, AP", "© Reuters", "Image by …", "Jane Roe/AFP via Getty Images"). */
export function looksLikeCredit(text: string): boolean {
  const t = squash(text);
  if (t.length > MAX_CREDIT_TEXT_CHARS) return false;
  if (CREDIT_TEXT.test(t)) return true;
  if (t.length > AGENCY_CREDIT_CHARS) return false;
  const bare = t.replace(/^\((.*)\)$/, '$1').trim();
  // A sentence is not a credit line: credits end without a full stop (an initial aside) and hold no clause break.
  if (SENTENCE_PUNCTUATION.test(bare)) return false;
  // The slash pattern is costly to build on a first read: asked only of texts with a slash.
  return (bare.includes('/') && SLASH_CREDIT.test(bare)) || ((AGENCY.test(bare) || AGENCY_INITIALS.test(bare)) && bare.split(/\s+/).length <= 8);
}

/**
 * A credit printed at the end of a caption: "(AP Photo/Jane Doe)", "(Jabin Botsford/The Washington Post)",
 * "Photograph: Jane Roe/Getty Images", "Photo: Jane Roe". Returns the caption and the credit apart, or null.
 */
export function splitTrailingCredit(text: string): { caption: string; credit: string } | null {
  const t = squash(text);
  const paren = /^(.*\S)\s*\(([^()]{3,100})\)$/.exec(t);
  if (paren?.[1] && paren[2] && looksLikeCredit(paren[2]) && /[.!?…"”’]$/.test(paren[1])) {
    return { caption: paren[1], credit: paren[2] };
  }
  const labelled = /^(.*[.!?…"”’])\s+((?:photo|photograph|image|picture|foto|illustration|credit|source)s?(?: by)?\s*[:©].{2,100})$/i.exec(t);
  if (labelled?.[1] && labelled[2] && looksLikeCredit(labelled[2])) return { caption: labelled[1], credit: labelled[2] };
  return null;
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
  // A caption token wins over a credit one (`image__caption attribution`); one token naming both is a credit's
  // (`caption-credit`).
  if (tokens.some((token) => CAPTION_CLASS.test(token) && !CREDIT_CLASS.test(token))) return 'caption';
  if (tokens.some((token) => CREDIT_CLASS.test(token))) return 'credit';
  if (el.tagName === 'FIGCAPTION') return 'caption';
  return null;
}
