/**
 * Step `headerEcho`: the reader's header already shows the title and the byline, so the article's own copies of them
 * at its very top go ("By Marisol Okafor" right under the header that says "Marisol Okafor"). Only the leading blocks
 * are looked at, up to the first real paragraph; a byline sentence further down is the author's text and stays. A
 * byline block goes whole: its "By" / "Von" / "Par" / "Por", the link around the name and, when the header shows a
 * date, the date beside it, also when they sit in separate elements of one box ("By <a>Name</a> <time>...</time>");
 * a line that says more than name and date ("and Teodora Blanchard", "in Corliss", a sentence) stays. A leading h1-h3
 * named as the page's headline (`headline`, `hed`, `entry-title`) goes too, even when it is worded unlike the
 * metadata title the header shows.
 */
import { squash } from '../text';
import { hintWords } from '../block-stats';
import { LazyRegExp } from '../lazy-regexp';

const NOT_WORD_OR_SPACE = new LazyRegExp(String.raw`[^\p{L}\p{N}\s]`, 'gu');

/** How many short leading blocks (datelines, labels) may pass before the article is taken to have started. */
export const LEADING_BLOCKS = 6;
/** A block this long that is not an echo is prose: the article has started. */
export const PROSE_CHARS = 80;

const LEAF_BLOCKS = 'p, div, h1, h2, h3, h4, h5, h6, header, address, span, time';

const BY = /^(?:by|von|par|por|door|di|av)\s+/u;

/** Lower case, no punctuation, a leading "by" / "von" / "par" / "por" dropped. */
function loose(text: string): string {
  return looseWords(text).replace(BY, '');
}

/** Lower case, no punctuation, spaces folded. */
function looseWords(text: string): string {
  return squash(text.toLowerCase().replace(NOT_WORD_OR_SPACE.re, ' '));
}

/** Words of a date and time as printed beside a byline, in the languages of the "by" words above. */
const DATE_WORDS = new Set(
  [
    // months, full and short (en, de, fr, es, nl, it, pt, sv)
    'january jan januar janvier enero januari gennaio janeiro janv ene gen',
    'february feb februar février fevrier febrero februari febbraio fevereiro févr fevr fev',
    'march mar märz maerz mars marzo maart março marco mär mrz',
    'april apr avril abril aprile avr abr',
    'may mai mayo mei maggio maio maj',
    'june jun juni juin junio giugno junho',
    'july jul juli juillet julio luglio julho juil',
    'august aug août aout agosto augustus augusti ago',
    'september sep sept septembre septiembre settembre setembro set',
    'october oct oktober octobre octubre ottobre outubro okt ott out',
    'november nov novembre noviembre novembro',
    'december dec dezember décembre decembre diciembre dicembre dezembro dez dic déc',
    // weekdays
    'monday mon tuesday tue tues wednesday wed thursday thu thur thurs friday fri saturday sat sunday sun',
    'montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi dimanche',
    'lunes martes miércoles miercoles jueves viernes sábado sabado domingo',
    // times and zones
    'am pm a p m uhr h et est edt ct cst cdt mt mst mdt pt pst pdt gmt utc bst cet cest ist',
    // the words around them: "updated", "published on", "publié le", "am", "de", "à"
    'updated published posted on at last modified le à a publié publie mis jour modifié modifie',
    'aktualisiert veröffentlicht veroeffentlicht um de del publicado actualizado el op gepubliceerd bijgewerkt il pubblicato aggiornato',
  ].join(' ').split(' '),
);
/** A number, or one written with its unit: "17", "2023", "9h30", "17th". */
const DATE_NUMBER = /^\d+(?:h\d*|st|nd|rd|th|er|e)?$/u;

/** `words` (loose) is empty or a date and time: date words only, with at least one number. */
function isDate(words: string): boolean {
  if (!words) return true;
  let number = false;
  for (const word of words.split(' ')) {
    if (DATE_NUMBER.test(word)) number = true;
    else if (!DATE_WORDS.has(word)) return false;
  }
  return number;
}

/**
 * `text` is the byline as the header shows it, with what a site prints around it and the header shows as well: a
 * "By" before the name, a date before or after it ("By Marisol Okafor · February 17, 2023", "Updated 9:30 AM ET |
 * By Marisol Okafor").
 */
function isBylineWithDate(text: string, byline: string): boolean {
  const words = looseWords(text);
  const at = ` ${words} `.indexOf(` ${byline} `);
  if (at < 0) return false;
  const before = words.slice(0, at).trim().replace(/(?:^|\s)(?:by|von|par|por|door|di|av)$/u, '').trim();
  const after = words.slice(at + byline.length).trim();
  return isDate(before) && isDate(after) && (before + after).length > 0;
}

