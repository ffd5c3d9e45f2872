/**
 * The boilerplate step's rules (steps/boilerplate.ts): what a block of page furniture looks like, read from its own
 * text, links and class/id words. Each rule is a named entry of BOILERPLATE_RULES; the word lists in the corpora's
 * languages are in boilerplate-words.ts.
 */
import { squash } from '../text';
import {
  DATE_WORDS_WORLD, MINUTES_WORLD, MONTHS_EN, MONTHS_WORLD, POST_FACT_LABEL_WORLD, READ_AFTER_MINUTES_WORLD, READING_TIME_LABEL_WORLD, RELATED_LABEL_WORLD, RELATED_PREFIX_WORLD,
  VIEWS_WORLD, WIDGET_LABEL_WORLD,
} from './boilerplate-words';
import { HEADING_TAG, hintWordsOf, textOf, type TextStats } from '../block-stats';
import { LazyRegExp } from '../lazy-regexp';

const STARTS_UPPER = new LazyRegExp(String.raw`^\p{Lu}`, 'u');
const EDGE_PUNCTUATION = new LazyRegExp(String.raw`^[\s\p{P}]+|[\s\p{P}]+$`, 'gu');
const LETTER_RUN = new LazyRegExp(String.raw`\p{L}+`, 'gu');

/** A block with more text than this is never boilerplate, whatever it looks like. */
export const MAX_BLOCK_CHARS = 400;
/** A box a rule emptied goes too when what is left is shorter than this and than what went (a lone heading). */
export const MAX_LEFTOVER_CHARS = 100;
/** Share of a block's text inside links from which it counts as a link list. */
export const LINK_LIST_DENSITY = 0.6;

/** Whole-text labels of ad slots and of the notes around them. */
const AD_LABEL =
  /^(?:advertisement|advertising|advert|ads?|anzeige|publicité|publicidad|pubblicità|werbung|sponsored(?: content| links?| stories)?|paid (?:content|post)|promoted(?: content| stories)?|(?:the )?(?:story|article|content|text) continues (?:below|after)(?: (?:this |the )?(?:ad|advertisement|gallery|slideshow|video|photos?|images?))?|continue reading (?:below|the main story)|scroll (?:down )?to continue(?: with content)?|skip (?:this )?ad(?:vertisement)?|ad feedback|report (?:this )?ad)$/;

/** Words a share / follow bar is made of; a bar needs at least one of SHARE_STRONG. */
const SHARE_WORDS = new Set([
  'share', 'shares', 'shared', 'sharing', 'this', 'on', 'via', 'the', 'article', 'story', 'post', 'page', 'tweet', 'facebook',
  'twitter', 'x', 'email', 'e', 'mail', 'print', 'linkedin', 'whatsapp', 'pinterest', 'reddit', 'tumblr', 'flipboard',
  'pocket', 'telegram', 'messenger', 'sms', 'copy', 'copied', 'link', 'url', 'comment', 'comments', 'save', 'saved',
  'bookmark', 'follow', 'us', 'google', 'gift', 'send', 'to', 'a', 'friend', 'or', 'and', 'threads', 'bluesky', 'mastodon',
  'instagram', 'youtube', 'rss', 'vk', 'weibo', 'wechat', 'line', 'more', 'options', 'close', 'subscribe', 'listen',
  'reprints', 'permissions', 'opens', 'in', 'new', 'window', 'tab', 'like', 'it', 'with', 'pin', 'compartilhar', 'compartir',
  'partager', 'teilen', 'condividi', 'delen',
]);
const SHARE_STRONG = /\b(?:share|tweet|facebook|twitter|linkedin|whatsapp|pinterest|reddit|flipboard|telegram|bluesky)\b/i;
const SOCIAL_NETWORK = /^(?:facebook|twitter|linkedin|whatsapp|pinterest|reddit|flipboard|telegram|bluesky|tumblr|instagram|youtube|vk|weibo|wechat|mastodon|threads|email|e-mail|print)$/i;


/** Headings and labels that open a list of links to other pages. */
export const RELATED_LABEL = new LazyRegExp(
  String.raw`^(?:related(?: (?:stories|articles|content|posts|coverage|links|reading|news|topics))?|read more|read next|read also|also read|more (?:from|on|about|in|stories|news|coverage|to read)\b.*|more (?:[\p{L}'’]+ ){1,3}(?:stories|articles|reads)|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|recent (?:articles|posts|stories)|popular this week|recommended(?: for you| reading| stories)?|see also|further reading|trending(?: now| stories)?|most (?:popular|read|viewed|shared)|popular (?:now|stories|articles)|top stories|latest (?:news|stories|articles)|don'?t miss|what to read next|editor'?s picks|more headlines|keep reading|up next|${RELATED_LABEL_WORLD})\s*[:.…!?]*$`, 'u');
