/** The reader for one surface. Popup and side panel render this same tree; they differ by the `surface` prop only. */
import { useEffect, useMemo } from 'preact/hooks';
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
  useEffect(() => {
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
