/**
 * Fidelity (#25): every fixture under tests/pages/fidelity--<renderer>/ is a real renderer's output (KaTeX, MathJax 2
 * and 3, Wikipedia's math, page MathML, Pygments, Rouge, highlight.js, Prism, Shiki, SyntaxHighlighter, video and
 * social embeds, Sphinx, MkDocs Material, GitHub READMEs) in an article. After the whole pipeline and the view's
 * sanitizer, what its `expect.json` says a reader must see is there: each formula once as MathML, each code block's
 * exact text in one <pre><code> with its language, a link for each embed, titles of notes, no permalink marks.
 */
import { describe, expect, it } from 'vitest';
import { extractPage, viewDom } from '../support/dom';
import { FIDELITY_SLUGS, fidelityExpectation, fidelityProblems, shownOf } from '../support/fidelity';

const SLUGS = FIDELITY_SLUGS();

describe('fidelity fixtures', () => {
  it('cover every renderer the issue names', () => {
    for (const renderer of ['katex', 'mathjax2', 'mathjax3', 'wikipedia-math', 'mathml', 'pygments', 'rouge', 'highlightjs', 'prism', 'shiki', 'syntaxhighlighter', 'video-embeds', 'social-embeds', 'sphinx', 'mkdocs-material', 'github-readme']) {
      expect(SLUGS, renderer).toContain(`fidelity--${renderer}`);
    }
  });

  it.each(SLUGS)('%s: the reader sees it whole and once', (slug) => {
    const result = extractPage(slug);
    if (!result.ok) throw new Error(`${slug}: ${result.reason} ${result.message}`);
    const problems = fidelityProblems(shownOf(viewDom(result.article.content), result.article.title), fidelityExpectation(slug));
    expect(problems).toEqual([]);
  });
});
