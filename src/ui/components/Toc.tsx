/** The table of contents: a link per heading; choosing one scrolls the view to it. */
import type { RefObject } from 'preact';
import { syncBarHeight } from '../bar';
import { t } from '../i18n';
import { headingAt, type TocEntry } from '../toc';

export interface Props {
  entries: TocEntry[];
  /** The rendered article body, where the headings are. */
  body: RefObject<HTMLElement>;
  /** The toolbar's panel closes when a heading is chosen; the reader tab's sidebar stays. */
  onChosen?: () => void;
  /** The sidebar copy in a wide reader tab (not the toolbar's panel). */
  aside?: boolean;
}

export function Toc({ entries, body, onChosen, aside }: Props) {
  return (
    <nav class={aside ? 'lectern-toc lectern-toc--aside' : 'lectern-panel lectern-toc'} id={aside ? undefined : 'lectern-panel-toc'} aria-label={t('toolbarContents')}>
      <ol>
        {entries.map((entry) => (
          <li key={entry.index} class={`lectern-toc__item lectern-toc__item--${entry.level}`}>
            <a
              href={`#lectern-heading-${entry.index}`}
              onClick={(e) => {
                e.preventDefault();
                const heading = body.current && headingAt(body.current, entry.index);
                onChosen?.();
                // After the panel closes, so the bar's height is final when the browser scrolls. Focus follows, so
                // keyboard reading goes on from the heading (tabindex -1: focusable by script, not a tab stop).
                requestAnimationFrame(() => {
                  if (!(heading instanceof HTMLElement)) return;
                  // The panel has just closed: measure the bar as it is now, not as the last resize saw it.
                  syncBarHeight();
                  heading.scrollIntoView({ block: 'start' });
                  heading.tabIndex = -1;
                  heading.focus({ preventScroll: true });
                });
              }}
            >
              {entry.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
