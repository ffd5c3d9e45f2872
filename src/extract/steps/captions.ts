/**
 * Step `captions`: one figure per photo, its caption and credit once.
 *
 * 0. Byline portraits (small images named as an author's picture) are not photos and go (captions/avatars.ts).
 * 1. Each photo (images grouped by URL with size variants removed, see image-identity.ts) grows a unit over its
 *    ancestors and neighbours that hold only copies of it, captions, credits, widget words and repeats (photo-unit.ts).
 * 2. The unit becomes one `<figure>` with the image once and one `<figcaption>` holding a `lectern-caption` and a
 *    `lectern-credit` span, each text once (figures.ts). Dedupe is per photo: the same credit under two photos stays.
 * 3. A caption printed again beside a block of photos (a carousel's "active slide" line) goes (captions/echoes.ts).
 * 4. Slideshows whose images are gone: a counter ("1 / 5") marks a small block whose caption copies are kept once.
 * 5. Then, over the whole article: file-name alt text is emptied, and elements whose whole text is a widget label
 *    ("hide caption", "Enlarge this image") or a file name are removed. Body text is otherwise never touched.
 * Returns how many things were removed (images, texts, alt texts).
 */
import type { StepContext } from '../context';
import { isBlock, squash } from '../text';
import { isFileNameText, MAX_FILE_NAME_CHARS } from './captions/filename-alt';
import { rebuildFigure } from './captions/figures';
import { imageKeys } from './captions/image-identity';
import { findUnit } from './captions/photo-unit';
import { removeMeasured, statsOf, textOf } from '../block-stats';
import { withRoleCache } from './captions/roles';
import { cleanSlideshowLeftovers } from './captions/slideshow';
import { removeCaptionEchoes } from './captions/echoes';
import { removeAvatars } from './captions/avatars';
import { isWidgetText, MAX_WIDGET_TEXT_CHARS } from './captions/widget-words';

/** Elements whose text is code or data, never a caption widget or a stray file name. */
const LITERAL_TAGS = new Set(['PRE', 'CODE', 'KBD', 'SAMP', 'TT', 'VAR', 'TABLE', 'MATH']);

export function cleanCaptions(root: Element, ctx: StepContext): number {
  let removed = removeAvatars(root);
  const done = new Set<Element>();
  const imgs = root.querySelectorAll('img');
  for (let i = 0; i < imgs.length; i++) {
    const img = imgs[i] as Element;
    if (done.has(img) || !root.contains(img) || imageKeys(img).size === 0) continue;
    const unit = withRoleCache(() => findUnit(img, root));
    for (const node of unit.nodes) {
      if (node.nodeType !== 1) continue;
      const el = node as Element;
      done.add(el);
      const inner = el.getElementsByTagName('img');
      for (let k = 0; k < inner.length; k++) done.add(inner[k] as Element);
    }
    removed += rebuildFigure(unit.nodes, img, unit.roles);
  }
  const described = root.querySelectorAll('img[alt], img[title]');
  for (let i = 0; i < described.length; i++) {
    const img = described[i] as Element;
    if (isFileNameText(img.getAttribute('alt') ?? '')) {
      img.setAttribute('alt', '');
      removed++;
    }
    if (isFileNameText(img.getAttribute('title') ?? '')) img.removeAttribute('title');
  }
  removed += removeCaptionEchoes(root);
  removed += cleanSlideshowLeftovers(root);
  removed += removeStrayTexts(root, ctx);
  return removed;
}

/** Remove the largest elements whose whole text is a widget label or a file name (and that hold no media). */
function removeStrayTexts(root: Element, ctx: StepContext): number {
  let removed = 0;
  // The article's text measure, taken here once the figures are rebuilt; the removal steps after this one share it.
  const stats = statsOf(root, ctx);
  // Elements holding media, and those that are or hold a photo, found once from the media up (asking each element
  // `querySelector` was quadratic). Nothing this pass removes holds media, so both stay true.
  const holdsMedia = new Set<Element>();
  const photos = new Set<Element>();
  const mediaList = root.querySelectorAll(MEDIA);
  for (let i = 0; i < mediaList.length; i++) {
    const media = mediaList[i] as Element;
    for (let el = media.parentElement; el && el !== root && !holdsMedia.has(el); el = el.parentElement) holdsMedia.add(el);
    if (media.tagName !== 'IMG') continue;
    for (let el: Element | null = media; el && el !== root && !photos.has(el); el = el.parentElement) photos.add(el);
  }
  const visit = (el: Element): void => {
    for (let child = el.firstElementChild, next: Element | null; child; child = next) {
      next = child.nextElementSibling;
      if (LITERAL_TAGS.has(child.tagName)) continue;
      const chars = stats.chars.get(child) ?? 0;
      if (holdsMedia.has(child) || chars > MAX_STRAY_CHARS) {
        visit(child);
        continue;
      }
      // Nothing under an element without visible text can be a stray text.
      if (chars === 0) continue;
      // Longer than any widget label or file name (`chars` counts no white space, and its folded text holds at least
      // those): only a row of gallery controls beside a photo is left to find, so its text is not read.
      if (chars > MAX_LABEL_CHARS && !nextToPhoto(child, photos)) {
        visit(child);
        continue;
      }
      const text = textOf(child, stats);
      if (isWidgetText(text, false) || (isBlock(child) && isFileNameText(text)) || (nextToPhoto(child, photos) && onlyControls(child))) {
        removeMeasured(child, stats);
        removed++;
      } else visit(child);
    }
  };
  visit(root);
  return removed;
}

/** Widget labels, file names and control rows are short (visible characters); longer elements are only searched inside. */
const MAX_STRAY_CHARS = 400;
/** No widget label or file name is longer than this. */
const MAX_LABEL_CHARS = Math.max(MAX_WIDGET_TEXT_CHARS, MAX_FILE_NAME_CHARS);
const MEDIA = 'img, picture, video, audio, iframe, svg, math, pre, code';

/** True when an element sibling on either side shows a photo (is or holds one of `photos`, or is a figure): gallery controls stand there. */
function nextToPhoto(el: Element, photos: ReadonlySet<Element>): boolean {
  const holdsPhoto = (sibling: Element | null): boolean => !!sibling && (photos.has(sibling) || sibling.tagName === 'FIGURE');
  return holdsPhoto(el.previousElementSibling) || holdsPhoto(el.nextElementSibling);
}

/** Every text in `el` is a gallery-control word or counter ("Previous", "2 of 5", "Next"). */
function onlyControls(el: Element): boolean {
  if (isWidgetText(squash(el.textContent), true)) return true;
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1) {
      if (!onlyControls(child as Element)) return false;
    } else if (child.nodeType === 3) {
      const text = squash(child.nodeValue);
      if (text && !isWidgetText(text, true)) return false;
    }
  }
  return true;
}
