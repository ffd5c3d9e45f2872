/**
 * One extraction at a time per tab. Extraction runs on the page's main thread; two at once (two quick toggles, the
 * popup and the panel together) would block the page twice for the same answer. A request for a tab that is being
 * read with the same options shares the running read; one with other options (e.g. "Show anyway") waits for it and
 * then runs. Only what is running is kept, and only in memory: a restarted worker has no read in flight.
 */
const running = new Map<number, { key: string; result: Promise<unknown> }>();

export function oncePerTab<T>(tabId: number, key: string, read: () => Promise<T>): Promise<T> {
  const current = running.get(tabId);
  if (current?.key === key) return current.result as Promise<T>;
  const result = (current ? current.result.catch(() => undefined) : Promise.resolve()).then(read);
  const entry = { key, result };
  running.set(tabId, entry);
  const done = (): void => {
    if (running.get(tabId) === entry) running.delete(tabId);
  };
  result.then(done, done);
  return result;
}