/**
 * A line that starts with such a label and goes on with a link: "Read more: <a>…</a>", also set in parentheses or
 * brackets ("[Related: <a>…</a>]"), with the site the link goes to ("Leggi anche su: <a>…</a>"), or led by "Also:".
 */
const RELATED_PREFIX = new LazyRegExp(
  String.raw`^[([]?\s*(?:(?:related(?: (?:stories|articles|content|coverage|reading))?|read more|read next|read also|also read|more|see also|see more|recommended|watch|listen|further reading|more coverage|previously|click here|read the full (?:story|article)|${RELATED_PREFIX_WORLD})(?: (?:on|at|in|su|sur|en|em|auf|bei|op|na|на))?|also(?=\s*:))\s*[:»›>|–—-]`);
/** The start of a block that is a label followed by the links it introduces. */
const RELATED_LEAD =
  /^(?:don[’']?t miss|related(?: (?:stories|articles|content|coverage|reading|links))?|read (?:more|next|also)|also read|see also|recommended(?: for you| reading| stories)?|most (?:read|popular|viewed)|more (?:stories|news|headlines|coverage))/i;

/** The label is followed by a space or, where the page set it in its own box, by a capital ("DON'T MISSPlague …"). */
function isLabelLed(text: string): boolean {
  const m = RELATED_LEAD.exec(text);
  if (!m) return false;
  const next = text.slice(m[0].length, m[0].length + 2);
  return /^\s\S/.test(next) || STARTS_UPPER.test(next);
}
/** Labels of tag and topic lists. */
const TAG_PREFIX = /^(?:tags?|topics?|filed under|categories|category|posted in|more about|related topics|keywords|themen|schlagworte)\s*[:|]?/i;
/** Sign-up boxes: text that asks for an address and promises a letter. */
const NEWSLETTER_ASK = /\b(?:sign(?:ing)? up|subscribe|subscribing|get (?:it|them|our \w+) (?:in|delivered to) your inbox|enter your e-?mail)\b/i;
/** Words of a box that addresses the reader, not of a report about someone else. */
const READER_ADDRESSED = /\b(?:you|your|our|us)\b/i;
const NEWSLETTER_WHAT = /\b(?:newsletters?|inbox|e-?mail(?: address)?|daily briefing|briefing)\b/i;

/** Whole-text labels of page widgets that Readability keeps as text. */
const WIDGET_LABEL = new LazyRegExp(
  String.raw`^(?:subscribe(?: now| today)?|sign in|log ?in|sign up|register|\d* ?comments?|leave a (?:comment|reply)|show comments|view comments|add (?:a )?comment|skip to (?:main )?content|media playback is unsupported on your device|this slideshow requires javascript|tell us what you think|advert|print(?: this (?:article|page|story))?|back to top|listen to (?:this )?(?:article|story)|close|menu|search|${WIDGET_LABEL_WORLD})$`);
/**
 * Copyright and reuse notices: a rights phrase after the sign, or the sign and a year. "© Quelle: BDEW" or
 * "© iStock.com/name" alone is a photo credit, which the captions step owns.
 */
const COPYRIGHT = /(?:©|\(c\)|\bcopyright\b).{0,200}(?:\b(?:all rights reserved|subject to copyright|may not be (?:published|reproduced))|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|todos os direitos reservados|tutti i diritti riservati)|^(?:©|copyright)\s*\d{4}/;
/** Links about the author, not by them: archives, e-mail, "more from". */
const AUTHOR_LINKS =
  /^(?:view (?:author|all) (?:archive|posts|articles|stories)|e-?mail the author|(?:more|all|see all) (?:articles|stories|posts) (?:from|by) .{1,60}|about the author|follow (?:him|her|them|me|us|@?\S+) on (?:twitter|facebook|instagram|x)\b.*)$/i;
/** Pieces of a date line: labels, dates, times, zones and separators. Whatever is left must be nothing. */
const DATE_PIECES = new LazyRegExp(
  `(?<![\\p{L}\\d])(?:published|updated|posted|original|first|last|modified|created|on|at|am|pm|et|pt|ct|mt|a\\.m\\.|p\\.m\\.|[ecmp][sd]t|gmt|utc|bst|cet|cest|hst|ago|days?|hours?|minutes?|mins?|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|${MONTHS_EN}|${MONTHS_WORLD}|${DATE_WORDS_WORLD}|\\d{1,2}h\\d{2}|\\d{1,6}(?:st|nd|rd|th|h|am|pm)?)(?![\\p{L}\\d])|[\\s\\p{P}|+]+`,
  'gu',
);
const HAS_DATE = new LazyRegExp(
  `(?<![\\p{L}\\d])(?:${MONTHS_EN}|${MONTHS_WORLD})(?![\\p{L}]).*\\d|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\b\\d+ (?:days?|hours?|minutes?) ago\\b`,
  'u',
);

/**
 * Post meta the reader's header has no use for: a reading time ("Lesezeit: 2 Minuten", "5 min read") or a view counter
 * ("2.289 letture", "Views: 184"), as the whole line (lower case, punctuation at its ends trimmed).
 */
const POST_META = new LazyRegExp(
  String.raw`^(?:(?:${READING_TIME_LABEL_WORLD})\s*:?\s*(?:ca\.?|about|approx\.?|environ|~)?\s*\d+(?:\s*[-–]\s*\d+)?\s*(?:${MINUTES_WORLD})|\d+\s*(?:${MINUTES_WORLD})\s*(?:${READ_AFTER_MINUTES_WORLD})|(?:${VIEWS_WORLD})\s*:?\s*\d[\d.,]*|\d[\d.,]*\s*(?:${VIEWS_WORLD}))$`,
  'u',
);
export const MAX_POST_META_CHARS = 60;

/** One "Label: value" fact of a post ("Categoria: Saúde"), the value a few words. */
const POST_FACT = new LazyRegExp(String.raw`^(?:${POST_FACT_LABEL_WORLD})\s*:\s*\S.{0,80}$`, 'u');
/** A line of post facts is at most this long. */
export const MAX_FACTS_LINE_CHARS = 250;

/**
 * A line of two or more facts about the post, each "Label: value", apart by "|", "·" or a dash ("05/10/2018 - Publicado
 * por: … - Categoria: … - Tags: …"): the writer, the category, the tags, the views, and maybe the date. A sentence with
 * a colon in it has words before its colon that are no such label.
 */
function isPostFacts(lower: string): boolean {
  if (lower.length > MAX_FACTS_LINE_CHARS || !lower.includes(':')) return false;
  const parts = lower.replace(/^[\s|·•–—-]+/u, '').split(/\s+[|·•–—-]\s+|\s*[|·•]\s*/u).filter((p) => p.length > 0);
  let facts = 0;
  for (const part of parts) {
    if (POST_FACT.test(part)) facts++;
    else if (!isDateLine(part)) return false;
  }
  return facts >= 2;
}

/** A short line that is only a date (with "Published", "Updated", a time): the reader's header shows the date. `lower`: lower case. */
function isDateLine(lower: string): boolean {
  if (lower.length > 100 || !HAS_DATE.test(lower)) return false;
  return lower.replace(DATE_PIECES.re, '').length === 0;
}

/**
 * An embedded player's or map's consent placeholder: "Klicken Sie auf den unteren Button, um den Inhalt von … zu
 * laden", "Mit dem Laden des Videos akzeptieren Sie …", "Click the button below to load the content from …", "By
 * loading the video, you agree to …". The embed itself is not loaded in the reader either.
 */
const CONSENT_PLACEHOLDER = /^(?:klicken sie auf (?:den|diesen) (?:unteren |folgenden )?button|mit dem laden (?:des|der) (?:videos?|karte|inhalts?|beitrags?)|click (?:on )?the button(?: below)?|by loading the (?:video|map|content)|en chargeant (?:cette |la )?(?:vidéo|carte)|al cargar (?:el|este) (?:vídeo|video|contenido))\b.{0,200}\b(?:laden|load|akzeptieren|accept|agree|datenschutz|privacy|acceptez|aceptas)/;
/** "Folgen Sie uns auf <a>Twitter</a> Liken Sie uns auf <a>Facebook</a>": lines that are only invitations to follow. */
/** How every FOLLOW_US line starts: the long pattern is built and run only for these. */
const FOLLOW_US_START = /^(?:folg|like|foll|suiv|sígu|siga|segu)/;
const FOLLOW_US = new LazyRegExp(String.raw`^(?:(?:folgen sie uns|folge uns|liken sie uns|follow us|like us|suivez-nous|síguenos|siga-nos|seguici)(?: (?:auf|on|sur|en|no|su|at))? [\p{L}.]+(?: (?:and|und|et|y|e|or|oder) [\p{L}.]+)*[\s,|/·]*)+$`, 'u');

/** class / id words of furniture blocks; a block with one is removed when it is also a link list or very short. */
const FURNITURE_HINT =
  /(?:^|[\s_-])(?:share|sharing|social|sociallinks|share-?bar|related|recirc|recirculation|more-stories|read-?more|read-?next|newsletter|subscribe|signup|sign-up|promo|ad|ads|advert|advertisement|ad-?slot|ad-?container|dfp|outbrain|taboola|tags|tag-?list|taglist|topics|author-?bio|about-?author|breadcrumbs?)(?:$|[\s_-])/i;

/** The same furniture words, matched against class / id words split at case changes (`relatedContent`, `emailSignup`). */
const FURNITURE_WORDS = new Set([
  'share', 'sharing', 'social', 'related', 'recirc', 'recirculation', 'newsletter', 'newsletters', 'subscribe', 'signup',
  'promo', 'ad', 'ads', 'advert', 'advertisement', 'dfp', 'outbrain', 'taboola', 'taglist', 'breadcrumb', 'breadcrumbs',
]);
/** Sign-up box words: such a box goes when it is short even if it is not a link list (a pitch and a button). */
const SIGNUP_WORDS = new Set(['newsletter', 'newsletters', 'signup', 'subscribe', 'subscription']);
/** A box named as a sign-up box is removed up to this many characters. */
export const MAX_SIGNUP_CHARS = 300;

/** Never look inside or remove these: they are content, or another step owns them. */
export const KEEP_TAGS = new Set(['FIGURE', 'FIGCAPTION', 'PICTURE', 'TABLE', 'PRE', 'CODE', 'BLOCKQUOTE', 'MATH', 'SVG', 'VIDEO', 'AUDIO']);

export interface BoilerplateRule {
  name: string;
  /** True when `el` (not removed by an earlier rule) is furniture. */
  test(el: Element, block: BlockInfo): boolean;
}

export interface BlockInfo {
  text: string;
  /** The text without leading and trailing punctuation, for rules matched against a whole label. */
  bare: string;
  /**
   * `text` and `bare` in lower case: the multilingual patterns match them without the `i` flag (with `iu`, V8 took
   * about three times as long to compile each big pattern on a cold first read; docs/performance.md).
   */
  lower: string;
  lowerBare: string;
  linkText: number;
  /** Share of the text that sits inside links. */
  linkDensity: number;
  hint: string;
  /** The class and id words (block-stats.ts `hintWords`), read when a rule asks. */
  words: readonly string[];
}

/**
 * The block's facts; its link text is only counted when a rule asks for it (most blocks are settled by their text),
 * and not at all when the shared measures say no link in it shows any text.
 */
export function info(el: Element, stats: TextStats, text = textOf(el, stats)): BlockInfo {
  let linkText: number | undefined;
  const links = (): number => {
    if (linkText === undefined) {
      linkText = 0;
      if (el.tagName === 'A') linkText = text.length;
      else if (stats.linkChars.get(el) !== 0) {
        const anchors = el.getElementsByTagName('a');
        for (let i = 0; i < anchors.length; i++) linkText += squash((anchors[i] as Element).textContent).length;
      }
    }
    return linkText;
  };
  let bare: string | undefined;
  let lower: string | undefined;
  let lowerBare: string | undefined;
  let hint: string | undefined;
  return {
    text,
    get bare() {
      return (bare ??= trimPunctuation(text));
    },
    get lower() {
      return (lower ??= text.toLowerCase());
    },
    get lowerBare() {
      return (lowerBare ??= trimPunctuation(this.lower));
    },
    get linkText() {
      return links();
    },
    get linkDensity() {
      return text ? Math.min(1, links() / text.length) : 0;
    },
    get hint() {
      return (hint ??= `${el.getAttribute('class') ?? ''} ${el.id}`);
    },
    get words() {
      return hintWordsOf(el, stats);
    },
  };
}

function trimPunctuation(text: string): string {
  return text.replace(EDGE_PUNCTUATION.re, '');
}

/** A share bar names a network or says "share": a text without any of these words is settled without splitting it. */
const SHARE_OR_NETWORK = /share|tweet|facebook|twitter|linkedin|whatsapp|pinterest|reddit|flipboard|telegram|bluesky|tumblr|instagram|youtube|vk|weibo|wechat|mastodon|threads|e-?mail|print/i;

function isShareBar(text: string): boolean {
  if (text.length > 150 || !SHARE_OR_NETWORK.test(text)) return false;
  const words = text.toLowerCase().match(LETTER_RUN.re) ?? [];
  if (words.length === 0) return false;
  if (SHARE_STRONG.test(text) && words.every((w) => SHARE_WORDS.has(w))) return true;
  // A short row of network names with a word or two of its own ("WhatsApp Facebook Pin Download").
  const networks = words.filter((w) => SOCIAL_NETWORK.test(w)).length;
  return text.length <= 60 && networks >= 2 && networks * 2 >= words.length;
}

/** A list whose items are each one short link and nothing else: a menu. */
function isLinkMenu(el: Element, b: BlockInfo): boolean {
  if (b.linkDensity < 0.95) return false;
  const items = el.tagName === 'UL' || el.tagName === 'OL' ? Array.from(el.children) : [];
  if (items.length < 4) return false;
  return items.every((li) => {
    const t = squash(li.textContent);
    return t.length > 0 && t.length <= 30 && li.querySelectorAll('a').length === 1;
  });
}

/** "Home › News › Story" and the like: a short run of links that starts at Home or is joined by arrows. */
function isBreadcrumb(b: BlockInfo): boolean {
  if (b.text.length > 200 || b.linkDensity < 0.5) return false;
  return /^home\b/i.test(b.text) ? b.linkDensity >= 0.3 : /\S\s*[»›>]\s*\S.*[»›>]/.test(b.text);
}

/** A download button's word, in the corpora's languages. */
const DOWNLOAD_WORD = /(?:^|\s)(?:download(?:en)?|herunterladen|télécharger|descargar|baixar|scarica(?:re)?|pobierz|скачать)(?=[\s(:]|$)/;
const FILE_SIZE = /\d(?:[.,]\d+)?\s?(?:[kKMG]i?B|[KMG]o)\b/u;

/**
 * A download button's words: short, no sentence nor lead-in (a colon), a download word, and either no link left (the button was a script)
 * or a file size beside it ("Download (PDF, 2,4 MB)"). A link that says "Plan herunterladen" alone stays: it works.
 */
function isDownloadWidget(el: Element, b: BlockInfo): boolean {
  if (b.text.length > MAX_LABEL_CHARS || /[.!?:]$/u.test(b.text) || !DOWNLOAD_WORD.test(b.lower)) return false;
  return FILE_SIZE.test(b.text) || (el.closest('a[href]') === null && el.querySelector('a[href]') === null);
}

/** A link to a tag or category page, as blog engines mark it (`rel="tag"`, `rel="category tag"`). */
function isTagLink(a: Element): boolean {
  return /(?:^|\s)(?:tag|category)(?:\s|$)/i.test(a.getAttribute('rel') ?? '');
}

/**
 * A line of tag or category links without a label ("<a rel="category tag">…</a>, <a rel="category tag">…</a>"): mostly
 * links, every one of them marked as a tag. A tag link inside a sentence leaves the line mostly words, and it stays.
 */
function isTagLinks(el: Element, b: BlockInfo): boolean {
  if (b.text.length >= 300 || b.linkDensity < LINK_LIST_DENSITY) return false;
  // A link alone is judged with the line it stands in, never by itself (it may sit in a sentence).
  const links = el.getElementsByTagName('a');
  if (links.length === 0) return false;
  for (let i = 0; i < links.length; i++) if (!isTagLink(links[i] as Element)) return false;
  // So is a run of text set inline ("The <span><a rel="tag">Millbrook</a></span> station…"): it must be its line.
  const parent = el.parentElement;
  return !INLINE_TAGS.has(el.tagName.toUpperCase()) || !parent || squash(parent.textContent).length <= b.text.length;
}
const INLINE_TAGS = new Set(['SPAN', 'EM', 'I', 'STRONG', 'B', 'SMALL', 'FONT', 'MARK', 'U', 'A']);

/** Whole-label rules (ad and widget labels) only look at blocks this short: their longest label is under 50 characters. */
const MAX_LABEL_CHARS = 100;

/** A gallery's slide counter ("1 of 6", "Bild 2 von 9") left where its photos went. */
const SLIDE_COUNTER = /^(?:(?:image|photo|picture|slide|item|bild|foto|photo)s? )?\d+ ?(?:of|\/|von|sur|de|di) ?\d+$/;
const MAX_COUNTER_CHARS = 24;
/** Class words of a gallery's markup. */
const SLIDE_CLASS = /slide|gallery|carousel|slider/i;
const SLIDE_LEVELS = 3;

/** `el`, one of its few ancestors or an element inside it is named as gallery markup. */
function inSlideMarkup(el: Element): boolean {
  let level: Element | null = el;
  for (let up = 0; level && up <= SLIDE_LEVELS; up++, level = level.parentElement) {
    if (SLIDE_CLASS.test(level.getAttribute('class') ?? '')) return true;
  }
  return !!el.querySelector('[class*="slide"], [class*="gallery"], [class*="carousel"]');
}

/** The rules, in order. Each is generic: it reads text, links and class names, never a host. */
export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  { name: 'ad-label', test: (_el, b) => b.text.length <= MAX_LABEL_CHARS && AD_LABEL.test(b.lowerBare) },
  { name: 'widget-label', test: (_el, b) => b.text.length <= MAX_LABEL_CHARS && WIDGET_LABEL.test(b.lowerBare) },
  { name: 'slide-counter', test: (el, b) => b.text.length <= MAX_COUNTER_CHARS && SLIDE_COUNTER.test(b.lowerBare) && inSlideMarkup(el) },
  { name: 'download-widget', test: isDownloadWidget },
  { name: 'share-bar', test: (_el, b) => isShareBar(b.text) },
  { name: 'consent-placeholder', test: (_el, b) => b.text.length < 300 && CONSENT_PLACEHOLDER.test(b.lower) },
  { name: 'follow-us', test: (_el, b) => b.text.length < 150 && FOLLOW_US_START.test(b.lower) && b.linkDensity > 0 && FOLLOW_US.test(b.lower) },
  {
    name: 'related-links',
    test: (el, b) => RELATED_PREFIX.test(b.lower) && b.linkDensity >= 0.4 && !HEADING_TAG.test(el.tagName) && b.text.length < 250,
  },
  {
    // "DON'T MISS <a>…</a> <a>…</a>": a label run into the links it introduces, with no punctuation between.
    name: 'labelled-links',
    test: (el, b) => isLabelLed(b.text) && b.linkDensity >= LINK_LIST_DENSITY && !HEADING_TAG.test(el.tagName),
  },
  { name: 'tag-list', test: (el, b) => (TAG_PREFIX.test(b.text) && b.linkDensity >= 0.3 && b.text.length < 300) || isTagLinks(el, b) },
  {
    name: 'newsletter',
    // A sign-up box speaks to the reader ("your inbox", "our newsletter") or links to the form; a body sentence that
    // reports on a newsletter ("residents can sign up for the board's newsletter") does neither.
    test: (el, b) => b.text.length < 300 && NEWSLETTER_ASK.test(b.text) && NEWSLETTER_WHAT.test(b.text) && !el.querySelector('h1, h2, h3')
      && (READER_ADDRESSED.test(b.text) || el.querySelector('a[href]') !== null),
  },
  { name: 'copyright', test: (_el, b) => b.text.length < 300 && COPYRIGHT.test(b.lower) },
  { name: 'author-links', test: (_el, b) => b.text.length < 150 && AUTHOR_LINKS.test(b.bare) },
  { name: 'date-line', test: (el, b) => !HEADING_TAG.test(el.tagName) && isDateLine(b.lower) },
  { name: 'post-meta', test: (_el, b) => (b.text.length <= MAX_POST_META_CHARS && POST_META.test(b.lowerBare)) || isPostFacts(b.lower) },
  { name: 'link-menu', test: isLinkMenu },
  { name: 'breadcrumb', test: (_el, b) => isBreadcrumb(b) },
  {
    name: 'furniture-class',
    // Length and links first: most blocks are long prose without links, settled without reading their class and id.
    test: (_el, b) => (b.text.length < 80 || b.linkDensity >= LINK_LIST_DENSITY)
      && (FURNITURE_HINT.test(b.hint) || b.words.some((w) => FURNITURE_WORDS.has(w))),
  },
  {
    name: 'signup-box',
    test: (el, b) => b.text.length <= MAX_SIGNUP_CHARS && !HEADING_TAG.test(el.tagName) && b.words.some((w) => SIGNUP_WORDS.has(w)),
  },
];
