/**
 * A component loaded when first shown: the panels (Display, Listen, Save), the key list and the article's extras stay
 * out of the first paint. The chunk comes from the extension itself, at once; until it has, the panel's place is an
 * empty, busy box with the panel's id (the toolbar button's aria-controls still names it), or what `placeholder`
 * renders. Once loaded, a component renders at once wherever it is used next. `preload()` starts the load now (the
 * article's code, fetched beside the read) and resolves when it has arrived.
 */
import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export type Lazy<P> = ((props: P) => JSX.Element | null) & { preload: () => Promise<unknown> };

export function lazy<P extends object>(
  load: () => Promise<ComponentType<P>>,
  placeholder?: string | ComponentType<P>,
): Lazy<P> {
  let loading: Promise<ComponentType<P>> | null = null;
  let loaded: ComponentType<P> | null = null;
  const start = (): Promise<ComponentType<P>> =>
    (loading ??= load().then((component) => (loaded = component)));
  function Lazy(props: P) {
    const [Loaded, setLoaded] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (Loaded) return undefined;
      let live = true;
      void start().then((component) => live && setLoaded(() => component));
      return () => {
        live = false;
      };
    }, [Loaded]);
    if (Loaded) return <Loaded {...props} />;
    if (typeof placeholder === 'function') {
      const Placeholder = placeholder;
      return <Placeholder {...props} />;
    }
    return <div class="lectern-panel" id={placeholder} aria-busy="true" />;
  }
  return Object.assign(Lazy, { preload: start });
}
