/** Chromium's extension events have a `dispatch` method that runs the real listeners (used by e2e tests only). */
declare namespace chrome.events {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a merged declaration repeats @types/chrome's type parameter exactly
  interface Event<T extends (...args: any) => void> {
    dispatch(...args: T extends (...a: infer A) => unknown ? A : never): void;
  }
}
