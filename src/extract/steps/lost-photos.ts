/**
 * Step `lostPhotos`: put back the article's photos that Readability left out. It drops a lead photo that sits in a
 * hero container beside the body (no text of its own to score), a photo block whose container carries a class it
 * scores as negative (`media`, `widget`, `meta`), hidden carousel slides, and captions or credits whose class it reads
 * as unlikely or that are hidden from screen readers only.
 *
 * Before Readability (`notePhotos`), each content photo of the copy is noted with its block (its figure, or the
 * largest ancestor holding only it and a caption's worth of text), its caption holders, and references to the text
 * nodes after it (and, for a photo with a caption element, the one before it). After Readability (`restorePhotos`):
 * - a photo whose block the article holds but whose image went is put back in its block;
 * - a photo the article does not show at all (image-identity.ts folds sizes) goes back before the block of the first
 *   of those text nodes the article holds (Readability moves the nodes it keeps), else after the one before it;
 * - caption and credit holders the article lost go back into the photo's block.
 * Site chrome (nav, footer, a header with the site's menu), photo viewers, icons, teasers, charts and byline
 * portraits stay out. Returns how many photos it put back.
 */
import type { StepContext } from '../context';
import { squash, textLongerThan } from '../text';
import { declaredSize, imageKeys, sameImage } from './captions/image-identity';
import { imagesOf } from './captions/photo-unit';
import { LazyRegExp } from '../lazy-regexp';

/**
 * A photo is noted with this many following text blocks: a byline bar, a headline or the other slides' captions may
 * stand between a lead photo or a carousel slide and the body.
 */
const NEXT_ANCHORS = 12;
/** A text node this long (trimmed) is an anchor: a paragraph's, not a label's or a date's. */
const MIN_ANCHOR_CHARS = 40;
/** Text allowed in a photo's block besides the photo: a caption, a credit and widget words. */
const MAX_BLOCK_TEXT = 700;
/** Text nodes walked looking for anchors on each side of a photo. */
const MAX_WALK = 200;
/** At most this many photos are noted (a page of thumbnails is no article's photo set). */
const MAX_NOTED = 40;
/** Images smaller than this (declared width or height) are icons, avatars, logos or spacers. */
const MIN_WIDTH = 150;
const MIN_HEIGHT = 100;
/** An uncaptioned image is taken for a photo from this declared width, or from its srcset or picture sources. */
const MIN_PHOTO_WIDTH = 300;

/** A photo in a sidebar goes back only before article text, never after the article's last block. */
const SIDEBAR = 'aside, [role="complementary"]';
/** Shortest text beside an image taken as its caption. */
const MIN_CAPTION_CHARS = 25;
/** Class and id words of caption and credit holders. */
const CAPTION_WORDS = /caption|credit|cutline/i;
const CAPTION_HOLDER = 'figcaption, [class*="caption" i], [class*="credit" i], [class*="cutline" i]';

export interface NotedPhoto {
  keys: Set<string>;
  img: Element;
  block: Element;
  /** Where each of the image's ancestors below the block stood: its parent and next sibling. */
  places: Map<Element, { parent: Node; next: Node | null }>;
  /** The block's caption and credit holders, each with where it and its ancestors below the block stood. */
  captions: Array<Map<Element, { parent: Node; next: Node | null }>>;
  /** Copies of the outermost holders as they were before Readability, for a block it rebuilt (it may empty them). */
  captionCopies: Element[];
  /** Text nodes after the block, in document order. */
  next: Text[];
  /** The text node before, for a photo with a caption element only (a promotion's text beside its image is no caption). */
  prev: Text | null;
}


/** "logo" as a word of a class, id or file name (site-logo, print_logo, logo.png; not "logotype-study"). */
const LOGO_WORD = /(?:^|[\s_\-/.])logos?(?:$|[\s_\-.])/i;

