/** The reader for one surface. Popup and side panel render this same tree; they differ by the `surface` prop only. */
import { useLayoutEffect, useMemo } from 'preact/hooks';
import type { Surface } from '../shared/protocol';
import { ReaderView } from './components/ReaderView';
import { usePanelReader, usePopupReader, type ReaderSource } from './reader-source';
import { createStore, StoreContext } from './store';

export interface Props {
  surface: Surface;
}

export function ReaderApp({ surface }: Props) {
  // The surface never changes for a page, so the same hook runs on every render.
  const { view, actions }: ReaderSource = surface === 'popup' ? usePopupReader() : usePanelReader();
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
