/**
 * Timestamps for the speed bench's click-to-article measurement (scripts/bench/click.ts): the shapes only. Each
 * context stamps with its own copy of `stamp` (src/ui/trace.ts, src/background/trace.ts, src/content/content-script.ts),
 * compiled into the E2E builds alone (this module holds types only): behind `__LECTERN_E2E__`, which is `false` in production builds, so the bodies
 * are dropped there. (One module shared by the views, the worker and the content script would become one more chunk
 * for each to load in production.)
 *
 * Each context keeps its own list in `globalThis.__lecternTrace`. A stamp's time is epoch milliseconds
 * (`performance.timeOrigin + performance.now()`), so stamps taken in different processes can be compared. The content
 * script's list lives in its isolated world: the page never sees it. Nothing here changes what the reader does.
 */

export interface TraceStamp {
  name: string;
  /** Epoch milliseconds. */
  t: number;
}

/** What a view publishes once its answer is painted (E2E builds only), under `lecternTrace:<surface>` in storage.session. */
export interface ViewTrace {
  surface: string;
  stamps: TraceStamp[];
  /** The view page's own time origin, DOMContentLoaded end and paint entries, all in epoch milliseconds. */
  timeOrigin: number;
  domContentLoaded?: number;
  paints: TraceStamp[];
}

/** A context keeps at most this many stamps. */
export type MaxStamps = 2000;

declare global {
  var __lecternTrace: TraceStamp[] | undefined;
}
