/** The service worker's bench stamps (E2E builds only; see src/shared/trace.ts). */
import type { MaxStamps, TraceStamp } from '../shared/trace';

const MAX_STAMPS: MaxStamps = 2000;

const ON = typeof __LECTERN_E2E__ !== 'undefined' && __LECTERN_E2E__;

export function stamp(name: string): void {
  if (!ON) return;
  const list: TraceStamp[] = (globalThis.__lecternTrace ??= []);
  if (list.length < MAX_STAMPS) list.push({ name, t: performance.timeOrigin + performance.now() });
}
