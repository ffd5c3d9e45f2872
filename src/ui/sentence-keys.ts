/**
 * The sentences results carry (the extraction core, the content script and the background speak English), each with
 * its catalogue key, so the view shows them in the reader's language. A small table rather than the English
 * catalogue itself, which would weigh on every first paint; tests/unit/i18n.test.tsx checks it against the catalogue.
 */
import type { MessageKey } from './message-key';

export const SENTENCE_KEYS: Readonly<Record<string, MessageKey>> = {
  "There is no page to read in this window.": 'noPageInWindow',
  "Lectern could not reach its background page. Try again.": 'unreachable',
  "This reader tab's article is no longer kept. Open the page again and choose \"Open in tab\".": 'readerTabGone',
  "This reader tab's article is gone. Open the page again and choose \"Open in tab\".": 'readerTabGoneBg',
  "This page does not look like an article.": 'notArticle',
  "This page has no text to read.": 'noText',
  "This page is too large to read in Lectern.": 'tooLarge',
  "Lectern could not read this page.": 'couldNotRead',
  "This is a browser page. Lectern cannot read browser pages.": 'browserPage',
  "Browsers do not let extensions read web store pages.": 'storePage',
  "This is a PDF document. Lectern reads web pages, not PDF files.": 'pdfPage',
  "This is a source view. Open the page itself to read it in Lectern.": 'sourceView',
  "Lectern cannot read this page.": 'cannotRead',
  "There is no page to read here.": 'noPageHere',
  "The tab was closed or moved on before Lectern could read it.": 'tabClosed',
  "To read local files, allow \"Access file URLs\" for Lectern on the extensions page.": 'fileAccess',
  "Lectern needs your go-ahead for this page: click the Lectern button in the toolbar while the page is open.": 'needGoAhead',
  "That tab is no longer open.": 'tabGone',
  "Select some text on the page first.": 'selectFirst',
  "Lectern was not allowed to read this link's site. The link is open in the tab beside this one.": 'linkNotAllowed',
  "Lectern can open web pages (http and https links) only.": 'linkNotWebPage',
  "The link could not be opened.": 'linkNotOpened',
  "The link did not finish loading, or its tab was closed.": 'linkNotLoaded',
};
