/**
 * A component loaded when first shown: the panels (Display, Listen, Save) and the key list stay out of the first
 * paint, which only needs the article. The chunk comes from the extension itself, at once; until it has, the panel's
 * place is an empty, busy box with the panel's id (the toolbar button's aria-controls still names it), or what
 * `placeholder` renders.
 */
import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazy<P extends object>(
  load: () => Promise<ComponentType<P>>,
  placeholder?: string | ComponentType<P>,
): (props: P) => JSX.Element | null {
  let loading: Promise<ComponentType<P>> | null = null;
  return function Lazy(props: P) {
    const [Loaded, setLoaded] = useState<ComponentType<P> | null>(null);
    useEffect(() => {
      loading ??= load();
      let live = true;
      void loading.then((component) => live && setLoaded(() => component));
      return () => {
        live = false;
      };
    }, []);
    if (Loaded) return <Loaded {...props} />;
    if (typeof placeholder === 'function') {
      const Placeholder = placeholder;
      return <Placeholder {...props} />;
    }
    return <div class="lectern-panel" id={placeholder} aria-busy="true" />;
  };
}
