// @vitest-environment jsdom
/**
 * components/lazy.tsx: what the reader shows while a component's code is on its way (the article: the loading
 * state), and that once it has arrived it renders at once wherever it is used next.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { lazy } from '../../src/ui/components/lazy';

afterEach(cleanup);

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const Article = ({ title }: { title: string }) => <h1>{title}</h1>;
const Loading = () => <p role="status">Reading the page</p>;

describe('lazy components', () => {
  it('shows the placeholder until the code arrives, then the component; later uses render it at once', async () => {
    const code = deferred<typeof Article>();
    const Lazy = lazy(() => code.promise, Loading);
    render(<Lazy title="The harbor ferry returns" />);
    expect(screen.getByRole('status').textContent).toBe('Reading the page');
    code.resolve(Article);
    expect((await screen.findByRole('heading')).textContent).toBe('The harbor ferry returns');
    cleanup();
    render(<Lazy title="Second" />);
    expect(screen.getByRole('heading').textContent).toBe('Second');
  });

  it('preload starts the load before any use, once', async () => {
    let loads = 0;
    const Lazy = lazy(() => {
      loads++;
      return Promise.resolve(Article);
    }, Loading);
    await Lazy.preload();
    await Lazy.preload();
    render(<Lazy title="Preloaded" />);
    expect(screen.getByRole('heading').textContent).toBe('Preloaded');
    expect(loads).toBe(1);
  });
});
