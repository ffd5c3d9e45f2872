/** The reader for one surface. Popup, side panel and reader tab render this same tree; they differ by `surface` only. */
import { useLayoutEffect, useMemo } from 'preact/hooks';
import type { Surface } from '../shared/protocol';
import { ReaderView } from './components/ReaderView';
import { usePanelReader, usePopupReader, useTabReader, type ReaderSource } from './reader-source';
import { uiDirection, uiLanguage } from './i18n';
import { createStore, StoreContext } from './store';
import { stamp } from './trace';

// The bench's stamp (E2E builds only): the view's code has loaded and is about to render.
stamp('ui:main');

export interface Props {
  surface: Surface;
}

export function ReaderApp({ surface }: Props) {
  // Each surface's source is a hook: one component per surface, so every render of one calls the same hooks.
  return surface === 'popup' ? <PopupReader /> : surface === 'tab' ? <TabReader /> : <PanelReader />;
}

function TabReader() {
  return <Reader surface="tab" source={useTabReader()} />;
}

function PopupReader() {
  return <Reader surface="popup" source={usePopupReader()} />;
}

function PanelReader() {
  return <Reader surface="sidepanel" source={usePanelReader()} />;
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
