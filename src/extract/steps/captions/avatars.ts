/**
 * Author pictures: the small portrait beside a byline (`data-testid="authorPhoto"`, `class="avatar"`, a 44-pixel
 * headshot linking to the writer's profile) is not one of the article's photos. An image goes when it is declared
 * small in both dimensions and it, or one of its near ancestors, is named as an author's picture. Small images in
 * running text (an emoji, an icon in a sentence) are not named so and stay.
 */
import { squash } from '../../text';
import { declaredSize } from './image-identity';

/** Declared size (CSS pixels) up to which an image may be a byline portrait. */
const MAX_AVATAR_PX = 96;
/** Ancestors looked at for a name (a link, a wrapper, the byline block). */
const MAX_LEVELS = 3;
const AVATAR_NAME = /avatar|author|profile|byline|headshot|gravatar|contributor|writer/i;

function named(el: Element): boolean {
  for (const attr of ['class', 'id', 'data-testid', 'itemprop', 'rel']) {
    const value = el.getAttribute(attr);
    if (value && AVATAR_NAME.test(value)) return true;
  }
  return false;
}

export function removeAvatars(root: Element): number {
  let removed = 0;
  // Only images declared small are asked about; a static list, read by index.
  const imgs = root.querySelectorAll('img[width][height]');
  for (let i = 0; i < imgs.length; i++) {
    const img = imgs[i] as Element;
    const w = declaredSize(img, 'width');
    const h = declaredSize(img, 'height');
    if (!(w <= MAX_AVATAR_PX && h <= MAX_AVATAR_PX)) continue;
    let isAvatar = named(img);
    for (let el = img.parentElement, n = 0; !isAvatar && el && el !== root && n < MAX_LEVELS; el = el.parentElement, n++) {
      if (named(el) || (el.tagName === 'A' && /\/(?:@|author|authors|people|profile|staff|user)s?[/\w.-]*/i.test(el.getAttribute('href') ?? ''))) isAvatar = true;
    }
    if (!isAvatar) continue;
    // The picture goes, and with it a wrapper left holding nothing to read.
    let gone: Element = img;
    while (gone.parentElement && gone.parentElement !== root && !squash(gone.parentElement.textContent) && gone.parentElement.getElementsByTagName('img').length === 1) gone = gone.parentElement;
    gone.remove();
    removed++;
  }
  return removed;
}
