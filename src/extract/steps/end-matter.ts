/**
 * Step `endMatter` (after `boilerplate`, before `headerEcho`): what a site prints around the story about the story
 * rather than as part of it:
 * - author boxes: a box named author / bio / contributor (class or id words) that is short (a name, a line
 *   about the writer, links to follow them), and the writer's bio as the last paragraph (see `trailingBio`);
 * - a press contact block that ends the article ("Kontakt", a name, a phone number; see `trailingContact`);
 * - contact lines: "Email Jane Doe at jdoe@example.com or follow her @jdoe", "Write to X at …", "Reach the reporter
 *   at …", "Have a tip? …" (a line that starts so and gives an address or handle);
 * - reporting credits: "Additional reporting by …", "… contributed to this report." (the header shows the byline);
 * - related lists: a list of links to the site's own stories that ends the article, with at most a short note after
 *   it (see `trailingRelated`);
 * - subscription pitches: a line that opens with the call ("Get … delivered", "Subscribe", "Abonnez-vous") and
 *   names a price (a pitch that is one link throughout may run longer than a line);
 * - a sign-in or subscription wall that ends the article (see `trailingWall`), and a teaser of another story
 *   that ends it with a "read more" link (see `trailingTeaser`);
 * - labels left at the end: headings and lines in capitals with nothing after them (see `trailingLabels`);
 * - notices: affiliate disclosures, reuse and citation notices ("This document is subject to copyright", "Citation:
 *   … retrieved … from"), cookie notices and invitations to the site's forums.
 *
 * The `trailing*` finders live in end-matter-trailing.ts. Each text rule needs the whole short block to be that line;
 * a sentence about e-mail or copyright in the body is longer and says more. Generic: text patterns and class / id
 * words, never a host. Cheap: one walk measures text (block-stats.ts), text is only read from short leaf blocks.
 * Nothing is removed when it would take more than half the text.
 */
import type { StepContext } from '../context';
import { CONTENT_SELECTOR, hintWordsOf, linkDensity, removeWithinShare, statsOf, textOf, type TextStats } from '../block-stats';
import {
  EMAIL_OR_HANDLE, MAX_AUTHOR_BOX_CHARS, MAX_LINE_CHARS, trailingBio, trailingContact, trailingLabels, trailingRelated,
  trailingTeaser, trailingWall,
} from './end-matter-trailing';
import { LazyRegExp } from '../lazy-regexp';

/** A word that starts in lower case (not after a letter or apostrophe). */
const LOWER_WORD = new LazyRegExp(String.raw`(?<![\p{L}’'])\p{Ll}[\p{L}’']*`, 'gu');


/**
 * A block that is one link throughout is read up to this many: a promotion set as a link ("Get access to … Pro for as
 * little as Rs 599 … Use the code …") runs longer than a line, and body prose is never all link.
 */
export const MAX_LINKED_LINE_CHARS = 600;
/** From this share of its text in links a block is "one link throughout". */
const LINKED_LINE_DENSITY = 0.9;

const AUTHOR_WORDS = new Set(['author', 'authors', 'bio', 'bios', 'contributor', 'contributors', 'biography']);
const BIO_WORDS = new Set(['bio', 'bios', 'biography']);
/** Words that, next to `author`, name something else: a list of posts by the author is a teaser, not a bio. */
const NOT_BIO_WORDS = new Set(['content', 'body', 'text', 'article', 'post', 'entry', 'story']);

