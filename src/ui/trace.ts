/**
 * The views' bench stamps (E2E builds only; see src/shared/trace.ts): when the view's code ran, when it asked for the
 * article and got it, when each state reached the DOM and when a frame was painted after it.
 */
import { useLayoutEffect } from 'preact/hooks';
import type { MaxStamps, ViewTrace } from '../shared/trace';

/** The storage.session key a view's trace is published under: this + the surface. */
export const TRACE_KEY = 'lecternTrace:';
const MAX_STAMPS: MaxStamps = 2000;

/** `__LECTERN_E2E__` as the build defines it; unit tests (no build) have none: off. */
const ON = typeof __LECTERN_E2E__ !== 'undefined' && __LECTERN_E2E__;

const now = (): number => performance.timeOrigin + performance.now();

/** Record that `name` happened now. */
export function stamp(name: string): void {
  if (!ON) return;
  const list = (globalThis.__lecternTrace ??= []);
  if (list.length < MAX_STAMPS) list.push({ name, t: now() });
}

/**
 * Record `<name>-inserted` now (call it right after the DOM changed, e.g. from a layout effect) and `<name>-painted`
 * once a frame has been painted after it: a task posted from the next animation frame's callback runs after that
 * frame's paint. `then` runs after the painted stamp.
 */
export function stampPainted(name: string, then?: () => void): void {
  if (!ON) return;
  stamp(`${name}-inserted`);
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      stamp(`${name}-painted`);
      channel.port1.close();
      then?.();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * The view's stamps and timings, stored in storage.session for the bench (which waits for the key to change). Sent
 * once the page has its first contentful paint (the browser's own paint timing, taken when the frame was presented),
 * or after a second without one.
 */
export function publishTrace(surface: string): void {
  if (!ON) return;
  let sent = false;
  const send = (): void => {
    if (sent) return;
    sent = true;
    observer.disconnect();
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const trace: ViewTrace = {
      surface,
      stamps: [...(globalThis.__lecternTrace ?? [])],
      timeOrigin: performance.timeOrigin,
      domContentLoaded: nav ? performance.timeOrigin + nav.domContentLoadedEventEnd : undefined,
      paints: performance.getEntriesByType('paint').map((e) => ({ name: e.name, t: performance.timeOrigin + e.startTime })),
    };
    void globalThis.chrome?.storage?.session?.set({ [`${TRACE_KEY}${surface}`]: trace }).catch(() => undefined);
  };
  const observer = new PerformanceObserver(() => {
    if (performance.getEntriesByName('first-contentful-paint').length) send();
  });
  observer.observe({ type: 'paint', buffered: true });
  setTimeout(send, 1000);
}

/**
 * In a view: stamp `ui:render-<state>` when a state other than loading renders, and when each state reached the DOM
 * and was painted; publish the trace once the answer (article or status) is painted. A no-op outside E2E builds.
 */
export const useViewTrace: (state: 'loading' | 'article' | 'status', key: unknown, surface: string) => void = ON
  ? (state, key, surface) => {
      if (state !== 'loading') stamp(`ui:render-${state}`);
      useLayoutEffect(() => {
        if (state === 'loading') stampPainted('loading');
        else stampPainted(state, () => publishTrace(surface));
      }, [key, state, surface]);
    }
  : () => undefined;
