/**
 * The byline as the reader's header shows it, beside the site and the date: the writers' names. Pages print more in
 * the element Readability takes it from: a "By"/"Von"/"Par" lead, the date ("Von Jörn Mecher am 08.12.2022", "by Jeff
 * FoustMonday, November 18, 2019"), a reading time or word count, an e-mail address, "View all posts by", an arrow, and
 * sometimes the name twice over or glued to the agency; a label ("Autor:"), a writer's box around the name ("Über …",
 * "… 1009 Artikel", "Autorenseite"), editors after the writers ("Edited by …"). Those go; what is left must hold a letter
 * and be more than a template's placeholder or a form's label ("No Author", "Name *"), else no byline.
 */
import { LazyRegExp } from './lazy-regexp';
import { MINUTES_WORLD, MONTHS_EN, MONTHS_WORLD, READ_AFTER_MINUTES_WORLD } from './steps/boilerplate-words';
import { squash, textLongerThan, underHeadline } from './text';

const MONTHS = `${MONTHS_EN}|${MONTHS_WORLD}`;
const WEEKDAYS = String.raw`monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo`;
/** A date, with its weekday and time if any: "Monday, November 18, 2019", "07 Dezember, 2022", "08.12.2022", "2018-09-16". */
const DATE = new LazyRegExp(
  String.raw`(?:(?:${WEEKDAYS}),?\s*)?(?:\d{1,2}\.?\s*(?:${MONTHS})\.?,?\s*\d{4}|(?:${MONTHS})\.?\s*\d{1,2}(?:st|nd|rd|th)?,?\s*\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})` +
    String.raw`(?:,?\s*(?:at|um|à|a las)?\s*\d{1,2}[:.h]\d{2}(?:\s*(?:am|pm|uhr))?)?`,
  // No `u`: a Unicode case-insensitive pattern this long costs milliseconds to compile; the month names need none.
  'gi',
);
/** A weekday or month glued to the name before it ("FoustMonday"): a space goes between. */
const GLUED_DATE = new LazyRegExp(String.raw`([a-zà-ÿ])(?=(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b)`, 'g');
/** A capitalised word glued to a name in capitals ("TUCKERAssociated Press"). */
const GLUED_CAPITALS = /([A-Z]{2,})([A-Z][a-z])/g;
/** A time of day alone ("10:08 am", "16:06 Uhr"). */
const TIME = /\b\d{1,2}:\d{2}(?:\s*(?:am|pm|uhr)\b)?/gi;
/** Date labels: "Updated", "Last updated", "Veröffentlicht", "Mis à jour"… (left at an end once their date has gone). */
const DATE_LABEL = String.raw`(?:last\s+)?(?:updated|update|published|posted|aktualisiert|veröffentlicht|mis à jour|publié|actualizado|publicado|atualizado|aggiornato|pubblicato)`;
const LABEL_ONLY = new RegExp(String.raw`^${DATE_LABEL}\s*:?$`, 'i');
/** Reading times and word counts ("21 minutes", "5 min read", "4312 words"). */
const READING = new LazyRegExp(String.raw`\b\d+\s*(?:${MINUTES_WORLD})(?:\s*(?:${READ_AFTER_MINUTES_WORLD}))?(?=\s|$|[,|·–—-])|\b\d+\s*(?:words?|wörter)\b`, 'gi');
const EMAIL = /\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** Link words around the name: "View all posts by", "Zeige alle Beiträge von", a trailing arrow or "Schließen". */
const LINK_LEAD = /^(?:(?:view|see|show) all (?:posts|articles|stories) by|(?:zeige )?alle (?:beiträge|artikel) von|voir tous les articles de|ver todas las entradas de)\s+/i;
const TRAILING_UI = /\s*(?:→|»|›|schließen|close)$/i;
/** A "posted on … by" lead left once the date has gone; "By", lower case too, before anything. */
const POSTED_LEAD = /^(?:(?:posted|written|published|veröffentlicht|publié|publicado|pubblicato)(?:\s+(?:on|am|le|el|il))?\s*)(?=by\b|von\b|par\b|por\b|$)/i;
const BY_LEAD = /^by\s+/i;
/** A lower-case "von" before a user name alone ("von kj"); "von der Leyen" is a name. */
const VON_USER = /^von\s+(?=[a-z0-9._-]+$)/;
/** A label before the name: "Autor: …", "Author: …", "Текст: …"; "Autor"/"Author" without a colon too. */
const NAME_LABEL = /^(?:(?:autor(?:in)?|author|text|texte|текст|автор)\s*:|(?:autor(?:in)?|author)\s)\s*/i;
/** A writer's box: "Über Steffi" (About), and a lead whose name comes after it ("… Artikel von: Jessie", "Ein Gastbeitrag von"). */
const ABOUT_LEAD = /^(?:Über|About)\s+(?=[A-ZÀ-ÖØ-Þ])/;
const ARTICLE_BY = /^.{0,80}?\b(?:artikel|beitrag|gastbeitrag|article|guest post|post|story)\s+(?:von|by|de|par|di|por)\s*:?\s+(?=\S)/i;
/** The box's link to the writer's page after the name ("Über Autorenseite von", "Author profile"). */
const PROFILE_LINK = /\s+(?:über\s+)?(?:autorenseite|autorenprofil|author page|author profile|profil|profile)(?:\s+(?:von|of))?$/i;
/** The count of the writer's articles ("1009 Artikel", "52 posts"). */
const ARTICLE_COUNT = /\s+\d+\s+(?:artikel|beiträge|articles|posts|stories)$/i;
/** Editors and reviewers credited after the writers: the header shows the writers. */
const EDITORS = /[\s,;|·•–—-]+(?:edited|reviewed|fact[- ]checked|medically reviewed|redigiert|lektoriert)\s+(?:by|von)\s.*$/i;
/** A template's placeholder or a form's label where a name should be. */
const PLACEHOLDER = /^(?:no author|unknown author|author|autor|name|publisher|follow(?: author)?|alle beiträge|all posts)\s*\*?$/i;
/** "Von", "Par", "Por", "Door", "Av" before a capitalised name ("von der Leyen" keeps its particle). */
const OTHER_LEAD = /^(?:[Vv]on|VON|[Pp]ar|PAR|[Pp]or|POR|[Dd]oor|DOOR|[Aa]v|AV)\s+(?=[A-ZÀ-ÖØ-ÞĀ-ſ])/;
/**
 * Connectors and separators left at an end once the date has gone ("… am", "… —", ", "). One character or one word
 * per repetition (the text is squashed): a class with its own `+` inside the repeated group backtracks exponentially
 * on a run of commas.
 */
