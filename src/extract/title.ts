/**
 * The article's title without the site's name, which the reader's header shows beside it: pages put it in their
 * `og:title` or JSON-LD headline, which Readability takes as they are ("Nadal keeps Spain alive - Sportsnet.ca",
 * "Coastal Notes | The keepers…"). A first or last segment, set off by a spaced separator, goes when it names the site:
 * the page's own site name, its host ("Sportsnet.ca") or a label of its host ("Digg" on digg.com), compared without
 * case, spaces or punctuation. So does a last segment the page's own headline leaves out (its `<h1>` reads as the title
 * before it: "Mozilla - Wikipedia", "… | Weinwirtschaft", "… | Eleanor Ainge Roy"), and a last segment that is a
 * publisher's acronym alone ("… : NPR", "… | CNN"), which an aggregator's copy keeps from the source's title, after a
 * headline of three words or more. Anything else (a section, "Opinion |", a subtitle, "Review: …") stays.
 */

/** Spaced separators between a headline and a site name (a colon only with a space before it: "Title : Site"). */
const SEPARATOR = / (?:\||-|–|—|:|::|\/|·|•|«|») /;
/** A publisher's acronym: one word of two to five capitals. */
const ACRONYM = /^[A-Z]{2,5}$/;
/** Words a headline keeps before an acronym is taken for its publisher's. */
const MIN_HEADLINE_WORDS = 3;
/** A site name is a few words: a longer segment is part of the headline. */
const MAX_SITE_WORDS = 5;

/** Letters and digits only, lower case: "The Hill" and "TheHill", "Sportsnet.ca" and "sportsnet.ca" meet. */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(SPACE_OR_PUNCTUATION, '');
}
/** Spaces and the punctuation site names are written with (a Unicode class here would cost a first read its compile). */
const SPACE_OR_PUNCTUATION = /[\s!-/:-@[-`{-~\u00a0-\u00bf\u2000-\u206f]+/g;

/** A name written as a host: "Chefkoch.de", "AutoIndustriya.com". */
const HOST_LIKE = /^[\w-]+(?:\.[\w-]+)+$/;

/**
 * The folded names a site goes by: its own name and its host without "www.", each with its labels but the last when
 * it is written as a host ("Chefkoch.de" is also "chefkoch"; "digg.com" also "digg").
 */
function siteNames(siteName: string | null, url: string): Set<string> {
  const names = new Set<string>();
  const addHost = (host: string): void => {
    const bare = host.toLowerCase().replace(/^www\./, '');
    names.add(fold(bare));
    for (const label of bare.split('.').slice(0, -1)) if (label.length >= 3) names.add(fold(label));
  };
  if (siteName) {
    names.add(fold(siteName));
    if (HOST_LIKE.test(siteName)) addHost(siteName);
  }
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    // No host: the page's own name only.
  }
  // An address (127.0.0.1, [::1]) names no site.
  if (host && !/^[\d.]+$|^\[/.test(host)) addHost(host);
  names.delete('');
  return names;
}

/** Headlines compared with the title: the page's first few `<h1>`s. */
const MAX_HEADLINES = 3;

/** The folded texts of the page's first `<h1>`s. */
function headlinesOf(doc: Document): string[] {
  const h1s = doc.getElementsByTagName('h1');
  const texts: string[] = [];
  for (let i = 0; i < h1s.length && i < MAX_HEADLINES; i++) texts.push(fold((h1s[i] as Element).textContent ?? ''));
  return texts;
}

/** `title` without a first or last segment that names the site (see the file comment); `doc`'s `<h1>`s read only then. */
export function withoutSiteName(title: string, siteName: string | null, url: string, doc: Document | null = null): string {
  const parts = title.split(SEPARATOR);
  if (parts.length < 2) return title;
  const names = siteNames(siteName, url);
  const isSite = (part: string | undefined): boolean =>
    !!part && part.trim().split(/\s+/).length <= MAX_SITE_WORDS && names.has(fold(part));
  const last = parts[parts.length - 1] as string;
  const first = parts[0];
  // Cut at the separator itself, so the headline keeps its own inner separators.
  const beforeLast = title.slice(0, title.length - last.length).replace(/ \S{1,2} $/, '').trim();
  // The page's h1 may be the site's own name (a logo heading): then what it leaves out is the headline.
  if (beforeLast && (isSite(last) || (!!doc && headlinesOf(doc).includes(fold(beforeLast)) && !isSite(beforeLast)))) return beforeLast;
  if (ACRONYM.test(last.trim()) && beforeLast.split(/\s+/).length >= MIN_HEADLINE_WORDS) return beforeLast;
  if (isSite(first)) {
    const rest = title.slice((first as string).length).replace(/^ \S{1,2} /, '').trim();
    if (rest) return rest;
  }
  return title;
}
