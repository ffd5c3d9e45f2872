/**
 * Fidelity checks (#25): what a reader must see of formulas, code, embeds and docs-page markup, read from an
 * article's DOM as it is shown. Every fixture under tests/pages/fidelity--<renderer>/ says in its `expect.json`:
 *   pattern      the renderer, its version and the markup shape it emits (one or two sentences)
 *   present      prose that must appear; absent: text that must not (TeX source, gutter and button words, "¶")
 *   once         texts that must appear exactly once (an embed's caption)
 *   formulas     every formula, in order: its MathML text without white space, and whether it is a block
 *   code         every code block, in order: its exact text and the language the page states (null: none)
 *   links        links that must be there: exact href, and words of their text
 *   elements     how many of these elements the article keeps (kbd, abbr, dl, sub, sup)
 *   headings     the h2..h6 texts, in order, without permalink marks
 *   admonitions  each note/warning box: its title, then the start of its body, as a reader reads them
 * The same checks run on the unit pipeline (jsdom), in the real reader (Chromium, firefox-esr) and in the bench's
 * fidelity section for every engine; `fidelityProblems` returns what is wrong, in sentences, or nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blockText } from '../../src/extract/text';
import { countOccurrences, fixtureSlugs, PAGES } from './dom';

export interface FidelityExpectation {
  pattern: string;
  present?: string[];
  absent?: string[];
  once?: string[];
  formulas?: { text: string; display: boolean }[];
  code?: { text: string; lang: string | null }[];
  links?: { href: string; text: string }[];
  elements?: Record<string, number>;
  headings?: string[];
  admonitions?: { title: string; text: string }[];
}

export const FIDELITY_SLUGS = (): string[] => fixtureSlugs().filter((slug) => slug.startsWith('fidelity--'));

export function fidelityExpectation(slug: string): FidelityExpectation {
  return JSON.parse(readFileSync(join(PAGES, slug, 'expect.json'), 'utf8')) as FidelityExpectation;
}

/** Text without any white space: how formulas are compared (renderers space MathML differently). */
export function compact(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, '');
}

/** Whitespace folded: how prose is compared. */
function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}


/** A formula's text as shown: its MathML without the `annotation` a renderer keeps its source in. */
export function formulaText(math: Element): string {
  const copy = math.cloneNode(true) as Element;
  for (const a of Array.from(copy.querySelectorAll('annotation, annotation-xml'))) a.remove();
  return compact(copy.textContent);
}

