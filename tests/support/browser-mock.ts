/** Stand-in for webextension-polyfill in unit tests (the real one throws outside an extension). */
const browser = {
  runtime: { id: 'test', getURL: (path: string) => `chrome-extension://test/${path}` },
};
export default browser;
