/** The reader for one surface. Popup and side panel render this same tree; they differ by the `surface` prop only. */
import { useLayoutEffect, useMemo } from 'preact/hooks';
import type { Surface } from '../shared/protocol';
import { ReaderView } from './components/ReaderView';
import { usePanelReader, usePopupReader, type ReaderSource } from './reader-source';
import { createStore, StoreContext } from './store';
import { stamp } from './trace';

// The bench's stamp (E2E builds only): the view's code has loaded and is about to render.
stamp('ui:main');

export interface Props {
  surface: Surface;
}

export function ReaderApp({ surface }: Props) {
  // Each surface's source is a hook: one component per surface, so every render of one calls the same hooks.
  return surface === 'popup' ? <PopupReader /> : <PanelReader />;
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
