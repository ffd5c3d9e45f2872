/**
 * "Open link in Lectern" from a popup (background/open-link.ts `grantWithin`): the popup may close when the browser's
 * prompt opens, so the background waits for the reader's answer itself: a grant made while it waits counts, a held
 * site counts at once, and no answer in time is a refusal.
 */
import browser from 'webextension-polyfill';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { grantWithin } from '../../src/background/open-link';

function fakePermissions(granted: Set<string>) {
  const listeners = new Set<() => void>();
  Object.assign(browser, {
    permissions: {
      contains: ({ origins }: { origins: string[] }) => Promise.resolve(origins.every((o) => granted.has(o))),
      onAdded: { addListener: (l: () => void) => listeners.add(l), removeListener: (l: () => void) => listeners.delete(l) },
    },
  });
  return {
    grant(origin: string) {
      granted.add(origin);
      for (const l of [...listeners]) l();
    },
    listeners,
  };
}

describe('waiting for the reader\'s answer to the prompt', () => {
  afterEach(() => vi.useRealTimers());

  it('a site already held counts at once', async () => {
    const fake = fakePermissions(new Set(['https://news.example.org/*']));
    expect(await grantWithin('https://news.example.org', 1000)).toBe(true);
    expect(fake.listeners.size, 'no listener left behind').toBe(0);
  });

  it('a grant while it waits counts; another site\'s does not', async () => {
    const fake = fakePermissions(new Set());
    const waiting = grantWithin('https://news.example.org', 60_000);
    await Promise.resolve();
    fake.grant('https://other.example.org/*');
    fake.grant('https://news.example.org/*');
    expect(await waiting).toBe(true);
    expect(fake.listeners.size).toBe(0);
  });

  it('no answer in time is a refusal', async () => {
    vi.useFakeTimers();
    const fake = fakePermissions(new Set());
    const waiting = grantWithin('https://news.example.org', 60_000);
    await vi.advanceTimersByTimeAsync(60_001);
    expect(await waiting).toBe(false);
    expect(fake.listeners.size).toBe(0);
  });
});
