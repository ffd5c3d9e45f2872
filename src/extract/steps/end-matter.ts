/**
 * Step `endMatter` (after `boilerplate`, before `headerEcho`): what a site prints around the story about the story
 * rather than as part of it:
 * - author boxes: a box named author / bio / contributor (class or id words) that is short (a name, a line
 *   about the writer, links to follow them);
 * - contact lines: "Email Jane Doe at jdoe@example.com or follow her @jdoe", "Write to X at …", "Reach the reporter
 *   at …", "Have a tip? …" (a line that starts so and gives an address or handle);
 * - reporting credits: "Additional reporting by …", "… contributed to this report." (the header shows the byline);
 * - notices: affiliate disclosures, reuse and citation notices ("This document is subject to copyright", "Citation:
 *   … retrieved … from"), cookie notices and invitations to the site's forums.
 *
 * Each text rule needs the whole short block to be that line; a sentence about e-mail or copyright in the body is
 * longer and says more. Generic: text patterns and class / id words, never a host. Cheap: one walk measures text
 * (block-stats.ts), text is only read from short leaf blocks. Nothing is removed when it would take more than half
 * the text.
 */
import type { StepContext } from '../context';
import { CONTENT_SELECTOR, hintWordsOf, removeWithinShare, statsOf, textOf, type TextStats } from './block-stats';

/** A box named author / bio with more text than this is not an author box. */
export const MAX_AUTHOR_BOX_CHARS = 700;
/** Text rules only read blocks up to this many characters (whitespace not counted). */
export const MAX_LINE_CHARS = 320;

const AUTHOR_WORDS = new Set(['author', 'authors', 'bio', 'bios', 'contributor', 'contributors', 'biography']);
/** Words that, next to `author`, name something else: a list of posts by the author is a teaser, not a bio. */
const NOT_BIO_WORDS = new Set(['content', 'body', 'text', 'article', 'post', 'entry', 'story']);

const EMAIL_OR_HANDLE = /[\w.+-]+@[\w-]+\.[\w.]+|(?:^|\s)@\w{2,}|\btwitter\.com\/\w+|\bon (?:twitter|x|facebook|instagram|threads|bluesky)\b/i;
const CONTACT_LEAD = /^(?:e-?mail|write to|reach|contact|follow|you can (?:reach|follow|contact|e-?mail)|(?:have|got) a (?:news )?tip\b)/i;
const CREDIT_LINE = /^(?:additional |with )?(?:reporting|writing|editing) by\b|\bcontributed (?:reporting|to this (?:report|story|article))\b/i;
const NOTICE_LINE = new RegExp(
  [
    // Affiliate and sponsorship disclosures.
    String.raw`\b(?:may|might|will|could) (?:earn|receive|get|collect) (?:an? )?(?:small )?(?:affiliate )?(?:commission|share of (?:the )?sales|compensation)\b`,
    String.raw`\b(?:contains?|includes?|uses?) (?:affiliate|referral)(?: and\/or (?:affiliate|referral))? links?\b`,
    // Reuse and citation notices.
    String.raw`\bsubject to copyright\b.*\b(?:reproduced|permission)\b`,
    String.raw`^citation: .*\bretrieved\b`,
    // Cookie notices and forum invitations.
    String.raw`\b(?:this (?:web)?site|we) uses? cookies\b`,
    String.raw`^join (?:our|the) .{0,40}\b(?:forums?|community|discussion)\b`,
  ].join('|'),
  'i',
);

function isAuthorBox(el: Element, chars: number, stats: TextStats): boolean {
  if (chars > MAX_AUTHOR_BOX_CHARS) return false;
  const tag = el.tagName.toUpperCase();
  if (tag !== 'DIV' && tag !== 'SECTION' && tag !== 'ASIDE' && tag !== 'FOOTER' && tag !== 'P' && tag !== 'ADDRESS') return false;
  const words = hintWordsOf(el, stats);
  if (!words.some((w) => AUTHOR_WORDS.has(w)) || words.some((w) => NOT_BIO_WORDS.has(w))) return false;
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
  const other = (text.match(/(?<![\p{L}’'])\p{Ll}[\p{L}’']*/gu) ?? []).filter((w) => !CREDIT_WORDS.has(w.toLowerCase()));
  return other.length <= 2;
}

function isEndLine(text: string): boolean {
  if (isCreditLine(text) || NOTICE_LINE.test(text)) return true;
  return CONTACT_LEAD.test(text) && EMAIL_OR_HANDLE.test(text);
}

const LINE_TAGS = new Set(['P', 'DIV', 'SPAN', 'EM', 'I', 'STRONG', 'B', 'SMALL', 'SECTION', 'ASIDE', 'FOOTER', 'LI', 'H4', 'H5', 'H6']);

export function removeEndMatter(root: Element, ctx: StepContext): number {
  const stats = statsOf(root, ctx);
  const total = stats.chars.get(root) ?? 0;
  if (total === 0) return 0;
  const doomed: Element[] = [];
  let doomedChars = 0;
  const visit = (el: Element): void => {
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      const chars = stats.chars.get(child) ?? 0;
      if (chars === 0) continue;
      let hit = chars < total && isAuthorBox(child, chars, stats);
      // A line: a short block with no block inside it (its text is read only then).
      if (!hit && chars <= MAX_LINE_CHARS && LINE_TAGS.has(child.tagName.toUpperCase()) && !child.querySelector('p, div, li, ul, ol, table, figure, blockquote')) {
        hit = isEndLine(textOf(child, stats));
      }
      if (hit) {
        doomed.push(child);
        doomedChars += chars;
      } else visit(child);
    }
  };
  visit(root);
  return removeWithinShare(doomed, doomedChars, stats);
}
