/**
 * What ends an article without being part of it, found from the end (the endMatter step, end-matter.ts): a list of
 * links to the site's own stories, the writer's bio, a sign-in or subscription wall, another story's teaser with its
 * "read more" link, a press contact block, and labels with nothing after them. Each finder returns what should go;
 * the step removes it with the rest, within its share of the text.
 */
import { squash } from '../text';
import { CONTENT_SELECTOR, HEADING_TAG, linkDensity, MAX_LABEL_CHARS, textAfter, textOf, type TextStats } from '../block-stats';
import { LazyRegExp } from '../lazy-regexp';

const NAME_START = new LazyRegExp(String.raw`^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)?`, 'u');
const STARTS_UPPER = new LazyRegExp(String.raw`^\p{Lu}`, 'u');
const TWO_UPPER = new LazyRegExp(String.raw`\p{Lu}{2}`, 'u');

export const MIN_HEADLINE_WORDS = 3;
/** At most this much text after such a list (a note, a credit): more, and the list is inside the story. */
export const MAX_AFTER_RELATED_CHARS = 300;
/** A related-stories list (see `trailingRelated`) needs this many items, each a headline of this many words at least. */
export const MIN_RELATED_ITEMS = 2;
/** The share of the rest of the article's text that may be links for it to be a story the list follows. */
export const MAX_STORY_LINK_SHARE = 0.3;
/** A box named author / bio with more text than this is not an author box. */
export const MAX_AUTHOR_BOX_CHARS = 700;
/** Text rules only read blocks up to this many characters (whitespace not counted). */
export const MAX_LINE_CHARS = 320;
export const EMAIL_OR_HANDLE = /[\w.+-]+@[\w-]+\.[\w.]+|(?:^|\s)@\w{2,}|\btwitter\.com\/\w+|\bon (?:twitter|x|facebook|instagram|threads|bluesky)\b/i;

function siteOf(host: string): string {
  return host.toLowerCase().replace(/^www\d*\./, '');
}

/** The link a list item is, when the item is nothing but one link to another page of the same site. */
function isSiteLinkItem(li: Element, stats: TextStats, page: URL): boolean {
  const links = li.querySelectorAll('a[href]');
  if (links.length !== 1 || linkDensity(stats, li) < 0.95) return false;
  const a = links[0] as Element;
  if (squash(a.textContent).split(' ').length < MIN_HEADLINE_WORDS) return false;
  let target: URL;
  try {
    target = new URL(a.getAttribute('href') ?? '', page);
  } catch {
    return false;
  }
  if (!/^https?:$/.test(target.protocol) || siteOf(target.hostname) !== siteOf(page.hostname)) return false;
  return target.pathname !== page.pathname && !/\.(?:pdf|jpe?g|png|gif|webp|avif|zip|docx?|xlsx?)$/i.test(target.pathname);
}

/**
 * Lists of the site's own stories that end the article ("related" links printed with no heading or a short one): a
 * list of two or more items, each one link, a headline's length, to another page of the page's own site, with at
 * most a short note after it (an editor's note, "Originally published on …"). Sources on other sites, a table of
 * contents and lists followed by more of the story stay. Returns each list (or the box it shares with only its
 * heading) and a heading just before it.
 */
export function trailingRelated(root: Element, stats: TextStats, baseUrl: string, lists: readonly Element[], gone: ReadonlySet<Element>): Element[] {
  let page: URL;
  try {
    page = new URL(baseUrl);
  } catch {
    return [];
  }
  const found: Element[] = [];
  // From the last list back: an earlier list has at least as much text after it.
  for (let i = lists.length - 1; i >= 0; i--) {
    const list = lists[i] as Element;
    if (list.parentElement?.closest('li')) continue;
    if (textAfter(list, root, stats, gone) > MAX_AFTER_RELATED_CHARS) break;
    const items: Element[] = [];
    for (let c = list.firstElementChild; c; c = c.nextElementSibling) if ((stats.chars.get(c) ?? 0) > 0) items.push(c);
    if (items.length < MIN_RELATED_ITEMS || !items.every((li) => li.tagName.toUpperCase() === 'LI' && isSiteLinkItem(li, stats, page))) continue;
    const listChars = stats.chars.get(list) ?? 0;
    // The rest must read as a story, not more links (a home page shown anyway keeps its lists).
    const restChars = (stats.chars.get(root) ?? 0) - listChars;
    const restLinks = (stats.linkChars.get(root) ?? 0) - (stats.linkChars.get(list) ?? 0);
    if (restChars <= 0 || restLinks > restChars * MAX_STORY_LINK_SHARE) continue;
    // Its box holds only a short heading besides: the box goes.
    const parent = list.parentElement;
    if (parent && parent !== root && (stats.chars.get(parent) ?? 0) - listChars <= MAX_LABEL_CHARS) {
      let onlyHeadings = true;
      for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
        if (c !== list && (stats.chars.get(c) ?? 0) > 0 && !HEADING_TAG.test(c.tagName.toUpperCase())) onlyHeadings = false;
      }
      if (onlyHeadings) {
        found.push(parent);
        continue;
      }
    }
    const before = list.previousElementSibling;
    if (before && HEADING_TAG.test(before.tagName.toUpperCase()) && (stats.chars.get(before) ?? 0) <= MAX_LABEL_CHARS) found.push(before);
    found.push(list);
  }
  return found;
}