/** The language an engine kept on a code block: Lectern's `data-lang`, or a `language-*`/`lang-*` class. */
export function codeLanguage(pre: Element): string | null {
  for (const el of [pre, pre.querySelector(':scope > code')]) {
    if (!el) continue;
    const data = el.getAttribute('data-lang');
    if (data) return data.toLowerCase();
    const cls = /(?:^|\s)(?:language|lang)-([\w+#.-]+)/.exec(el.getAttribute('class') ?? '');
    if (cls?.[1]) return cls[1].toLowerCase();
  }
  return null;
}

/** A code block's text as a reader copies it: the `<pre>`'s text, one final line break aside. */
export function codeText(pre: Element): string {
  return (pre.textContent ?? '').replace(/\n$/, '');
}

export interface Shown {
  /** The article as shown: `root` is its element (or fragment), `text` what a reader reads, block by block. */
  root: ParentNode;
  text: string;
}

/** What a reader sees of `root` (the sanitized article as the view renders it), with the title above it. */
export function shownOf(root: ParentNode & Node, title = ''): Shown {
  return { root, text: fold(`${title}\n${blockText(root)}`) };
}

/** Everything `want` says the reader must see, checked against `shown`; the problems found, as sentences. */
export function fidelityProblems(shown: Shown, want: FidelityExpectation): string[] {
  const problems: string[] = [];
  const { root, text } = shown;
  const lower = text.toLowerCase();
  for (const p of want.present ?? []) if (countOccurrences(text, p) === 0) problems.push(`missing: "${p}"`);
  for (const a of want.absent ?? []) if (lower.includes(fold(a).toLowerCase())) problems.push(`shown though it must not be: "${a}"`);
  for (const o of want.once ?? []) {
    const n = countOccurrences(text, o);
    if (n !== 1) problems.push(`shown ${n} times, not once: "${o}"`);
  }

  if (want.formulas) {
    const maths = Array.from(root.querySelectorAll('math'));
    const got = maths.map(formulaText);
    const expected = want.formulas.map((f) => f.text);
    if (JSON.stringify(got) !== JSON.stringify(expected)) {
      problems.push(`formulas as MathML: got ${JSON.stringify(got)}, want ${JSON.stringify(expected)}`);
    } else {
      want.formulas.forEach((f, i) => {
        const math = maths[i] as Element;
        const block = math.getAttribute('display') === 'block';
        if (block !== f.display) problems.push(`formula ${f.text}: ${f.display ? 'a block' : 'inline'} formula shown ${block ? 'as a block' : 'inline'}`);
        // An inline formula stays in its sentence: its paragraph holds more than the formula.
        const holder = math.parentElement?.closest('p, li, dd, dt, td, th, figcaption, blockquote, h1, h2, h3, h4, h5, h6, div');
        if (!block && holder && compact(holder.textContent) === compact(math.textContent)) problems.push(`formula ${f.text}: an inline formula taken out of its sentence`);
      });
    }
    // Shown once: no formula's text in what surrounds the MathML (a renderer's visual copy, its TeX source, an image's alt).
    const outside = (root as Node).cloneNode(true) as ParentNode;
    for (const m of Array.from(outside.querySelectorAll('math'))) m.remove();
    const rest = compact(blockText(outside));
    for (const f of want.formulas) if (rest.includes(f.text)) problems.push(`formula ${f.text} also shown outside its MathML`);
    for (const img of Array.from(root.querySelectorAll('img[alt]'))) {
      if (/\\[a-z]+|[_^]\{/i.test(img.getAttribute('alt') ?? '')) problems.push(`an image stands for a formula: alt "${img.getAttribute('alt')}"`);
    }
  }

  if (want.code) {
    const pres = Array.from(root.querySelectorAll('pre'));
    const got = pres.map(codeText);
    const expected = want.code.map((c) => c.text);
    if (JSON.stringify(got) !== JSON.stringify(expected)) {
      problems.push(`code blocks: got ${JSON.stringify(got)}, want ${JSON.stringify(expected)}`);
    } else {
      want.code.forEach((c, i) => {
        const pre = pres[i] as Element;
        const code = pre.querySelector(':scope > code');
        if (!code || compact(code.textContent) !== compact(pre.textContent)) problems.push(`code block ${i + 1}: not one <pre><code>`);
        const lang = codeLanguage(pre);
        if (lang !== c.lang) problems.push(`code block ${i + 1}: language ${JSON.stringify(lang)}, want ${JSON.stringify(c.lang)}`);
      });
    }
  }

  for (const link of want.links ?? []) {
    const found = Array.from(root.querySelectorAll('a[href]')).filter((a) => a.getAttribute('href') === link.href);
    if (!found.length) problems.push(`no link to ${link.href}`);
    else if (!found.some((a) => fold(a.textContent ?? '').includes(fold(link.text)))) problems.push(`the link to ${link.href} does not say "${link.text}"`);
  }

  for (const [tag, n] of Object.entries(want.elements ?? {})) {
    const got = root.querySelectorAll(tag).length;
    if (got !== n) problems.push(`${got} <${tag}>, want ${n}`);
  }

  if (want.headings) {
    const got = Array.from(root.querySelectorAll('h2, h3, h4, h5, h6')).map((h) => fold(h.textContent ?? ''));
    if (JSON.stringify(got) !== JSON.stringify(want.headings)) problems.push(`headings: got ${JSON.stringify(got)}, want ${JSON.stringify(want.headings)}`);
  }

  if (want.admonitions) {
    const lines = blockText(root as Element).split('\n').map(fold).filter(Boolean);
    for (const { title, text: body } of want.admonitions) {
      const start = fold(body);
      const ok = lines.some((line, i) => (line === title && (lines[i + 1] ?? '').startsWith(start)) || line.startsWith(`${title} ${start}`) || line.startsWith(`${title}: ${start}`));
      if (!ok) problems.push(`admonition "${title}" is not shown with its title before "${start}"`);
    }
  }
  return problems;
}
