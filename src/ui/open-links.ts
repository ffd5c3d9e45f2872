/**
 * Alt+click (Option+click) on a link in the article opens it in Lectern: the link loads in a tab beside this one and a
 * reader tab shows it (background/open-link.ts). The link's site permission is asked for here, inside the reader's
 * click, where the browser can show its prompt; other clicks keep their usual meaning.
 */
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';
import { send } from '../shared/messaging';
import { requestSiteAccess } from '../shared/site-access';
import { siteOf } from '../shared/sites';

/** Whether a click asks to open its link in Lectern. */
export const opensInLectern = (e: MouseEvent): boolean => e.button === 0 && e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey;

/** `waitsHere`: this view stays open while the reader answers the prompt (a side panel, a reader tab; not a popup). */
export function useOpenLinks(body: RefObject<HTMLElement>, waitsHere: boolean): void {
  useEffect(() => {
    const el = body.current;
    if (!el) return undefined;
    const onClick = (e: MouseEvent): void => {
      if (!opensInLectern(e) || !(e.target instanceof Element)) return;
      const link = e.target.closest<HTMLAnchorElement>('a[href]');
      const site = link ? siteOf(link.href) : null;
      if (!link || !site) return;
      e.preventDefault();
      // First, synchronously: the browser shows its prompt only inside the click. Then the link opens, read if the
      // site was allowed, with a sentence in the reader tab if not (open-link.ts). A popup may close when the prompt
      // opens: it sends at once and the background waits for the answer.
      const asked = requestSiteAccess(site);
      if (waitsHere) void asked.then(() => send('open-link', { url: link.href })).catch(() => undefined);
      else void send('open-link', { url: link.href, asking: true }).catch(() => undefined);
    };
    el.addEventListener('click', onClick);
    return () => el.removeEventListener('click', onClick);
  }, [body, waitsHere]);
}