/** The writer's name as the byline gives it: its first one or two capitalised words, after a "By". */
function bylineName(byline: string | null): string[] {
  const text = squash(byline).replace(/^(?:by|von|par|por|door|di|av)\s+/iu, '');
  const m = NAME_START.exec(text);
  return m ? m[0].split(/\s+/) : [];
}

/**
 * `text` starts with the writer's name and says more: "Ruth Alder is …", "Mike Wall's book …", "Jeff Foust (jeff@…)".
 * A byline word may have a date glued to it ("FoustMonday"): the block's word is then its start, up to a capital.
 */
function startsWithName(text: string, name: readonly string[]): boolean {
  const words = text.split(' ');
  if (words.length <= name.length) return false;
  return name.every((n, i) => {
    const w = (words[i] ?? '').replace(/(?:['’]s|[,:;])$/u, '');
    return w === n || (w.length >= 2 && n.startsWith(w) && STARTS_UPPER.test(n.slice(w.length)));
  });
}

const TEXT_LEAVES = 'p, div, section, aside, footer, li, h2, h3, h4, h5, h6, address';

/**
 * The writer's bio printed as the article's last block ("Regan is a Southeastern Connecticut native …"), and the
 * line with their name alone just before it: the last block with text (blocks already going aside) starts with the
 * byline's name and is no longer than an author box. A paragraph naming the writer anywhere else stays.
 */
export function trailingBio(root: Element, stats: TextStats, byline: string | null, gone: ReadonlySet<Element>): Element[] {
  const name = bylineName(byline);
  if (name.length === 0) return [];
  const leaves = lastTextLeaves(root, stats, 2 + gone.size);
  // The bio may already be going (an author box), and its name line above it goes with it; the blocks already going
  // after it (a comment notice, a credit line) do not count: the bio still ends the article.
  const bio = bioAt(root, stats, name, leaves[0], leaves[1], new Set());
  if (bio.length > 0) return bio;
  const [last, before] = leaves.filter((leaf) => !inAny(leaf, gone));
  return bioAt(root, stats, name, last, before, gone);
}

/** `last` (and the name line `before` it) when `last` is the writer's bio and nothing but `gone` follows it. */
function bioAt(root: Element, stats: TextStats, name: readonly string[], last: Element | undefined, before: Element | undefined, gone: ReadonlySet<Element>): Element[] {
  if (!last || textAfter(last, root, stats, gone) > 0) return [];
  if ((stats.chars.get(last) ?? 0) > MAX_AUTHOR_BOX_CHARS || last.querySelector(CONTENT_SELECTOR)) return [];
  if (!startsWithName(textOf(last, stats), name)) return [];
  const doomed = [last];
  if (before && textOf(before, stats).replace(/^(?:by|von|par|por)\s+/iu, '') === name.join(' ')) doomed.push(before);
  return doomed;
}

/**
 * The last `n` blocks with text (TEXT_LEAVES holding no other such block with text), last first: a walk back from
 * the end that enters only the boxes at the article's tail.
 */
function lastTextLeaves(el: Element, stats: TextStats, n: number, out: Element[] = []): Element[] {
  for (let c = el.lastElementChild; c && out.length < n; c = c.previousElementSibling) {
    if ((stats.chars.get(c) ?? 0) === 0) continue;
    const found = out.length;
    lastTextLeaves(c, stats, n, out);
    if (out.length === found && c.matches(TEXT_LEAVES)) out.push(c);
  }
  return out;
}

/** Whether `el` is, or is inside, one of the blocks already going. */
function inAny(el: Element, gone: ReadonlySet<Element>): boolean {
  for (const g of gone) if (g.contains(el)) return true;
  return false;
}

/**
 * Headings and label lines left at the very end with nothing after them: "Weitere Informationen zum Coronavirus:",
 * "AUCH INTERESSANT", "Audios et vidéos sur le sujet" name a box that was not read or was removed, and label nothing.
 * A label line is a heading, or a short line in capitals with no sentence end.
 * Walks back from the end while the last block is such a label (skipping what is already going).
 */
export function trailingLabels(root: Element, stats: TextStats, gone: ReadonlySet<Element>): Element[] {
  const found: Element[] = [];
  const leaves = lastTextLeaves(root, stats, MAX_TRAILING_LABELS + gone.size);
  let foundChars = 0;
  for (const leaf of leaves) {
    if (inAny(leaf, gone)) continue;
    if (textAfter(leaf, root, stats, gone) - foundChars > 0 || !isLabelLine(leaf, stats) || contentAfter(leaf, root)) break;
    found.push(leaf);
    foundChars += stats.chars.get(leaf) ?? 0;
    if (found.length === MAX_TRAILING_LABELS) break;
  }
  return found;
}

/** A picture, table, quote or other content (CONTENT_SELECTOR) after `el` up to the end of `root`. */
function contentAfter(el: Element, root: Element): boolean {
  for (let at: Element | null = el; at && at !== root; at = at.parentElement) {
    for (let n = at.nextElementSibling; n; n = n.nextElementSibling) {
      if (n.matches(CONTENT_SELECTOR) || n.querySelector(CONTENT_SELECTOR)) return true;
    }
  }
  return false;
}

/** At most this many labels in a row are taken off the end. */
const MAX_TRAILING_LABELS = 3;

function isLabelLine(el: Element, stats: TextStats): boolean {
  const chars = stats.chars.get(el) ?? 0;
  if (chars === 0 || chars > MAX_LABEL_CHARS || el.querySelector(CONTENT_SELECTOR)) return false;
  if (HEADING_TAG.test(el.tagName.toUpperCase())) return true;
  // A line in capitals is a label too; a line ending in a colon or set in bold may be the story's own lead-in to a
  // picture or quote Readability dropped ("Twitter seemed a bit confused by the campaign:"), and stays.
  const text = textOf(el, stats);
  return !/[.!?…:]["'”’»)]*$/u.test(text) && TWO_UPPER.test(text) && text === text.toUpperCase();
}

/** The lines of a sign-in or subscription wall, in the corpora's languages: each starts the line it is in (lower case). */
const WALL_LINE = new LazyRegExp(
  '^(?:' + [
    String.raw`(?:subscribe|sign up|register|log in|sign in)\b.{0,40}\bto (?:continue|keep) reading|(?:to )?continue reading\b.{0,40}\b(?:subscri|account|log in|sign in)|already (?:a subscriber|a member|have an account|registered)\b|create (?:a|an|your) (?:free )?account\b`,
    String.raw`pour lire la suite\b|(?:ou )?si vous avez déjà un compte|(?:vous avez )?déjà (?:un compte|abonnée?)|créez? (?:votre|un) compte|connectez-vous\b`,
    String.raw`weiterlesen mit\b|(?:sie (?:haben|sind) )?bereits (?:ein )?(?:abo|abonnent|registriert)|(?:jetzt |hier )?(?:anmelden|registrieren|einloggen)\b|konto erstellen|um (?:den|diesen) (?:artikel|beitrag) (?:weiter|vollständig) zu lesen`,
    String.raw`para (?:seguir|continuar) (?:leyendo|lendo)\b|¿?ya (?:tienes|eres) (?:una cuenta|suscriptor)|crea (?:tu|una) cuenta|inicia sesión|já (?:é assinante|tem (?:uma )?conta)|crie (?:sua|uma) conta|faça login`,
  ].join('|') + ')',
);
/** A wall is a box of at most this much text, that ends the article. */
const MAX_WALL_CHARS = 400;
/** Its first line is among the article's last this many blocks. */
const MAX_WALL_LINES = 6;

/**
 * A sign-in or subscription wall that ends the article ("Pour lire la suite … créez votre compte", "Already a
 * subscriber? Log in"): from a wall line among the last blocks, the largest box around it that ends the article,
 * holds no picture or table and is short. The same words inside the story are followed by more of it, and stay.
 */
export function trailingWall(root: Element, stats: TextStats, gone: ReadonlySet<Element>): Element | null {
  const leaves = lastTextLeaves(root, stats, MAX_WALL_LINES);
  for (let i = leaves.length - 1; i >= 0; i--) {
    const leaf = leaves[i] as Element;
    const chars = stats.chars.get(leaf) ?? 0;
    if (chars > MAX_LINE_CHARS || inAny(leaf, gone) || !WALL_LINE.test(textOf(leaf, stats).toLowerCase())) continue;
    let box: Element | null = null;
    for (let at: Element | null = leaf; at && at !== root; at = at.parentElement) {
      if ((stats.chars.get(at) ?? 0) > MAX_WALL_CHARS || at.querySelector(CONTENT_SELECTOR)) break;
      if (textAfter(at, root, stats, gone) === 0 && !contentAfter(at, root)) box = at;
    }
    if (box) return box;
  }
  return null;
}

/** A "read more" link's whole text, in the corpora's languages. */
const READ_MORE = /^(?:read (?:more|on|the rest)|continue reading|more|(?:zum )?weiterlesen|mehr(?: lesen| erfahren)?|lire la suite|en savoir plus|lire plus|leer más|seguir leyendo|leia mais|continuar lendo|leggi (?:tutto|di più)|lees (?:meer|verder)|czytaj (?:dalej|więcej)|читать (?:далее|дальше))\s*[.…»›>]*$/;

/**
 * A teaser of another story that ends the article: its last block is short, not body prose, and ends with a "read
 * more" link of its own to another page ("Sommerzeit ist Urlaubszeit … Seht selbst! Weiterlesen").
 */
export function trailingTeaser(root: Element, stats: TextStats, baseUrl: string, gone: ReadonlySet<Element>): Element | null {
  const [last] = lastTextLeaves(root, stats, 1);
  if (!last || inAny(last, gone) || (stats.chars.get(last) ?? 0) > MAX_LINE_CHARS) return null;
  if (last.querySelector(CONTENT_SELECTOR) || contentAfter(last, root)) return null;
  const links = last.querySelectorAll('a[href]');
  const a = links[links.length - 1];
  if (!a || !READ_MORE.test(squash(a.textContent).toLowerCase()) || !textOf(last, stats).endsWith(squash(a.textContent))) return null;
  try {
    const page = new URL(baseUrl);
    const target = new URL(a.getAttribute('href') ?? '', page);
    if (target.pathname === page.pathname && target.host === page.host) return null;
  } catch {
    return null;
  }
  return last;
}

/** A contact block's label, in the corpora's languages ("Kontakt", "Media contact:", "Contact presse"). */
const CONTACT_LABEL = /^(?:(?:media|press|presse|pressestelle|medien)[ -]?)?(?:contacts?|kontakt|contacto|contato|contatti|ansprechpartner(?:in)?)(?: (?:presse|prensa|imprensa|us|person))?\s*:?$/;
const PHONE = /(?:^|\s)(?:tel\.?|phone|fon|t\.?)?:?\s*\+?\d[\d\s/().-]{6,}\d/i;
/** A contact block is its label and at most this many short lines after it. */
const MAX_CONTACT_LINES = 4;

/**
 * A press contact that ends the article: a label ("Kontakt", "Media contact:") followed only by a few short lines, one
 * of them a phone number or an address. A contact label followed by more of the story, or by lines with neither, stays.
 */
export function trailingContact(root: Element, stats: TextStats, gone: ReadonlySet<Element>): Element[] {
  const leaves = lastTextLeaves(root, stats, MAX_CONTACT_LINES + 1);
  let lineChars = 0;
  let reachable = false;
  for (let k = 0; k < leaves.length; k++) {
    const leaf = leaves[k] as Element;
    if (inAny(leaf, gone)) return [];
    const text = textOf(leaf, stats);
    if (k > 0 && reachable && CONTACT_LABEL.test(text.toLowerCase()) && textAfter(leaf, root, stats, gone) <= lineChars && !contentAfter(leaf, root)) {
      return leaves.slice(0, k + 1);
    }
    const chars = stats.chars.get(leaf) ?? 0;
    if (chars > MAX_LINE_CHARS || leaf.querySelector(CONTENT_SELECTOR)) return [];
    lineChars += chars;
    if (EMAIL_OR_HANDLE.test(text) || PHONE.test(text)) reachable = true;
  }
  return [];
}