const HEADLINE_TAGS = /^H[1-3]$/;
/** A headline is one line; a longer "headline" is a caption or a summary. */
export const MAX_HEADLINE_CHARS = 150;
/** Headlines of something else: a slide, a card, a related story. */
const NOT_THE_HEADLINE = new Set(['slideshow', 'slide', 'gallery', 'caption', 'card', 'teaser', 'promo', 'related', 'sub', 'subtitle', 'dek']);
const TITLE_OWNERS = new Set(['entry', 'article', 'post', 'story', 'page', 'main', 'content', 'single']);

/**
 * The page's headline above the story, worded differently from the metadata title (the reader's header shows the
 * title): an h1-h3 named `headline` / `hed`, `entry-title` and the like, or plainly `title` when nothing came before it.
 */
function isHeadline(el: Element, seen: number, text: string): boolean {
  if (!HEADLINE_TAGS.test(el.tagName.toUpperCase()) || text.length > MAX_HEADLINE_CHARS) return false;
  const words = hintWords(el);
  if (words.some((w) => NOT_THE_HEADLINE.has(w))) return false;
  if (words.includes('headline') || words.includes('hed')) return true;
  if (!words.includes('title')) return false;
  return seen === 0 || words.some((w) => TITLE_OWNERS.has(w));
}

export interface HeaderFacts {
  title: string | null;
  byline: string | null;
  /** The published date the header shows: only then does a date printed beside the byline go with it. */
  published?: string | null;
}

const MEDIA = 'img, picture, figure, table, video, iframe, svg';
/** Room for a date and its words beside the byline in one block ("Updated February 17, 2023, 9:30 AM ET |"). */
const DATE_ROOM = 80;

export function removeHeaderEcho(root: Element, facts: HeaderFacts): number {
  const byline = loose(facts.byline ?? '');
  const echoes = [facts.title, facts.byline].map((t) => loose(t ?? '')).filter((t) => t.length > 0);
  if (echoes.length === 0) return 0;
  const withDate = byline.length > 0 && squash(facts.published).length > 0;
  const isEcho = (text: string): boolean => echoes.includes(loose(text)) || (withDate && isBylineWithDate(text, byline));
  // Boxes longer than this are not looked at: generous (punctuation, "By", a date), it only spares the work.
  const maxBox = 2 * Math.max(...echoes.map((e) => e.length)) + DATE_ROOM;
  let removed = 0;
  let seen = 0;
  for (let el = nextElement(root, root, true); el; ) {
    if (!LEAF_TAGS.has(el.tagName.toUpperCase()) || el.querySelector(LEAF_BLOCKS) || el.querySelector(MEDIA)) {
      el = nextElement(el, root, true);
      continue;
    }
    const text = squash(el.textContent);
    if (!text) {
      el = nextElement(el, root, true);
      continue;
    }
    const echo = echoBox(root, el, isEcho(text), isEcho, maxBox);
    const gone = echo ?? (isHeadline(el, seen, text) ? el : null);
    if (gone) {
      el = nextElement(gone, root, false);
      gone.remove();
      removed++;
    } else if (text.length >= PROSE_CHARS || ++seen > LEADING_BLOCKS) break;
    else el = nextElement(el, root, true);
  }
  return removed;
}

const LEAF_TAGS = new Set(LEAF_BLOCKS.split(', ').map((tag) => tag.toUpperCase()));

/**
 * The element after `el` in document order below `root`: its first child when `into`, else the next one past its
 * subtree. The leaves are walked so, not by `querySelectorAll(LEAF_BLOCKS)`: the walk stops at the first prose, and a
 * selector list's results are not in document order under every DOM (jsdom 29's selector engine may list them
 * selector by selector, every <p> first: on the pipeline's copy of aeb 5caf91b8a442 the walk met the body before the
 * headline and stopped).
 */
function nextElement(el: Element, root: Element, into: boolean): Element | null {
  if (into && el.firstElementChild) return el.firstElementChild;
  for (let at: Element | null = el; at && at !== root; at = at.parentElement) {
    if (at.nextElementSibling) return at.nextElementSibling;
  }
  return null;
}

/**
 * The largest box from `leaf` up (below `root`, no media) whose whole text is an echo: the byline's paragraph and the
 * <time> beside it, or "By" and the linked name in elements of their own. Null when there is none.
 */
function echoBox(root: Element, leaf: Element, leafIsEcho: boolean, isEcho: (text: string) => boolean, maxChars: number): Element | null {
  let box: Element | null = leafIsEcho ? leaf : null;
  for (let up = leaf.parentElement; up && up !== root && root.contains(up); up = up.parentElement) {
    if ((up.textContent ?? '').length > maxChars * 2 || up.querySelector(MEDIA)) break;
    const text = squash(spacedText(up, []).join(' '));
    if (text.length > maxChars) break;
    if (isEcho(text)) box = up;
  }
  return box;
}

/** The text nodes under `el`, each its own word run: `<p>By Name</p><time>...` reads "By Name ...", not "Name...". */
function spacedText(el: Node, out: string[]): string[] {
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) out.push(child.nodeValue ?? '');
    else if (child.nodeType === 1) spacedText(child, out);
  }
  return out;
}
