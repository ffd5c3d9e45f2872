import { describe, expect, it } from 'vitest';
import { canInject, RESTRICTED_MESSAGES } from '../../src/shared/restricted';

describe('canInject: one function knows where Lectern cannot read', () => {
  it.each([
    ['chrome://settings', RESTRICTED_MESSAGES.browser],
    ['chrome-extension://abc/page.html', RESTRICTED_MESSAGES.browser],
    ['edge://flags', RESTRICTED_MESSAGES.browser],
    ['about:blank', RESTRICTED_MESSAGES.browser],
    ['view-source:https://example.com/', RESTRICTED_MESSAGES.source],
    ['https://chromewebstore.google.com/detail/x/abc', RESTRICTED_MESSAGES.store],
    ['https://chrome.google.com/webstore/category/extensions', RESTRICTED_MESSAGES.store],
    ['https://microsoftedge.microsoft.com/addons/detail/x', RESTRICTED_MESSAGES.store],
    ['https://addons.mozilla.org/en-US/firefox/addon/x/', RESTRICTED_MESSAGES.store],
    ['https://example.com/papers/report.PDF', RESTRICTED_MESSAGES.pdf],
    ['not a url', RESTRICTED_MESSAGES.unknown],
  ])('refuses %s with a sentence', (url, message) => {
    expect(canInject(url)).toEqual({ ok: false, message });
  });

  it.each([
    'https://www.npr.org/2023/02/17/story',
    'http://127.0.0.1:8080/page.html',
    'https://chrome.google.com/search?q=x',
    'https://example.com/pdf-guide.html',
    'file:///home/me/article.html',
  ])('lets Lectern try %s', (url) => {
    expect(canInject(url)).toEqual({ ok: true });
  });

  it('lets Lectern try when the URL is not known (no permission to see it yet)', () => {
    expect(canInject(undefined)).toEqual({ ok: true });
  });
});
