/** The reader for one surface: find the tab, ask the background to read it, show the result. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { send } from '../shared/messaging';
import type { ReadOptions, ReadResult } from '../shared/protocol';
import { ArticleView } from './components/ArticleView';
import { StatusView } from './components/StatusView';
import { targetTabId } from './tab';

export type Surface = 'popup' | 'sidepanel';

export interface Props {
  surface: Surface;
}

type State = { phase: 'loading' } | { phase: 'done'; result: ReadResult };

const NO_TAB: ReadResult = { ok: false, reason: 'no-tab', message: 'There is no page to read in this window.' };

export function ReaderApp({ surface }: Props) {
  const [state, setState] = useState<State>({ phase: 'loading' });

  const load = useCallback(async (options: ReadOptions = {}) => {
    setState({ phase: 'loading' });
    let result: ReadResult;
    try {
      const tabId = await targetTabId(location.search);
      result = tabId === null ? NO_TAB : await send('read-tab', { tabId, options });
    } catch {
      result = { ok: false, reason: 'error', message: 'Lectern could not reach its background page. Try again.' };
    }
    setState({ phase: 'done', result: result ?? NO_TAB });
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <main class={`lectern lectern--${surface}`} aria-busy={state.phase === 'loading'}>
      {state.phase === 'loading' ? (
        <StatusView kind="loading" />
      ) : state.result.ok ? (
        <ArticleView article={state.result.article} />
      ) : (
        <StatusView
          kind="failure"
          reason={state.result.reason}
          message={state.result.message}
          onRetry={() => void load()}
          onForce={() => void load({ force: true })}
        />
      )}
    </main>
  );
}
