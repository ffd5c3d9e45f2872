/**
 * Captions: what each engine's output does with photos, their captions and credits, measured on the same outputs the
 * quality bench scores (the HTML sanitized as the view does, and its block text).
 *
 * - repeated blocks: blocks (lines of the block text) of MIN_REPEAT_CHARS+ characters, normalised (`normalise`), whose
 *   normalised text appears more than once in that output; every copy counts (a caption printed twice is 2).
 * - widget words left: blocks whose whole normalised text is a caption-widget label (WIDGET_LABELS: "hide caption",
 *   "Enlarge this image", "1 of 5", "Schließen", ...) or only an image file name (`isFileNameText`).
 * - captions lost (Lectern): caption and credit texts raw Readability shows that Lectern does not. They are harvested
 *   from Readability's output with its classes kept (`keepClasses`: the sanitizer drops classes anyway, so the view's
 *   HTML and text are the same as without it): the text of each `figcaption` and of each element whose class contains
 *   caption, credit or cutline (not a modifier such as "no_caption", not an element holding an image: a figure, whose
 *   own caption elements are harvested; not over MAX_CAPTION_CHARS), split where a nested caption element or a
 *   widget-label or file-name element stands (those are harvested or dropped on their own), widget phrases at its
 *   ends removed, at least two letters or digits. A text counts only when
 *   Readability's own text shows it. It is lost when its `letterKey` is not a substring of the `letterKey` of Lectern's
 *   whole text (so spacing, quotes, punctuation and case never count, nor a caption and its credit on separate lines).
 * - pictures: distinct photos among the `<img>` of the sanitized HTML that have a real URL (src or srcset, not data:):
 *   images sharing an identity key (`imageKeys`: the same photo at another size) count once.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { isFileNameText } from '../../src/extract/steps/captions/filename-alt';
import { imageKeys } from '../../src/extract/steps/captions/image-identity';
import { splitTrailingCredit } from '../../src/extract/steps/captions/roles';
import { foldsLongerThan, isBlock, squash, UNSEEN_TAGS } from '../../src/extract/text';
import type { EngineName, EngineOutput } from './engines';

/** Shorter blocks ("Photo", "Reuters", a date) may repeat for good reasons: only longer ones count as repeats. */
export const MIN_REPEAT_CHARS = 20;
/** Longer elements are not captions, whatever their class ("has-captions" on an article body): not harvested. */
export const MAX_CAPTION_CHARS = 1000;
/** Lost texts and samples are cut to this many characters in the per-page results and the lists. */
export const SAMPLE_CHARS = 80;
/** Samples kept per page for repeated blocks and widget words. */
const SAMPLES = 3;

/** The first SAMPLE_CHARS characters of `text`, with '…' when it was longer. */
export function sample(text: string): string {
  return text.length > SAMPLE_CHARS ? `${text.slice(0, SAMPLE_CHARS)}…` : text;
}

/**
 * The normal form blocks and captions are compared in: Unicode NFKC, curly quotes, primes and backticks folded to
 * straight quotes, dashes to '-', whitespace collapsed, lower case, trailing punctuation trimmed.
 */
export function normalise(text: string): string {
  return foldMarks(foldMarks(text).normalize('NFKC'))
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/[\s\p{P}]+$/u, '');
}

