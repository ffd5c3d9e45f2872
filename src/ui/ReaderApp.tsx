/** The reader for one surface. Popup and side panel render this same tree; they differ by the `surface` prop only. */
import type { Surface } from '../shared/protocol';
import { ArticleView } from './components/ArticleView';
import { StatusView } from './components/StatusView';
import { usePanelReader, usePopupReader, type ReaderSource } from './reader-source';

export interface Props {
  surface: Surface;
}

export function ReaderApp({ surface }: Props) {
  // The surface never changes for a page, so the same hook runs on every render.
  const { view, actions }: ReaderSource = surface === 'popup' ? usePopupReader() : usePanelReader();
  return (
    <main class={`lectern lectern--${surface}`} aria-busy={view.phase === 'loading'}>
      {actions.openInSidePanel && view.phase === 'done' && view.result.ok && (
        <nav class="lectern-toolbar" aria-label="Reader">
          <button type="button" class="lectern-toolbar__button" onClick={actions.openInSidePanel}>
            Open in side panel
          </button>
        </nav>
      )}
      {view.phase === 'loading' ? (
        <StatusView kind="loading" />
      ) : view.phase === 'invite' ? (
        <StatusView kind="invite" message={view.message} />
      ) : view.result.ok ? (
        <ArticleView article={view.result.article} />
      ) : (
        <StatusView
          kind="failure"
          reason={view.result.reason}
          message={view.result.message}
          onRetry={actions.retry}
          onForce={actions.force}
        />
      )}
    </main>
  );
}
