/**
 * The reader for one surface. Popup, side panel and reader tab render this same tree; they differ by `surface` and by
 * where the article comes from (`useSource`, the surface's own source in its folder, so each page loads only its own).
 */
import { useLayoutEffect, useMemo } from 'preact/hooks';
import type { Surface } from '../shared/protocol';
import { ReaderView } from './components/ReaderView';
import type { ReaderSource } from './reader-source';
import { uiDirection, uiLanguage } from './i18n';
import { createStore, StoreContext } from './store';
import { stamp } from './trace';

// The bench's stamp (E2E builds only): the view's code has loaded and is about to render.
stamp('ui:main');

export interface Props {
  surface: Surface;
  /** A hook: called once per render, always the same one for a page. */
  useSource: () => ReaderSource;
}

export function ReaderApp({ surface, useSource }: Props) {
  return <Reader surface={surface} source={useSource()} />;
}

function Reader({ surface, source: { view, actions } }: { surface: Surface; source: ReaderSource }) {
  const store = useMemo(() => createStore(surface), [surface]);
  // Before the first paint, so the view never flashes another theme.
  useLayoutEffect(() => {
    // The interface speaks the browser's language, right to left for Arabic and Hebrew (the article keeps its own).
    document.documentElement.lang = uiLanguage();
    document.documentElement.dir = uiDirection();
    const unbind = store.bindTheme(document.documentElement);
    return () => {
      unbind();
      store.dispose();
    };
  }, [store]);
  return (
    <StoreContext.Provider value={store}>
      <ReaderView view={view} actions={actions} />
    </StoreContext.Provider>
  );
}