function foldMarks(text: string): string {
  return text.replace(/[‘’′`]/g, "'").replace(/[“”″]/g, '"').replace(/[‐‑‒–—―−]/g, '-');
}

/** The normalised text with everything but letters and digits removed: what "shows the same text" compares. */
export function letterKey(text: string): string {
  return normalise(text).replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Caption-widget labels, matched against a whole normalised block (lower case, quotes folded, no trailing
 * punctuation). Kept here, apart from Lectern's own list (src/extract/steps/captions/widget-words.ts), so the bench
 * does not grade Lectern by its own rules.
 */
export const WIDGET_LABELS: readonly RegExp[] = [
  /^(?:hide|show|toggle|close|open|collapse|expand) (?:the )?captions?$/,
  /^(?:enlarge|expand|zoom|zoom in on|view|open|see) (?:this |the )?(?:image|photo|picture|photograph)$/,
  /^(?:view|open|see|show) (?:this |the )?(?:image|photo|picture)s? (?:in )?full ?screen$/,
  /^(?:view|open|see) (?:larger|full[- ]?size|full ?screen) (?:image|photo|picture|version)$/,
  /^(?:image|photo|picture|media) (?:source|caption|credit|copyright)s?$/,
  /^(?:image|photo|picture|caption|credit|credits|source|photo credit|image credit)$/,
  /^(?:buy|purchase|order) (?:this |a )?(?:photo|image|picture|print|reprint)s?$/,
  /^buy now$/,
  /^purchase licensing rights(?:, opens new tab)?$/,
  /^opens new tab$/,
  /^(?:expand|enlarge|zoom|zoom in|zoom out|full ?screen|close|prev|previous|next)$/,
  /^(?:previous|prev|next) (?:image|photo|picture|slide)$/,
  /^(?:view|open|launch|see|show|browse) (?:the |all )?(?:photo |image |picture )?(?:gallery|slideshow|photos|images)$/,
  // German
  /^(?:bild|foto) (?:vergrößern|vergroessern)$/,
  /^(?:vergrößern|vergroessern|schließen|schliessen|vollbild|bildunterschrift|bildquelle|fotoquelle)$/,
  /^(?:vorheriges|nächstes) (?:bild|foto)$/,
  // French
  /^agrandir(?: l'image| la photo| l'illustration)?$/,
  /^(?:fermer|plein écran|légende|crédit photo)$/,
  /^(?:image|photo) (?:précédente|suivante)$/,
];

/** Widget phrases at the start or end of a harvested caption ("Image caption, ...", "... hide caption", "... 3 of 10"). */
const LEADING_LABEL = /^(?:(?:image|photo|picture|media) (?:source|caption|credit|copyright)|caption|credit|credits|source|photo|image)\s*[,:]\s*/i;
const TRAILING_LABEL = /\s*(?:(?:hide|show|toggle) (?:the )?captions?|enlarge (?:this )?(?:image|photo|picture)|(?:(?:image|photo|picture|slide)s? )?\d+ ?(?:of|\/) ?\d+)$/i;

/**
 * A gallery counter: "3 of 10", "3 / 10", "Image 3 of 10", "Bild 3 von 10", "3 sur 10", with 1 <= N <= M ("23/16" in a
 * table of temperatures is not one).
 */
const COUNTER = /^(?:(?:image|photo|picture|slide|bild|foto)s? )?(\d+) ?(?:of|\/|von|sur) ?(\d+)$/;

function isCounter(t: string): boolean {
  const m = COUNTER.exec(t);
  return m !== null && Number(m[1]) >= 1 && Number(m[1]) <= Number(m[2]);
}

/** True when `text`, as a whole, is a caption-widget label. */
export function isWidgetLabel(text: string): boolean {
  if (foldsLongerThan(text, 80)) return false;
  const t = normalise(text);
  return t !== '' && (isCounter(t) || WIDGET_LABELS.some((re) => re.test(t)));
}

/** True when a block says nothing to a reader about a photo: a widget label or only an image file name. */
export function isWidgetBlock(text: string): boolean {
  return isWidgetLabel(text) || isFileNameText(text);
}

/** The blocks of a `blockText` text. */
export function blocks(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

/** Blocks of MIN_REPEAT_CHARS+ normalised characters whose normalised text appears more than once: every copy counts. */
export function repeatedBlocks(text: string): { count: number; texts: string[] } {
  const groups = new Map<string, number>();
  for (const line of blocks(text)) {
    const n = normalise(line);
    if (n.length >= MIN_REPEAT_CHARS) groups.set(n, (groups.get(n) ?? 0) + 1);
  }
  let count = 0;
  const texts: string[] = [];
  for (const [n, k] of groups) {
    if (k < 2) continue;
    count += k;
    texts.push(sample(n));
  }
  return { count, texts };
}

/** Blocks that are only a widget label or a file name. */
export function widgetBlocks(text: string): { count: number; texts: string[] } {
  const found = blocks(text).filter(isWidgetBlock);
  return { count: found.length, texts: [...new Set(found.map(sample))] };
}

/**
 * Distinct photos among the `<img>` under `root` with a real URL (src, srcset or its `<picture>`'s sources; not
 * data:): images that share an identity key are one photo.
 */
export function pictureCount(root: ParentNode): number {
  const parent: number[] = [];
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const owner = new Map<string, number>();
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const keys = imageKeys(img);
    if (keys.size === 0) continue;
    const me = parent.length;
    parent.push(me);
    for (const key of keys) {
      const other = owner.get(key);
      if (other === undefined) owner.set(key, me);
      else parent[find(other)] = find(me);
    }
  }
  let photos = 0;
  parent.forEach((p, i) => {
    if (find(i) === i) photos++;
  });
  return photos;
}

/**
 * The `<picture>` elements and `<img>` tags of serialized HTML. The sanitized HTML is a serialization (attributes in
 * double quotes, no comments, text escaped), so these are its images; parsing only them is several times quicker than
 * parsing the article.
 */
const IMAGE_MARKUP = /<picture\b[\s\S]*?<\/picture\s*>|<img\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;

/** `pictureCount` of sanitized HTML, parsing only its images. */
export function picturesInHtml(html: string): number {
  const images = html.match(IMAGE_MARKUP);
  return images ? pictureCount(fragment(images.join(''))) : 0;
}

const CAPTION_CLASS = /caption|credit|cutline|attribution|copyright|courtesy|photographer/i;
/** Credit words that also name an article's own credits ("Reporting by …"): a photo's only in a figure or beside an image. */
const PHOTO_ONLY_CLASS = /attribution|copyright|courtesy|photographer/i;
/** Class names that say an element has, or has no, caption: a modifier of a figure, not a caption ("no_caption"). */
const CAPTION_MODIFIER = /(?:^|[-_])(?:no|has|with|without|narrow|wide)[-_]?(?:captions?|credits?)$/i;

/** A figcaption, or an element with a class naming a caption, credit or cutline (not a figure that holds an image). */
function isCaptionElement(el: Element): boolean {
  if (el.tagName === 'FIGCAPTION') return true;
  const cls = el.getAttribute('class');
  if (!cls || !CAPTION_CLASS.test(cls)) return false;
  const tokens = cls.split(/\s+/).filter((c) => CAPTION_CLASS.test(c) && !CAPTION_MODIFIER.test(c));
  if (!tokens.length || el.querySelector('img, picture')) return false;
  if (tokens.every((c) => PHOTO_ONLY_CLASS.test(c) && !/caption|credit|cutline/i.test(c))) {
    const holdsImage = (sibling: Element | null): boolean => !!sibling && (sibling.matches('img, picture') || !!sibling.querySelector('img, picture'));
    return !!el.parentElement?.closest('figure, figcaption, [class*="caption" i]') || holdsImage(el.previousElementSibling) || holdsImage(el.nextElementSibling);
  }
  return true;
}

/** A harvested caption piece with widget phrases at its ends removed, or '' when nothing of it is caption text. */
export function captionPiece(text: string): string {
  const t = squash(text);
  if (!t || isWidgetBlock(t)) return '';
  let n = t;
  for (let changed = true; changed; ) {
    const next = n.replace(LEADING_LABEL, '').replace(TRAILING_LABEL, '').trim();
    changed = next !== n && next !== '';
    if (changed) n = next;
  }
  const key = letterKey(n);
  // At least two letters or digits, one a letter: a lone counter digit or initial says nothing.
  return isWidgetBlock(n) || key.length < 2 || !/\p{L}/u.test(key) ? '' : n;
}

/**
 * Caption and credit texts in an article's HTML with its classes (see the header): the text of each figcaption and of
 * each element whose class contains caption, credit or cutline, as pieces split at nested caption elements and at
 * elements that are only a widget label or a file name. Deduplicated by `letterKey`.
 */
export function harvestCaptions(root: ParentNode): string[] {
  const out = new Map<string, string>();
  for (const el of Array.from(root.querySelectorAll('figcaption, [class]'))) {
    if (!isCaptionElement(el) || foldsLongerThan(el.textContent ?? '', MAX_CAPTION_CHARS)) continue;
    const runs: string[] = [];
    let current = '';
    const walk = (node: Node): void => {
      for (let child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === 3) current += (child as Text).data;
        if (child.nodeType !== 1) continue;
        const e = child as Element;
        if (UNSEEN_TAGS.has(e.tagName.toUpperCase())) continue;
        if (isCaptionElement(e) || isWidgetBlock(squash(e.textContent))) {
          runs.push(current);
          current = '';
          continue;
        }
        const block = isBlock(e);
        if (block) current += ' ';
        walk(e);
        if (block) current += ' ';
      }
    };
    walk(el);
    runs.push(current);
    for (const run of runs) {
      // A credit printed at the caption's end ("… instead. (Photo: Getty Images)") is a credit of its own: a reader
      // sees both, in whichever order an engine prints them.
      const split = splitTrailingCredit(squash(run));
      for (const part of split ? [split.caption, split.credit] : [run]) {
        const piece = captionPiece(part);
        const key = piece && letterKey(piece);
        if (key && !out.has(key)) out.set(key, piece);
      }
    }
  }
  return [...out.values()];
}

/** The caption texts Readability's text shows (`captions` harvested from its HTML) that Lectern's text does not. */
export function lostCaptions(captions: readonly string[], readabilityText: string, lecternText: string): { shown: number; lost: string[] } {
  const shownIn = letterKey(readabilityText);
  const kept = letterKey(lecternText);
  let shown = 0;
  const lost: string[] = [];
  for (const caption of captions) {
    const key = letterKey(caption);
    if (!key || !shownIn.includes(key)) continue;
    shown++;
    if (!kept.includes(key)) lost.push(sample(caption));
  }
  return { shown, lost };
}

/** One engine's caption figures on one page. */
export interface PageCaptions {
  /** Blocks in groups of repeated normalised text (every copy). */
  repeated: number;
  repeatedTexts?: string[];
  /** Blocks that are only a widget label or a file name. */
  widgets: number;
  widgetTexts?: string[];
  /** Distinct photos in the sanitized HTML. */
  pictures: number;
  /** Readability only: caption texts harvested from its output that its text shows. */
  captions?: number;
  /** Lectern only, when Readability ran: those caption texts Lectern's text does not show (`sample`: first SAMPLE_CHARS). */
  lost?: string[];
}

let parser: { dom: JSDOM; template: HTMLTemplateElement } | undefined;

/** `html` parsed into an inert fragment of one document kept for the process (no scripts, no loads). */
function fragment(html: string): DocumentFragment {
  if (!parser) {
    const dom = new JSDOM('<!doctype html><body></body>', { virtualConsole: new VirtualConsole() });
    parser = { dom, template: dom.window.document.createElement('template') };
  }
  parser.template.innerHTML = html;
  return parser.template.content;
}

/** Every engine's caption figures on one page, from its outputs (text, sanitized HTML, Readability's classed HTML). */
export function pageCaptions(outputs: Partial<Record<EngineName, EngineOutput>>): Partial<Record<EngineName, PageCaptions>> {
  const out: Partial<Record<EngineName, PageCaptions>> = {};
  for (const [engine, o] of Object.entries(outputs) as [EngineName, EngineOutput][]) {
    const repeated = repeatedBlocks(o.text);
    const widgets = widgetBlocks(o.text);
    const page: PageCaptions = {
      repeated: repeated.count,
      ...(repeated.texts.length ? { repeatedTexts: repeated.texts.slice(0, SAMPLES) } : {}),
      widgets: widgets.count,
      ...(widgets.texts.length ? { widgetTexts: widgets.texts.slice(0, SAMPLES) } : {}),
      pictures: o.html ? picturesInHtml(o.html) : 0,
    };
    out[engine] = page;
  }
  const readability = outputs.readability;
  if (readability) {
    const captions = readability.classHtml ? harvestCaptions(fragment(readability.classHtml)) : [];
    const { shown, lost } = lostCaptions(captions, readability.text, outputs.lectern?.text ?? '');
    (out.readability as PageCaptions).captions = shown;
    if (out.lectern) out.lectern.lost = lost;
  }
  return out;
}

/** One engine's caption figures over a corpus. */
export interface EngineCaptions {
  pages: number;
  repeated: number;
  repeatedPages: number;
  widgets: number;
  widgetPages: number;
  /** Distinct photos, summed over pages. */
  pictures: number;
  /** Pages where this engine shows fewer distinct photos than either other engine. */
  fewerPictures: number;
  /** Readability: caption texts it shows (harvested), and pages with any. */
  captions?: number;
  captionPages?: number;
  /** Lectern: of those, texts it does not show, and pages with any. */
  lost?: number;
  lostPages?: number;
}

export interface CaptionsSummary {
  engines: Partial<Record<EngineName, EngineCaptions>>;
  /** Lectern's pages that miss the goal, each list in page order. */
  repeated: { id: string; count: number; texts: string[] }[];
  lost: { id: string; text: string }[];
  fewerPictures: { id: string; lectern: number; peers: Partial<Record<EngineName, number>> }[];
  /** Not part of the goal, listed for the record. */
  widgets: { id: string; count: number; texts: string[] }[];
}

/** The corpus figures from each page's `captions` (pages in corpus order). */
export function summarizeCaptions(pages: { id: string; captions: Partial<Record<EngineName, PageCaptions>> }[]): CaptionsSummary {
  const out: CaptionsSummary = { engines: {}, repeated: [], lost: [], fewerPictures: [], widgets: [] };
  for (const { id, captions } of pages) {
    const entries = Object.entries(captions) as [EngineName, PageCaptions][];
    for (const [engine, c] of entries) {
      const s = (out.engines[engine] ??= { pages: 0, repeated: 0, repeatedPages: 0, widgets: 0, widgetPages: 0, pictures: 0, fewerPictures: 0 });
      s.pages++;
      s.repeated += c.repeated;
      if (c.repeated) s.repeatedPages++;
      s.widgets += c.widgets;
      if (c.widgets) s.widgetPages++;
      s.pictures += c.pictures;
      if (entries.some(([other, p]) => other !== engine && p.pictures > c.pictures)) s.fewerPictures++;
      if (c.captions !== undefined) {
        s.captions = (s.captions ?? 0) + c.captions;
        s.captionPages = (s.captionPages ?? 0) + (c.captions ? 1 : 0);
      }
      if (c.lost !== undefined) {
        s.lost = (s.lost ?? 0) + c.lost.length;
        s.lostPages = (s.lostPages ?? 0) + (c.lost.length ? 1 : 0);
      }
    }
    const l = captions.lectern;
    if (!l) continue;
    if (l.repeated) out.repeated.push({ id, count: l.repeated, texts: l.repeatedTexts ?? [] });
    if (l.widgets) out.widgets.push({ id, count: l.widgets, texts: l.widgetTexts ?? [] });
    for (const text of l.lost ?? []) out.lost.push({ id, text });
    const peers = Object.fromEntries(entries.filter(([e]) => e !== 'lectern').map(([e, p]) => [e, p.pictures])) as Partial<Record<EngineName, number>>;
    if (Object.values(peers).some((n) => (n ?? 0) > l.pictures)) out.fewerPictures.push({ id, lectern: l.pictures, peers });
  }
  return out;
}
