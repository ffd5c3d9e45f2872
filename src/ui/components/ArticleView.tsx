/** An article: the sticky bar (progress, toolbar, the open panel), then the header and the body. */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { siteOf } from '../../shared/sites';
import { syncBarHeight } from '../bar';
import { t } from '../i18n';
import type { Article } from '../../extract/types';
import { stamp } from '../trace';
import { sanitizeHtml } from '../sanitize';
import { useStore } from '../store';
import { buildToc, TOC_MIN_ENTRIES } from '../toc';
import { ArticleBody } from './ArticleBody';
import { ArticleHeader } from './ArticleHeader';
import { ProgressBar } from './ProgressBar';
import { lazy } from './lazy';
import { Toc } from './Toc';
import { Toolbar } from './Toolbar';

export interface Props {
  article: Article;
  onOpenInSidePanel?: () => void;
  onOpenInTab?: () => void;
  onOpenOriginal?: () => void;
}

export function ArticleView({ article, onOpenInSidePanel, onOpenInTab, onOpenOriginal }: Props) {
  const store = useStore();
  const { panel, surface } = store;
  const [help, setHelp] = useState(false);
  const tab = surface === 'tab';
  // The article's site decides which settings apply (its own, if pinned), before the article's first paint. Kept
  // while the next page loads: a side panel moving within a site does not flash the global theme.
  useLayoutEffect(() => {
    store.site.value = siteOf(article.url);
  }, [store, article.url]);
  // A reader tab is named after its article (the tab strip, history, bookmarks).
  useEffect(() => {
    if (tab) document.title = article.title;
  }, [tab, article.title]);
  const body = useRef<HTMLDivElement>(null);
  // Sanitized here, once: the one place that renders article HTML (the extracted content comes from the page).
  const html = useMemo(() => {
    stamp('ui:sanitize-start');
    const clean = sanitizeHtml(article.content, window).html;
    stamp('ui:sanitize-end');
    return clean;
  }, [article.content]);
  const toc = useMemo(() => buildToc(html), [html]);
  // Set by ArticleExtras while the view is at a resumed position.
  const [startOver, setStartOver] = useState<(() => void) | null>(null);
  const onResumed = useCallback((again: (() => void) | null) => setStartOver(() => again), []);
  const hasToc = toc.length >= TOC_MIN_ENTRIES;
  const close = (): void => {
    panel.value = null;
  };
  // The sticky bar's height, for where a heading scrolled to lands (reader.css, scroll-margin-top).
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = bar.current;
    if (!el || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => syncBarHeight());
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <>
      <div
        ref={bar}
        class="lectern-bar"
        onKeyDown={(e) => {
          if (e.key === 'Escape' && panel.value) close();
        }}
      >
        <ProgressBar />
        <Toolbar hasToc={hasToc} onOpenInSidePanel={onOpenInSidePanel} onOpenInTab={onOpenInTab} onPrint={tab ? () => window.print() : undefined} />
        {panel.value === 'settings' && <SettingsPanel />}
        {panel.value === 'toc' && hasToc && <Toc entries={toc} body={body} onChosen={close} />}
        <ArticleExtras
          body={body}
          html={html}
          url={article.url}
          lang={article.lang}
          hasToc={hasToc}
          help={help}
          setHelp={setHelp}
          onResumed={onResumed}
        />
        {panel.value === 'save' && <SavePanel article={article} html={html} onPrint={() => window.print()} />}
      </div>
      {tab && hasToc && (
        // A wide reader tab shows the contents beside the article (CSS hides this aside on narrow windows).
        <aside class="lectern-aside">
          <Toc entries={toc} body={body} aside />
        </aside>
      )}
      {help && <KeysHelp onClose={() => setHelp(false)} />}
      <article class="lectern-reader" lang={article.lang ?? undefined} dir={article.dir ?? 'auto'}>
        {startOver && (
          <p class="lectern-notice lectern-resumed" role="status">
            {t('resumedNotice')}{' '}
            <button
              type="button"
              class="lectern-link-button"
              onClick={() => {
                startOver();
                setStartOver(null);
              }}
            >{t('startOver')}</button>
          </p>
        )}
        {article.weak && (
          <p class="lectern-notice" role="note">
            {t('weakNotice')}
          </p>
        )}
        <ArticleHeader article={article} onOpenOriginal={onOpenOriginal} />
        <ArticleBody html={html} bodyRef={body} />
      </article>
    </>
  );
}

// Loaded when first opened (lazy.tsx): what the first paint does not need.
const SettingsPanel = lazy(() => import('./SettingsPanel').then((m) => m.SettingsPanel), 'lectern-panel-settings');
// Read aloud, resume and the reading keys: loaded at once after the first paint; a busy Listen panel until then.
const ArticleExtras = lazy(() => import('./ArticleExtras').then((m) => m.ArticleExtras), ListenPlaceholder);

function ListenPlaceholder() {
  return useStore().panel.value === 'speech' ? <div class="lectern-panel" id="lectern-panel-speech" aria-busy="true" /> : null;
}
const SavePanel = lazy(() => import('./SavePanel').then((m) => m.SavePanel), 'lectern-panel-save');
const KeysHelp = lazy(() => import('./KeysHelp').then((m) => m.KeysHelp));
