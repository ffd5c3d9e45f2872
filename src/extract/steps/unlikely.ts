/**
 * Step `unlikely`: remove from the copy, before Readability runs, the blocks its first pass throws away as unlikely
 * candidates, by its own test: class and id words such as `comment`, `sidebar`, `footer`, `related`, `social`
 * (unless `article`, `content`, `main`, ... is there too, or a table or code element is at most four levels up) and
 * the roles `navigation`, `menu`, `complementary`, `dialog`, `alert`. Readability removes them when it reaches them;
 * removed here, it no longer copies, serializes and measures them first. Its output stays the same, so this is kept:
 * - what Readability reads before that pass: `h1`/`h2` (title), `meta`, `title` and JSON-LD scripts, and any block
 *   holding one;
 * - what it tests before the unlikely words: a possible byline (`rel="author"`, `itemprop` author, byline words in the
 *   class or id) and an `h1`/`h2` (a copy of the title), with everything inside them, whose text would change.
 * When the first pass finds too little text, Readability tries again, without removing unlikely blocks, from the page
 * markup it read before that pass: it is then handed the markup of a fresh copy without this step (index.ts,
 * readability.ts `markupBeforeFirstPass`), so such pages come out as before.
 * Returns how many blocks were removed.
 */
import { Readability } from '@mozilla/readability';

/** Readability's own word tests and roles, read from the library so they stay the ones it uses. */
const { REGEXPS, UNLIKELY_ROLES } = Readability.prototype as unknown as {
  REGEXPS: { unlikelyCandidates: RegExp; okMaybeItsACandidate: RegExp; byline: RegExp };
  UNLIKELY_ROLES: readonly string[];
};
const UNLIKELY_WORDS = REGEXPS.unlikelyCandidates;
const MAYBE_CANDIDATE_WORDS = REGEXPS.okMaybeItsACandidate;
const BYLINE_WORDS = REGEXPS.byline;
/** What Readability reads from the whole document before its first pass (title, metadata). */
const READ_BEFORE = 'h1, h2, meta, title, script';
/** Readability's `_hasAncestorTag` looks this many levels up. */
const ANCESTOR_LEVELS = 4;

/** Remove them from the page copy under `html` (its `<html>` element, which in the pipeline stays outside any document). */
export function removeUnlikely(html: Element): number {
  let body: Element | null = null;
  for (let child = html.firstElementChild; child && !body; child = child.nextElementSibling) if (child.tagName === 'BODY') body = child;
  if (!body) return 0;
  const found: Element[] = [];
  const under = new Map<Element, boolean>();
  byWords(body, found, under);
  for (const el of found) el.remove();
  let removed = found.length;
  // Every element with a role, its value then tested as Readability tests it (one attribute test per element is
  // cheaper than a selector of five values).
  const roles = body.querySelectorAll('[role]');
  for (let i = 0; i < roles.length; i++) {
    const el = roles[i] as Element;
    if (UNLIKELY_ROLES.includes(el.getAttribute('role') as string) && el.tagName !== 'A' && body.contains(el) && mayGo(el, body, under)) {
      el.remove();
      removed++;
    }
  }
  return removed;
}

/** The outermost blocks under `body` with unlikely class or id words that may go, in document order. */
function byWords(body: Element, found: Element[], under: Map<Element, boolean>): void {
  // Pages repeat the same class attribute on many elements: each distinct one is tested once.
  const unlikelyClass = new Map<string, boolean>();
  // A walk in document order that does not enter a block once found (it goes whole): asking the browser for every
  // element with a class or id instead hands back those inside found blocks too, each made a JavaScript object.
  let el: Element | null = body.firstElementChild;
  while (el) {
    // Readability tests `className + " " + id`; none of the words holds a space, so each may be tested alone.
    const className = el.className;
    const id = el.id;
    let unlikely = false;
    if (typeof className === 'string' && className !== '') {
      const known = unlikelyClass.get(className);
      unlikely = known ?? UNLIKELY_WORDS.test(className);
      if (known === undefined) unlikelyClass.set(className, unlikely);
    }
    if ((unlikely || (id !== '' && UNLIKELY_WORDS.test(id))) && !MAYBE_CANDIDATE_WORDS.test(`${className} ${id}`)
      && el.tagName !== 'A' && !nearTableOrCode(el) && mayGo(el, body, under)) found.push(el);
    else if (el.firstElementChild) {
      el = el.firstElementChild;
      continue;
    }
    while (el && el !== body && !el.nextElementSibling) el = el.parentElement;
    el = el && el !== body ? el.nextElementSibling : null;
  }
}

/**
 * Neither `el` nor an ancestor up to `top` is read before the unlikely test, and `el` holds nothing read earlier.
 * `under` keeps, per element asked about, whether it or an ancestor up to `top` is read first (removals only take
 * elements out, so the answers for those left stay true).
 */
function mayGo(el: Element, top: Element, under: Map<Element, boolean>): boolean {
  return !readFirstUpTo(el, top, under) && !el.querySelector(READ_BEFORE);
}

function readFirstUpTo(el: Element, top: Element, under: Map<Element, boolean>): boolean {
  let answer = under.get(el);
  if (answer === undefined) {
    const parent = el.parentElement;
    answer = readFirst(el) || (!!parent && parent !== top && readFirstUpTo(parent, top, under));
    under.set(el, answer);
  }
  return answer;
}

/** A possible byline or a heading that may copy the title: Readability tests these before the unlikely words. */
function readFirst(el: Element): boolean {
  const tag = el.tagName;
  return tag === 'H1' || tag === 'H2' || el.getAttribute('rel') === 'author'
    || (el.getAttribute('itemprop') ?? '').includes('author') || BYLINE_WORDS.test(`${el.className} ${el.id}`);
}

function nearTableOrCode(el: Element): boolean {
  let up = el.parentElement;
  for (let i = 0; i < ANCESTOR_LEVELS && up; i++, up = up.parentElement) {
    if (up.tagName === 'TABLE' || up.tagName === 'CODE') return true;
  }
  return false;
}