const CONTACT_LEAD = /^(?:e-?mail|write to|reach|contact|follow|you can (?:reach|follow|contact|e-?mail)|(?:have|got) a (?:news )?tip\b)/i;
const CREDIT_LINE = /^(?:additional |with )?(?:reporting|writing|editing) by\b|\bcontributed (?:reporting|to this (?:report|story|article))\b/i;
const NOTICE_LINE = new LazyRegExp(
  [
    // Affiliate and sponsorship disclosures.
    String.raw`\b(?:may|might|will|could) (?:earn|receive|get|collect) (?:an? )?(?:small )?(?:affiliate )?(?:commission|share of (?:the )?sales|compensation)\b`,
    String.raw`\b(?:contains?|includes?|uses?) (?:affiliate|referral)(?: and\/or (?:affiliate|referral))? links?\b`,
    // Reuse and citation notices.
    String.raw`\bsubject to copyright\b.*\b(?:reproduced|permission)\b`,
    String.raw`^citation: .*\bretrieved\b`,
    // Comment-form notices: the spam filter's line and "log in to comment", in the corpora's languages.
    String.raw`\bakismet\b`,
    String.raw`^you (?:must|need to) be (?:logged in|signed in|registered) to (?:post|leave|write) a comment`,
    String.raw`(?:kommentieren|einen kommentar (?:schreiben|abgeben|verfassen)) zu können,? (?:müssen sie|musst du) (?:eingeloggt|angemeldet|registriert) sein`,
    String.raw`^vous devez (?:être )?(?:connecté|inscrit)e?s? pour (?:publier|poster|écrire|laisser) un commentaire`,
    String.raw`^(?:debes|debe|tienes que|tiene que) (?:iniciar sesión|estar registrado|registrarte) para (?:publicar|dejar|escribir) (?:un )?comentario`,
    String.raw`^(?:você precisa|é preciso) (?:fazer login|estar logado|entrar) para (?:publicar|deixar|escrever) (?:um )?comentário`,
    // Comment moderation notices.
    String.raw`\bmoderat(?:ing|ed|e) (?:all )?(?:the )?comments\b|\bcomments are moderated\b`,
    String.raw`\bcoment[aá]rios?\b.{0,160}\b(?:moderador|moderação|aprovados)|\bkommentare?\b.{0,120}\bmoderiert\b|\bcommentaires?\b.{0,120}\bmodér`,
    // Cookie notices and forum invitations.
    String.raw`\b(?:this (?:web)?site|we) uses? cookies\b`,
    String.raw`^join (?:our|the) .{0,40}\b(?:forums?|community|discussion)\b`,
  ].join('|'),
);
/**
 * Every NOTICE_LINE alternative holds one of these (a new one must too): the long pattern is built and run only for
 * lines with one, which spares a first read its cost on most pages.
 */
const NOTICE_WORDS = ['commission', 'share of', 'compensation', 'affiliate', 'referral', 'copyright', 'citation', 'akismet', 'comment', 'komment', 'coment', 'cookies', 'join '];

function isAuthorBox(el: Element, chars: number, stats: TextStats): boolean {
  if (chars > MAX_AUTHOR_BOX_CHARS) return false;
  const tag = el.tagName.toUpperCase();
  if (tag !== 'DIV' && tag !== 'SECTION' && tag !== 'ASIDE' && tag !== 'FOOTER' && tag !== 'P' && tag !== 'ADDRESS') return false;
  const words = hintWordsOf(el, stats);
  if (!words.some((w) => AUTHOR_WORDS.has(w))) return false;
  // "entry-author-bio" is a bio all the same: the bio word outweighs the post's prefix.
  if (words.some((w) => NOT_BIO_WORDS.has(w)) && !words.some((w) => BIO_WORDS.has(w))) return false;
  return !el.querySelector(CONTENT_SELECTOR);
}

/** The small words of a credit line; what is left besides them are names (capitalised) and punctuation. */
const CREDIT_WORDS = new Set([
  'additional', 'reporting', 'writing', 'editing', 'by', 'and', 'in', 'from', 'with', 'at', 'of', 'the', 'contributed',
  'to', 'this', 'report', 'story', 'article', 'writers', 'writer', 'staff', 'correspondent', 'correspondents', 'also',
]);

/** "Additional reporting by Lee Okonkwo in Hanoi; editing by …": a credit line is names and credit words only. */
function isCreditLine(text: string): boolean {
  if (text.length > 240 || !CREDIT_LINE.test(text)) return false;
  const other = (text.match(LOWER_WORD.re) ?? []).filter((w) => !CREDIT_WORDS.has(w.toLowerCase()));
  return other.length <= 2;
}

