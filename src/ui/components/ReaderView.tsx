/** One reader view for a `{ view, actions }` source: the article, or a state that says what is going on. */
import { useViewTrace } from '../trace';
import type { ReaderActions, ReaderView as View } from '../reader-source';
import { useStore } from '../store';
import { ArticleView } from './ArticleView';
import { StatusView } from './StatusView';

export interface Props {
  view: View;
  actions: ReaderActions;
}

export function ReaderView({ view, actions }: Props) {
  const { surface } = useStore();
  // The bench's stamps (E2E builds only): when each state reached the DOM and was painted.
  useViewTrace(view.phase === 'loading' ? 'loading' : view.phase === 'done' && view.result.ok ? 'article' : 'status', view, surface);
  return (
    <main class={`lectern lectern--${surface}`} aria-busy={view.phase === 'loading'}>
      {view.phase === 'loading' ? (
        <StatusView kind="loading" />
      ) : view.phase === 'invite' ? (
        <StatusView kind="invite" message={view.message} />
      ) : view.result.ok ? (
        <ArticleView
          article={view.result.article}
          onOpenInSidePanel={actions.openInSidePanel}
          onOpenInTab={actions.openInTab}
          onOpenOriginal={actions.openOriginal}
        />
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
