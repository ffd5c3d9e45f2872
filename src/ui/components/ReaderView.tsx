/**
 * One reader view for a `{ view, actions }` source: the article, or a state that says what is going on.
 *
 * The first paint is the loading state: the article's own code (ArticleView, its toolbar and header, the sanitizer)
 * is fetched at once, beside the read, and shown when both have arrived; until then the loading state stays.
 */
import { useViewTrace } from '../trace';
import type { ReaderActions, ReaderView as View } from '../reader-source';
import { useStore } from '../store';
import { lazy } from './lazy';
import { StatusView } from './StatusView';

function Loading() {
  return <StatusView kind="loading" />;
}

const ArticleView = lazy(() => import('./ArticleView').then((m) => m.ArticleView), Loading);
// Now, while the article is being read.
void ArticleView.preload();

/** Resolves once the article's code has arrived (tests render articles after it). */
export const articleViewReady = (): Promise<void> => ArticleView.preload().then(() => undefined);

export interface Props {
  view: View;
  actions: ReaderActions;
}

export function ReaderView({ view, actions }: Props) {
  const { surface } = useStore();
  // The bench's stamps (E2E builds only): when each state reached the DOM and was painted. The article stamps its own,
  // once its code has arrived and it is in the DOM (ArticleView).
  useViewTrace(view.phase === 'loading' ? 'loading' : view.phase === 'done' && view.result.ok ? null : 'status', view, surface);
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
