/**
 * What the two Firefox e2e files (firefox.test.ts over BiDi, firefox-keys.test.ts with real keys under Xvfb) share:
 * the NPR-style fixture's photos read from the page, a snapshot of a reader view read in its own document, the
 * "each caption once" assertions popup.test.ts makes in Chromium, and finding tabs and Lectern's logged errors.
 */
import { expect } from 'vitest';
import type { LecternFirefox } from '../../scripts/lib/firefox';
import { occurrences, WIDGET_WORDS } from './support';

export const NPR = 'captions-npr-toggle';

export interface Photo {
  caption: string;
  credit: string;
}

export interface ReaderSnapshot {
  loaded: boolean;
  failure: string | null;
  h1: string | null;
  text: string;
  figures: Array<{ text: string; imgs: number; figcaptions: number }>;
  alts: string[];
  /** The view's own address: the real popup has no `?tabId=` (it reads its window's active tab). */
  search: string;
}

/**
 * What a reader view shows, read in the view's own document (popup or sidebar). Plain JS: it runs in Firefox.
 * Text is `textContent`, not `innerText`: the reader's CSS may upper-case a credit, and hidden copies must count too.
 */
export const SNAPSHOT = `(doc) => {
  const main = doc.querySelector('main');
  return {
    loaded: !!doc.querySelector('.lectern-reader, .lectern-status--failure'),
    failure: doc.querySelector('.lectern-status--failure')?.textContent ?? null,
    h1: doc.querySelector('h1')?.textContent?.trim() ?? null,
    text: main ? main.textContent : '',
    figures: Array.from(doc.querySelectorAll('.lectern-reader__body figure'), (f) => ({
      text: f.textContent, imgs: f.querySelectorAll('img').length, figcaptions: f.querySelectorAll('figcaption').length,
    })),
    alts: Array.from(doc.querySelectorAll('.lectern-reader__body img'), (i) => i.getAttribute('alt') ?? ''),
    search: doc.location.search,
  };
}`;

/** Each photo's caption and credit on the NPR-style fixture, read from the page itself (as in popup.test.ts). */
export function fixturePhotos(ff: LecternFirefox, pageContext: string): Promise<Photo[]> {
  return ff.evaluate<Photo[]>(pageContext, `Array.from(document.querySelectorAll('.bucketwrap.image'), (photo) => {
    const caption = photo.querySelector('.credit-caption .caption p');
    const own = Array.from(caption?.childNodes ?? []).filter((n) => n.nodeType === Node.TEXT_NODE);
    return {
      caption: own.map((n) => n.textContent).join(' ').replace(/\\s+/g, ' ').trim(),
      credit: (photo.querySelector('.credit-caption .credit')?.textContent ?? '').trim(),
    };
  })`);
}

/** The assertions popup.test.ts makes on Chromium's popup, for any reader view in Firefox. */
export function expectEachCaptionOnce(view: ReaderSnapshot, photos: Photo[], pageTitle: string): void {
  expect(view.failure).toBeNull();
  expect(view.h1).toBe(pageTitle);
  expect(view.figures).toHaveLength(photos.length);
  for (const [i, { caption, credit }] of photos.entries()) {
    expect(occurrences(view.text, caption), caption).toBe(1);
    const figure = view.figures[i]!;
    expect(occurrences(figure.text, caption), `figure ${i} caption`).toBe(1);
    expect(occurrences(figure.text, credit), `figure ${i} credit`).toBe(1);
    expect(figure.imgs, `figure ${i} image`).toBe(1);
    expect(figure.figcaptions, `figure ${i} figcaption`).toBe(1);
  }
  for (const credit of new Set(photos.map((p) => p.credit))) {
    expect(occurrences(view.text, credit)).toBe(photos.filter((p) => p.credit === credit).length);
  }
  for (const word of WIDGET_WORDS) expect(view.text).not.toMatch(word);
  for (const alt of view.alts) expect(alt).not.toMatch(/gettyimages|\.jpg|[0-9a-f]{20}/i);
}

/** Firefox's top-level browsing contexts (tabs), as BiDi lists them. */
export async function contexts(ff: LecternFirefox): Promise<Array<{ context: string; url: string }>> {
  return (await ff.bidi.send<{ contexts: Array<{ context: string; url: string }> }>('browsingContext.getTree', { maxDepth: 0 })).contexts;
}

/** Uncaught errors and rejections in Lectern's pages and background, as Firefox prints them. */
export function extensionErrors(ff: LecternFirefox | undefined): string[] {
  return (ff?.log.join('') ?? '').split('\n').filter((line) => /^JavaScript error: moz-extension:\/\//.test(line));
}