const DANGLING_END = new RegExp(String.raw`(?:[\s,;:|·•–—/-]|(?:^|\s)(?:am|on|le|el|um|at|vom|du|del|${DATE_LABEL})|\s\d+)+$`, 'i');
const DANGLING_START = /^[\s,;:|·•–—/-]+/;
const SEPARATOR_RUN = / ?[|·•–—-](?: ?[|·•–—-])+ ?/g;
/** The same run twice at the end ("Kristen Falc'honKristen Falc'hon"). */
const DOUBLED_END = /(\S.{3,}?)\1$/;
/** A letter of any script (Latin by case; every other script lies above U+00FF). */
const HAS_LETTER = /[a-zA-Zà-öø-ÿÀ-ÖØ-Þ\u0100-\uffff]/;
const MAX_BYLINE_CHARS = 200;
/** The doubled-name test compares every split of the text: only for texts a name printed twice can be. */
const MAX_DOUBLED_CHARS = 120;

/** A line that opens with a "by" word, the candidate `bylineLine` looks for. */
const BY_LINE = /^(?:by|von|par|por|door|av)\s+\S/i;
/** Elements `bylineLine` reads after the headline, and the longest line it reads. */
const MAX_LINE_LOOKAHEAD = 40;
const MAX_LINE_CHARS = 80;
/** A word of a name: capitalised, or a joining word or particle ("Roland Brockmann und Sebastian Drescher", "Ana de la Cruz"). */
const NAME_WORD = /^(?:[A-ZÀ-ÖØ-Þ][^\s,;:/@|]*|and|und|et|y|e|&|de|del|la|le|van|von|der|den|da|di|du|dos|das)$/;
const MAX_NAME_WORDS = 8;

/** True when `text` is only names: a few words, each capitalised or a joining word. */
function isNames(text: string): boolean {
  const words = text.split(/,?\s+/);
  return words.length <= MAX_NAME_WORDS && words.every((word) => NAME_WORD.test(word)) && /[A-ZÀ-ÖØ-Þ]/.test(text);
}

/**
 * The writer from a plain "By …" line under the headline, for a page that marks no element as its byline (the seed:
 * `<p>By Abraham</p>` in the post's meta). The first such line between the first `<h1>` and the story's first long
 * paragraph decides, and only when what it names, once cleaned, is names.
 */
export function bylineLine(doc: Document): string | null {
  return underHeadline(doc, MAX_LINE_LOOKAHEAD, (el) => {
    if (textLongerThan(el, MAX_LINE_CHARS)) return undefined;
    const text = squash(el.textContent);
    if (!BY_LINE.test(text)) return undefined;
    const name = cleanByline(text);
    return name && isNames(name) ? name : null;
  });
}

/** `raw` as the header shows it (see the file comment), or null. */
export function cleanByline(raw: string | null | undefined): string | null {
  let text = squash(raw);
  if (!text) return null;
  if (text.length > MAX_BYLINE_CHARS) return text;
  if (text.includes('@')) text = text.replace(EMAIL, ' ');
  text = text.replace(LINK_LEAD, '').replace(TRAILING_UI, '').replace(GLUED_CAPITALS, '$1, $2');
  // Dates, times, reading times and word counts all hold a digit: most bylines have none and skip these patterns.
  if (/\d/.test(text)) text = text.replace(GLUED_DATE.re, '$1 ').replace(DATE.re, ' ').replace(TIME, ' ').replace(READING.re, ' ').replace(ARTICLE_COUNT, '');
  text = squash(text).replace(SEPARATOR_RUN, ' - ');
  for (let before = ''; before !== text; ) {
    before = text;
    text = text.replace(DANGLING_END, '').replace(DANGLING_START, '').replace(POSTED_LEAD, '').replace(BY_LEAD, '').replace(OTHER_LEAD, '').replace(VON_USER, '');
    text = text.replace(NAME_LABEL, '').replace(ABOUT_LEAD, '').replace(ARTICLE_BY, '').replace(PROFILE_LINK, '').replace(EDITORS, '').trim();
  }
  if (text.length <= MAX_DOUBLED_CHARS) text = text.replace(DOUBLED_END, '$1');
  if (/^(?:by|von|par|por|door|av)$/i.test(text) || LABEL_ONLY.test(text) || PLACEHOLDER.test(text) || !HAS_LETTER.test(text)) return null;
  return text;
}
