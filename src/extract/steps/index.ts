/**
 * The pipeline's steps as one table, in order: each has a name (its switch, `steps: { name: false }`, its entry in
 * `article.removed`, its lap in the bench's profile) and a `run` that returns how many things it removed (or, for
 * lazyImages, absoluteUrls and lostPhotos, rewrote or put back). Readability itself runs between the two stages and
 * is not a step: it cannot be switched off. ARCHITECTURE.md gives the reason for each position.
 */
import type { StepContext } from '../context';
import type { ReadabilityOutput } from '../readability/adapter';
import { absolutizeUrls } from './absolute-urls';
import { removeBoilerplate } from './boilerplate';
import { cleanCaptions } from './captions';
import { flattenSocialEmbeds, replaceEmbeds } from './embeds';
import { removeEndMatter } from './end-matter';
import { removeHeaderEcho } from './header-echo';
import { fixLazyImages } from './lazy-images';
import { unifyMath } from './math';
import { removePermalinks } from './permalinks';
import { normalizeCode } from './code';
import { settleControls } from './controls';
import { notePhotos, restorePhotos, type NotedPhoto } from './lost-photos';
import { removeSiteNav } from './site-nav';
import { removeTeasers } from './teasers';

/** What the steps share in one extraction: the copy's context, then Readability's article. */
export interface Pass {
  ctx: StepContext;
  /** Photos noted on the copy before Readability, put back after it (lostPhotos). */
  photos: NotedPhoto[];
  /** Readability's result: set before the `article` stage runs. */
  article?: ReadabilityOutput;
}

export interface Step<Name extends string = string> {
  name: Name;
  /** `copy`: on the page copy, before Readability. `article`: on the article Readability returned. */
  stage: 'copy' | 'article';
  /** The profile's lap name, when a step runs in both stages. */
  lap?: string;
  run(pass: Pass, root: HTMLElement): number;
}

/** The article stage's root: Readability's article element. */
function articleOf(pass: Pass): ReadabilityOutput {
  if (!pass.article) throw new Error('an article step ran before Readability');
  return pass.article;
}

export const STEPS = [
  // Before Readability: it drops formulas in a wrapper whose class reads as a menu, reads images by their src and drops
  // lazy placeholders, and drops some photos' captions.
  { name: 'math', stage: 'copy', run: (p, root) => unifyMath(root, p.ctx) },
  // Before Readability, which drops a short heading beside its "[edit]" link.
  { name: 'permalinks', stage: 'copy', run: (p, root) => removePermalinks(root, p.ctx) },
  // Before Readability, which reads a line-number gutter as a layout table and SyntaxHighlighter's lines as paragraphs.
  { name: 'code', stage: 'copy', run: (p, root) => normalizeCode(root) },
  { name: 'controls', stage: 'copy', run: (p, root) => settleControls(root) },
  // Readability drops a social post's link-heavy boxes and keeps only players' frames, which the article stage turns into cards.
  { name: 'embeds', stage: 'copy', lap: 'socialEmbeds', run: (p, root) => flattenSocialEmbeds(root) },
  { name: 'lazyImages', stage: 'copy', run: (p) => fixLazyImages(p.ctx) },
  { name: 'lostPhotos', stage: 'copy', lap: 'notePhotos', run: (p) => ((p.photos = notePhotos(p.ctx)), 0) },
  // After it, on the article.
  { name: 'lostPhotos', stage: 'article', run: (p, root) => restorePhotos(root, p.photos) },
  { name: 'embeds', stage: 'article', run: (p, root) => replaceEmbeds(root, p.ctx) },
  { name: 'absoluteUrls', stage: 'article', run: (p, root) => absolutizeUrls(root, p.ctx) },
  { name: 'captions', stage: 'article', run: (p, root) => cleanCaptions(root, p.ctx) },
  { name: 'siteNav', stage: 'article', run: (p, root) => removeSiteNav(root, p.ctx) },
  { name: 'teasers', stage: 'article', run: (p, root) => removeTeasers(root, p.ctx) },
  { name: 'boilerplate', stage: 'article', run: (p, root) => removeBoilerplate(root, p.ctx) },
  { name: 'endMatter', stage: 'article', run: (p, root) => removeEndMatter(root, p.ctx, articleOf(p).byline) },
  {
    name: 'headerEcho',
    stage: 'article',
    run: (p, root) => {
      const a = articleOf(p);
      return removeHeaderEcho(root, { title: a.title, byline: a.byline, published: a.publishedTime });
    },
  },
] as const satisfies readonly Step[];

/** The steps' names, in order, each once: the switches. */
export type StepName = (typeof STEPS)[number]['name'];
export const STEP_NAMES: readonly StepName[] = [...new Set(STEPS.map((s) => s.name))];
/** STEPS, each as a Step: what the pipeline walks. */
export const PIPELINE: readonly Step<StepName>[] = STEPS;

/** A `removed` record with every step at 0. */
export function noneRemoved(): Record<StepName, number> {
  return Object.fromEntries(STEP_NAMES.map((name) => [name, 0])) as Record<StepName, number>;
}