/** A subscription pitch opens with the call and names a price ("Get … delivered … 12 issues for £11.99"). */
const PITCH_LEAD = /^(?:get (?:\S+ ){0,6}?(?:delivered|access|unlimited)\b|subscribe\b|sign up\b|become a (?:member|subscriber)\b|jetzt (?:abonnieren|testen)\b|abonnieren sie\b|abonnez-vous\b|suscr[ií]bete\b|assine\b|abbonati\b)/i;
const PRICE = /[£$€¥₹]\s?\d|\d(?:[.,]\d+)?\s?[€£$]|\b(?:rs\.?|inr|usd|eur|gbp|chf)\s?\d/i;

/** More short lines with a price than this in one article are its content (a page of deals): its pitches stay. */
export const MAX_PITCHES = 2;

function isPitch(text: string): boolean {
  return PITCH_LEAD.test(text) && PRICE.test(text);
}

function isEndLine(text: string): boolean {
  if (isCreditLine(text)) return true;
  const lower = text.toLowerCase();
  if (NOTICE_WORDS.some((word) => lower.includes(word)) && NOTICE_LINE.test(lower)) return true;
  return CONTACT_LEAD.test(text) && EMAIL_OR_HANDLE.test(text);
}

const LINE_TAGS = new Set(['P', 'DIV', 'SPAN', 'EM', 'I', 'STRONG', 'B', 'SMALL', 'SECTION', 'ASIDE', 'FOOTER', 'LI', 'H4', 'H5', 'H6']);

export function removeEndMatter(root: Element, ctx: StepContext, byline: string | null = null): number {
  const stats = statsOf(root, ctx);
  const total = stats.chars.get(root) ?? 0;
  if (total === 0) return 0;
  const doomed: Element[] = [];
  const pitches: Element[] = [];
  const lists: Element[] = [];
  let priced = 0;
  let doomedChars = 0;
  const drop = (el: Element): void => {
    if (doomed.some((d) => d.contains(el))) return;
    doomed.push(el);
    doomedChars += stats.chars.get(el) ?? 0;
  };
  const visit = (el: Element): void => {
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      const chars = stats.chars.get(child) ?? 0;
      if (chars === 0) continue;
      const tag = child.tagName.toUpperCase();
      if (tag === 'UL' || tag === 'OL') lists.push(child);
      let hit = chars < total && isAuthorBox(child, chars, stats);
      // A line: a short block with no block inside it (its text is read only then).
      const line = chars <= MAX_LINE_CHARS || (chars <= MAX_LINKED_LINE_CHARS && linkDensity(stats, child) >= LINKED_LINE_DENSITY);
      if (!hit && line && LINE_TAGS.has(tag) && !child.querySelector('p, div, li, ul, ol, table, figure, blockquote')) {
        const text = textOf(child, stats);
        if (PRICE.test(text)) priced++;
        hit = isEndLine(text);
        if (!hit && isPitch(text)) {
          pitches.push(child);
          continue;
        }
      }
      if (hit) drop(child);
      else visit(child);
    }
  };
  visit(root);
  if (priced <= MAX_PITCHES) pitches.forEach(drop);
  trailingBio(root, stats, byline, new Set(doomed)).forEach(drop);
  trailingRelated(root, stats, ctx.baseUrl, lists, new Set(doomed)).forEach(drop);
  const wall = trailingWall(root, stats, new Set(doomed));
  if (wall) drop(wall);
  const teaser = trailingTeaser(root, stats, ctx.baseUrl, new Set(doomed));
  if (teaser) drop(teaser);
  trailingContact(root, stats, new Set(doomed)).forEach(drop);
  trailingLabels(root, stats, new Set(doomed)).forEach(drop);
  return removeWithinShare(doomed, doomedChars, stats);
}