/** Images declared smaller than a photo (icons, avatars, logos, spacers), or named a logo. */
function isIcon(img: Element): boolean {
  const w = declaredSize(img, 'width');
  const h = declaredSize(img, 'height');
  if ((!!w && w < MIN_WIDTH) || (!!h && h < MIN_HEIGHT)) return true;
  const file = (img.getAttribute('src') ?? '').split(/[?#]/)[0]?.split('/').pop() ?? '';
  return LOGO_WORD.test(img.getAttribute('class') ?? '') || LOGO_WORD.test(img.id) || LOGO_WORD.test(file);
}

const CHROME_TAGS = new Set(['NAV', 'FOOTER', 'NOSCRIPT']);
const CHROME_ROLES = new Set(['navigation', 'contentinfo', 'banner', 'dialog']);
/** Class, id and test-id words of a photo viewer's copy of the page's photos (a lightbox, a modal slideshow). */
const VIEWER_WORDS = /modal|lightbox|overlay|popup|full-?screen|viewer/i;

/**
 * Whether an element is, or stands in, what holds no article photo: site chrome (nav, footer, a site header with
 * the site's menu, navigation and banner roles), a photo viewer (dialog, aria-modal, lightbox or modal names), or a
 * noscript fallback. Answered once per element and remembered in `seen`: the images of a page share most ancestors.
 */
function outOfArticle(el: Element | null, seen: Map<Element, boolean>): boolean {
  if (!el || el.tagName === 'BODY' || el.tagName === 'HTML') return false;
  let answer = seen.get(el);
  if (answer !== undefined) return answer;
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('data-testid') ?? ''}`;
  answer = CHROME_TAGS.has(el.tagName)
    || CHROME_ROLES.has(el.getAttribute('role') ?? '')
    || el.getAttribute('aria-modal') === 'true'
    || el.hasAttribute('data-lightbox')
    || VIEWER_WORDS.test(names)
    // A site header (with the site's menu); an article's own header may hold a tag list and its lead photo.
    || (el.tagName === 'HEADER' && !!el.querySelector('nav, [role="navigation"]') && !el.closest('article, main, [role="main"]'))
    || outOfArticle(el.parentElement, seen);
  seen.set(el, answer);
  return answer;
}

/** The photo's block: its figure, or the largest ancestor holding only this photo (copies aside) and a caption's worth of text. */
function blockOf(img: Element, keys: ReadonlySet<string>): Element {
  const figure = img.closest('figure');
  if (figure && figure.getElementsByTagName('img').length <= 3 && !figure.querySelector(NOT_IN_PHOTO_BLOCK)) return figure;
  let block: Element = img;
  for (let parent = img.parentElement; parent && parent.tagName !== 'BODY' && parent.tagName !== 'HTML'; parent = parent.parentElement) {
    if (holdsOtherPhoto(parent, keys) || textLongerThan(parent, MAX_BLOCK_TEXT) || holdsMoreThanAPhoto(parent)) break;
    block = parent;
  }
  return block;
}

/** True when `el` holds an image of another photo than the one with `keys`. */
function holdsOtherPhoto(el: Element, keys: ReadonlySet<string>): boolean {
  const imgs = el.getElementsByTagName('img');
  for (let i = 0; i < imgs.length; i++) if (!sameImage(imageKeys(imgs[i] as Element), keys)) return true;
  return false;
}

/** Elements no photo's own block holds: menus, lists, forms, headings, tables (a photo's block is the photo and its caption). */
const NOT_IN_PHOTO_BLOCK = 'nav, ul, ol, form, input, select, textarea, h1, h2, h3, h4, table, header, footer, article';

/** True when `el` holds more than a photo and its caption: menus, headings, lists, or mostly link text (a teaser). */
function holdsMoreThanAPhoto(el: Element): boolean {
  if (el.querySelector(NOT_IN_PHOTO_BLOCK)) return true;
  const text = squash(el.textContent).length;
  if (!text) return false;
  let linked = 0;
  const links = el.getElementsByTagName('a');
  for (let i = 0; i < links.length; i++) linked += squash(links[i]?.textContent).length;
  return linked > text / 2;
}

/**
 * The text nodes after `block` (forward) or before it, in document order, of some length: references, not texts.
 * Readability moves the nodes it keeps (even when it renames their element), so after it ran the first of them that
 * the article holds says where the photo stood. Reading only `nodeValue` keeps this cheap on every photo.
 */
function textsBeside(block: Element, forward: boolean, count: number): Text[] {
  const doc = block.ownerDocument;
  const walker = doc.createTreeWalker(block.closest('body') ?? block.getRootNode(), 4 /* NodeFilter.SHOW_TEXT */);
  let start: Node = block;
  if (forward) while (start.lastChild) start = start.lastChild;
  walker.currentNode = start;
  const found: Text[] = [];
  for (let steps = 0; steps < MAX_WALK && found.length < count; steps++) {
    const node = forward ? walker.nextNode() : walker.previousNode();
    if (!node) break;
    if ((node.nodeValue ?? '').trim().length >= MIN_ANCHOR_CHARS && !block.contains(node)) found.push(node as Text);
  }
  return found;
}

/** True when a text node in the article is another photo's caption or a promotion: no place to put a photo by. */
function isPoorAnchor(text: Node, root: Element): boolean {
  for (let el = text.parentElement; el && el !== root; el = el.parentElement) {
    if (el.tagName === 'FIGCAPTION' || el.tagName === 'FIGURE' || /^H[1-3]$/.test(el.tagName)) return true;
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (CAPTION_WORDS.test(names) || TEASER.test(names)) return true;
  }
  return false;
}

/** The block of the article a text node stands in: its nearest block-level ancestor inside `root`. */
function blockIn(text: Node, root: Element): Element | null {
  for (let el = text.parentElement; el && el !== root; el = el.parentElement) {
    if (/^(?:P|LI|H[1-6]|BLOCKQUOTE|DD|PRE|TD|DIV|SECTION|ARTICLE|TABLE|UL|OL)$/.test(el.tagName)) return el;
  }
  return text.parentElement && text.parentElement !== root ? text.parentElement : null;
}

type Places = Map<Element, { parent: Node; next: Node | null }>;

/** Where `el` and each of its ancestors below `block` stand: parent and next sibling, from `el` up. */
function placesUpTo(el: Element, block: Element): Places {
  const places: Places = new Map();
  for (let node: Element = el; node !== block && node.parentNode; node = node.parentNode as Element) {
    places.set(node, { parent: node.parentNode, next: node.nextSibling });
  }
  return places;
}

/** Put `el` and its ancestors back where `places` says they stood, up to the first one inside `root`. */
function putBack(places: Places, root: Element): void {
  for (const [el, place] of places) {
    if (el.parentNode !== place.parent) place.parent.insertBefore(el, place.next && place.next.parentNode === place.parent ? place.next : null);
    if (root.contains(el)) return;
  }
}

/**
 * The caption and credit holders in a photo's block, in document order: the blocks of text standing beside the
 * image (in its own block every text is its caption, credit or a control: a slide's `meta` title), and every
 * element named as a caption or credit (figcaption, class names), nested ones too.
 */
function captionHolders(block: Element, img: Element): Element[] {
  const holders = new Set<Element>();
  for (let el: Element = img; el !== block && el.parentElement; el = el.parentElement) {
    for (let sibling = el.parentElement.firstElementChild; sibling; sibling = sibling.nextElementSibling) {
      if (sibling !== el && !/^(?:NOSCRIPT|SCRIPT|STYLE|TEMPLATE|BUTTON)$/.test(sibling.tagName) && !sibling.getElementsByTagName('img').length && squash(sibling.textContent)) holders.add(sibling);
    }
  }
  const found = block.querySelectorAll(CAPTION_HOLDER);
  for (let i = 0; i < found.length; i++) {
    const el = found[i] as Element;
    if (!el.getElementsByTagName('img').length) holders.add(el);
  }
  return Array.from(holders);
}

/** Class and id words of promotion blocks: related stories, recommendations, trending lists. */
const TEASER = /related|teaser|promo|recommend|trending|more-stories|outbrain|taboola|sponsor|newsletter|signup|sign-up/i;
const TEASER_LEVELS = 4;

/** True when the block or one of its near ancestors is named as a promotion of other pages. */
function inTeaser(block: Element): boolean {
  for (let el: Element | null = block, n = 0; el && n <= TEASER_LEVELS; el = el.parentElement, n++) {
    if (TEASER.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)) return true;
  }
  return false;
}

/** A block that starts as a byline holds the writer's portrait, not a photo of the story. */
const BYLINE = new LazyRegExp(String.raw`^(?:(?:written|reported|reviewed|medically reviewed|photos?|text) )?(?:by|von|par|por|di|door|av) \p{Lu}`, 'iu');

/** A photo's block holds a caption, a credit and a few controls; a chart's holds its labels, axis and legend. */
const MAX_TEXT_PIECES = 8;

/** True when the block's text comes in more pieces than a caption and credit do (a chart drawn as an image plus labels). */
function isGraphic(block: Element): boolean {
  const texts = block.ownerDocument.createTreeWalker(block, 4 /* NodeFilter.SHOW_TEXT */);
  let pieces = 0;
  for (let node = texts.nextNode(); node; node = texts.nextNode()) if (squash(node.nodeValue) && ++pieces > MAX_TEXT_PIECES) return true;
  return false;
}

/** Text that may caption a photo: a few words, not an address. */
function isCaptionLike(text: string): boolean {
  return text.length >= MIN_CAPTION_CHARS && /\s/.test(text) && !/^(?:[a-z][a-z\d+.-]*:\/\/|www\.)/i.test(text);
}

/** Note the copy's content photos before Readability runs (see the file comment). */
export function notePhotos(ctx: StepContext): NotedPhoto[] {
  const body = ctx.doc.body;
  if (!body) return [];
  const noted: NotedPhoto[] = [];
  const blocks = new Set<Element>();
  const outside = new Map<Element, boolean>();
  // A static list: a live collection of a tree outside any document may be counted again at every index (jsdom).
  const imgs = body.querySelectorAll('img');
  for (let i = 0; i < imgs.length && noted.length < MAX_NOTED; i++) {
    const img = imgs[i] as Element;
    // A lightbox, modal or mobile copy is not put back: the photo it copies is, if the article lost it.
    // An image in a noscript is the fallback of one beside it (and only text where scripts run, as in the browser).
    if (isIcon(img) || outOfArticle(img.parentElement, outside)) continue;
    const keys = imageKeys(img);
    if (!keys.size) continue;
    if (noted.some((n) => sameImage(n.keys, keys))) continue;
    const block = blockOf(img, keys);
    if (blocks.has(block)) continue;
    const holders = captionHolders(block, img);
    // Captioned: a caption element, or words of a caption's length beside the image in its own block (a slide's title).
    const named = !!block.querySelector(CAPTION_HOLDER);
    const captioned = named || holders.some((h) => isCaptionLike(squash(h.textContent)));
    // Nothing says an uncaptioned image without a photo's size or sources is a photo (a print logo, a badge).
    if (!captioned && !(declaredSize(img, 'width') >= MIN_PHOTO_WIDTH || img.hasAttribute('srcset') || img.parentElement?.tagName === 'PICTURE')) continue;
    // A link to another page around the picture: with a headline in it, a teaser; without a caption, a promotion.
    const link = img.closest('a[href]');
    if (link && !/^#|\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i.test(link.getAttribute('href') ?? '') && (!named || squash(link.textContent).length >= 20)) continue;
    // A block named as a promotion, a chart with its labels, a writer's portrait by a byline.
    if (inTeaser(block) || isGraphic(block) || BYLINE.test(squash(block.textContent))) continue;
    blocks.add(block);
    const captions = holders.map((holder) => placesUpTo(holder, block));
    const captionCopies = holders.filter((h) => !holders.some((o) => o !== h && o.contains(h))).map((h) => h.cloneNode(true) as Element);
    noted.push({ keys, img, block, places: placesUpTo(img, block), captions, captionCopies, next: textsBeside(block, true, NEXT_ANCHORS), prev: named ? textsBeside(block, false, 1)[0] ?? null : null });
  }
  return noted;
}

/** Put back the noted photos the article lost, beside their anchors. Returns how many. */
export function restorePhotos(root: Element, noted: readonly NotedPhoto[]): number {
  if (!noted.length) return 0;
  const shown = imagesOf(root).map((img) => imageKeys(img));
  const missing = noted.filter((photo) => !shown.some((keys) => sameImage(keys, photo.keys)));
  let restored = 0;
  // A photo whose block the article holds lost only its image's wrapper (a `media` or `widget` class): it goes back
  // where it stood in the block.
  for (const photo of missing) {
    if (!root.contains(photo.block)) continue;
    putBack(photo.places, root);
    if (!root.contains(photo.img)) continue;
    shown.push(photo.keys);
    restored++;
  }
  for (const photo of missing) {
    if (root.contains(photo.block) || photo.block.contains(root) || shown.some((keys) => sameImage(keys, photo.keys))) continue;
    const next = photo.next.find((text) => root.contains(text) && !isPoorAnchor(text, root));
    const before = next ? blockIn(next, root) : null;
    const prev = before || !photo.prev || photo.block.closest(SIDEBAR) || !root.contains(photo.prev) || isPoorAnchor(photo.prev, root) ? null : photo.prev;
    const after = prev ? blockIn(prev, root) : null;
    const anchor = before ?? after;
    if (!anchor?.parentNode) continue;
    anchor.parentNode.insertBefore(photo.block, before ? anchor : anchor.nextSibling);
    shown.push(photo.keys);
    restored++;
  }
  // Captions and credits Readability dropped from a photo the article shows (a credit whose class it reads as
  // unlikely, a figcaption hidden from screen readers only) go back into its block.
  const notedImgs = new Set(noted.map((photo) => photo.img));
  let standIns: Element[] | undefined;
  for (const photo of noted) {
    if (!root.contains(photo.img)) {
      // Shown only through another image of the same photo (a thumbnail strip under a slideshow Readability
      // dropped): the photo itself takes that image's place, and its caption follows it.
      standIns ??= imagesOf(root).filter((img) => !notedImgs.has(img));
      const stand = standIns.find((img) => img.parentNode && sameImage(imageKeys(img), photo.keys));
      if (!stand || photo.img.contains(root)) continue;
      stand.replaceWith(photo.img);
    }
    if (root.contains(photo.block)) {
      for (const places of photo.captions) {
        const holder = places.keys().next().value;
        if (holder && !root.contains(holder)) putBack(places, root);
      }
      continue;
    }
    // Readability rebuilt the block (it merges nested wrappers into new elements): the missing holders follow the
    // image, inside its own part of the article, unless that part already says what they say.
    const missingHolders = photo.captions.map((places) => places.keys().next().value as Element).filter((h) => !root.contains(h));
    if (!missingHolders.length) continue;
    const home = homeOf(photo.img, root, photo.keys);
    for (const copy of photo.captionCopies) {
      const text = squash(copy.textContent);
      if (text && !squash(home.textContent).includes(text)) home.append(copy);
    }
  }
  return restored;
}

/** The largest part of the article around `img` that holds no other photo and no more than a caption's worth of text. */
function homeOf(img: Element, root: Element, keys: ReadonlySet<string>): Element {
  let home: Element = img.parentElement?.tagName === 'PICTURE' ? img.parentElement : img;
  for (let parent = home.parentElement; parent && parent !== root; parent = parent.parentElement) {
    if (holdsOtherPhoto(parent, keys) || textLongerThan(parent, MAX_BLOCK_TEXT)) break;
    home = parent;
  }
  if (home === img || home.tagName === 'PICTURE') {
    // No wrapper of its own: a figure is made around the image to hold its caption.
    const figure = img.ownerDocument.createElement('figure');
    home.replaceWith(figure);
    figure.append(home);
    home = figure;
  }
  return home;
}
