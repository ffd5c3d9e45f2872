/** What a reader view scrolls: the page itself (popup, side panel and reader tab alike). */
export const scroller = (): Element => document.scrollingElement ?? document.documentElement;
