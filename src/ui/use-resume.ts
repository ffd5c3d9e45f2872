/**
 * Resume where the reader left off: the article's saved position (shared/positions.ts) is restored once when it
 * opens, in any surface, and the position is saved as the reader scrolls. `startOver` goes back to the top and
 * forgets it. Off when the `resume` setting is.
 */
import type { RefObject } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { forgetPosition, getPosition, savePosition } from '../shared/positions';
import { scrollProgress } from './components/ProgressBar';
import { TOC_HEADINGS } from './toc';
import { scroller } from './scroll';

/** Below this, a position is the top of the article: nothing to resume. */
const MIN_FRACTION = 0.02;
/** When no frame comes (a tab not drawn yet), restore after this long anyway. */
const RESTORE_FALLBACK_MS = 100;
/** Save this long after the last scroll: a popup may close soon after (it gets no reliable unload). */
const SAVE_AFTER_MS = 200;


/** The text of the last heading above the top of the view. */
function headingAbove(body: HTMLElement | null): string | null {
  if (!body) return null;
  let found: string | null = null;
  const headings = body.querySelectorAll(TOC_HEADINGS);
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i] as Element;
    if (h.getBoundingClientRect().top > 80) break;
    found = (h.textContent ?? '').replace(/\s+/g, ' ').trim() || found;
  }
  return found;
}

export function useResume(url: string, body: RefObject<HTMLElement>, enabled: boolean): { resumed: boolean; startOver: () => void } {
  const [resumed, setResumed] = useState(false);

  useEffect(() => {
    if (!enabled) return undefined;
    let cancelled = false;
    void getPosition(url).then((position) => {
      if (cancelled || !position || position.fraction < MIN_FRACTION) return;
      // At the next frame, once the article is laid out; a tab the browser does not draw yet gets no frames, so a
      // timer stands in.
      let done = false;
      const restore = (): void => {
        if (cancelled || done) return;
        done = true;
        const el = scroller();
        el.scrollTop = position.fraction * (el.scrollHeight - el.clientHeight);
        setResumed(true);
      };
      requestAnimationFrame(restore);
      setTimeout(restore, RESTORE_FALLBACK_MS);
    }, () => undefined);
    return () => {
      cancelled = true;
    };
  }, [url, enabled]);

  useEffect(() => {
    if (!enabled) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = (): void => {
      const el = scroller();
      const fraction = scrollProgress(el.scrollTop, el.scrollHeight, el.clientHeight);
      // An article that fits the view has no position to keep.
      if (el.scrollHeight - el.clientHeight <= 1) return;
      void savePosition(url, { fraction, heading: headingAbove(body.current) }).catch(() => undefined);
    };
    const onScroll = (): void => {
      clearTimeout(timer);
      timer = setTimeout(save, SAVE_AFTER_MS);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('pagehide', save);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('pagehide', save);
    };
  }, [url, enabled, body]);

  const startOver = useCallback(() => {
    scroller().scrollTop = 0;
    setResumed(false);
    void forgetPosition(url).catch(() => undefined);
  }, [url]);

  return { resumed, startOver };
}
