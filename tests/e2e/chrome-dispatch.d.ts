/** Chromium's extension events have a `dispatch` method that runs the real listeners (used by e2e tests only). */
declare namespace chrome.events {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  interface Event<T extends Function> {
    dispatch(...args: T extends (...a: infer A) => unknown ? A : never): void;
  }
}
