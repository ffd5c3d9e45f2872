import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_ELEMENTS, extractArticle, FAILURE_MESSAGES, STEP_NAMES } from '../../src/extract/index';
import type { Article, ExtractResult } from '../../src/extract/index';
import { articleDom, extractHtml, extractPage, makeDom, readPage, viewHtml } from '../support/dom';

function articleOf(result: ExtractResult): Article {
  if (!result.ok) throw new Error(`expected an article, got ${result.reason}: ${result.message}`);
  return result.article;
}

function reasonOf(result: ExtractResult): string {
  return result.ok ? 'ok' : result.reason;
}

/** A page with `n` paragraphs of article text and `extra` empty spans (to make it large). */
function generatedPage(paragraphs: number, extra = 0): string {
  const para = 'The council met on Tuesday to discuss the new bus timetable, which will change the times of most ' +
    'morning services and add a late route on Fridays, after residents complained about the gaps in the evening.';
  const body = Array.from({ length: paragraphs }, (_, i) => `<p>${i + 1}. ${para}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><title>Bus timetable changes</title></head><body><article>` +
    `<h1>Bus timetable changes</h1>${body}<div hidden>${'<span></span>'.repeat(extra)}</div></article></body></html>`;
}

describe('extractArticle on an article', () => {
  const article = articleOf(extractPage('article--metadata'));

  it('returns title, byline, site name, date, language and excerpt from the page metadata', () => {
    expect(article.title).toBe('The keepers who measured the storms');
    expect(article.byline).toBe('Iona MacLeod');
    expect(article.siteName).toBe('Coastal Notes');
    expect(article.publishedTime).toBe('2024-03-18T07:30:00Z');
    expect(article.lang).toBe('en-GB');
    expect(article.dir).toBeNull();
    expect(article.excerpt).toBe('Sixty-one years of weather ledgers from the Skerrow light fill a gap in the coastal record.');
    expect(article.url).toBe('http://127.0.0.1/history/keepers-storms.html');
  });

  it('returns the body as HTML and as text, with its length and reading time', () => {
    const root = articleDom(article.content);
    expect(root.querySelectorAll('p').length).toBeGreaterThanOrEqual(7);
    expect(article.textContent).toContain('For sixty-one years the keepers of the Skerrow light');
    expect(article.textContent).toContain('ends with the words all in order.');
    expect(article.textContent).not.toContain('Most read');
    expect(article.textContent).not.toContain('All rights reserved');
    expect(article.textContent.split('\n\n').length).toBeGreaterThanOrEqual(7);
    expect(article.length).toBe(article.textContent.length);
    expect(article.readingTimeMinutes).toBe(2);
  });

  it('reports what each step removed, one count per step name', () => {
    expect(Object.keys(article.removed).sort()).toEqual([...STEP_NAMES].sort());
    for (const count of Object.values(article.removed)) expect(Number.isInteger(count) && count >= 0).toBe(true);
    expect(article.removed.boilerplate + article.removed.captions + article.removed.absoluteUrls).toBeGreaterThan(0);
  });

  it('reads the direction of a right-to-left page', () => {
    const { html, url } = readPage('article--metadata');
    const rtl = articleOf(extractHtml(html.replace('<html lang="en-GB">', '<html lang="ar" dir="rtl">'), { url }));
    expect(rtl.dir).toBe('rtl');
    expect(rtl.lang).toBe('ar');
  });

  it('gives no date for a content management system’s placeholder date (year 1, the Unix epoch, a zero date)', () => {
    const { html, url } = readPage('article--metadata');
    for (const placeholder of ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00', '1970-01-01T00:00:00Z', '1970-01-01', '0000-00-00 00:00:00']) {
      // Both of the page's sources (JSON-LD and the meta tag) carry it.
      const page = html.replaceAll('2024-03-18T07:30:00Z', placeholder);
      expect(articleOf(extractHtml(page, { url })).publishedTime, placeholder).toBeNull();
    }
    // Only the JSON-LD holds the placeholder (as on a Detroit News page in aeb): the meta tag's date is used.
    const jsonLdOnly = html.replace('"datePublished": "2024-03-18T07:30:00Z"', '"datePublished": "0001-01-01T00:00:00Z"');
    expect(articleOf(extractHtml(jsonLdOnly, { url })).publishedTime).toBe('2024-03-18T07:30:00Z');
    // A real date in the past century is a date.
    const old = html.replaceAll('2024-03-18T07:30:00Z', '1969-07-21T02:56:00Z');
    expect(articleOf(extractHtml(old, { url })).publishedTime).toBe('1969-07-21T02:56:00Z');
  });

  it('finds the date a page states outside JSON-LD and article:published_time: its date tags, then the time under the headline', () => {
    const url = 'http://127.0.0.1/news/bus.html';
    const dated = (head: string, underHeadline = ''): string | null => {
      const page = generatedPage(8).replace('<title>', `${head}<title>`).replace('</h1>', `</h1>${underHeadline}`);
      return articleOf(extractHtml(page, { url })).publishedTime;
    };
    expect(dated('<meta name="date" content="2021-12-20T11:02:44+01:00">')).toBe('2021-12-20T11:02:44+01:00');
    expect(dated('<meta name="DC.date.issued" content="2017-01-24">')).toBe('2017-01-24');
    expect(dated('', '<span itemprop="datePublished" content="2021-11-02">2. November 2021</span>')).toBe('2021-11-02');
    expect(dated('', '<p class="meta">Published <time datetime="2022-02-01T11:10:00Z">1 Feb</time></p>')).toBe('2022-02-01T11:10:00Z');
    // Written as the page wrote it, read as what it is: a space for the T, a German day first, Unix seconds.
    expect(dated('', '<time datetime="2019-05-15 05:28:29">15. Mai</time>')).toBe('2019-05-15T05:28:29');
    expect(dated('<meta itemprop="datePublished" content="20.06.2019 11:43">')).toBe('2019-06-20T11:43');
    expect(dated('', '<time datetime="1651035600">hace 3 días</time>')).toBe('2022-04-27T05:00:00.000Z');
    // Not a date, or a time inside the story (a date it tells of): none.
    expect(dated('<meta name="date" content="sometime">')).toBeNull();
    expect(articleOf(extractHtml(generatedPage(8).replace('3. The council', '3. The council (<time datetime="2020-01-01">last year</time>)'), { url })).publishedTime).toBeNull();
  });

  it('falls back to the document title, then the host name, for the title', () => {
    const page = generatedPage(8).replace('<h1>Bus timetable changes</h1>', '').replace('<title>Bus timetable changes</title>', '');
    expect(articleOf(extractHtml(page, { url: 'http://news.example/bus.html' })).title).toBe('news.example');
  });
});

describe('the title, without the site name the header shows beside it', () => {
  /** generatedPage with an og:title (which Readability takes as it is) and an og:site_name. */
  const titled = (ogTitle: string, siteName: string | null, url = 'http://127.0.0.1/news/bus.html'): string => {
    const head = `<meta property="og:title" content="${ogTitle}">${siteName ? `<meta property="og:site_name" content="${siteName}">` : ''}`;
    return articleOf(extractHtml(generatedPage(8).replace('<title>', `${head}<title>`), { url })).title;
  };

  it('drops a site name the page gives, after or before the headline, with any usual separator', () => {
    expect(titled('Bus timetable changes | The Hill', 'The Hill')).toBe('Bus timetable changes');
    expect(titled('Bus timetable changes - TheHill', 'The Hill')).toBe('Bus timetable changes');
    expect(titled('Bus timetable changes — Creative Commons', 'Creative Commons')).toBe('Bus timetable changes');
    expect(titled('Bus timetable changes : NPR', 'NPR')).toBe('Bus timetable changes');
    expect(titled('Coastal Notes | Bus timetable changes', 'Coastal Notes')).toBe('Bus timetable changes');
    expect(titled('Mandarinen-Schmand-Kuchen von jesusfreak | Chefkoch', 'Chefkoch.de')).toBe('Mandarinen-Schmand-Kuchen von jesusfreak');
  });

  it('drops the site’s own address or name when the page names no site', () => {
    expect(titled('Nadal keeps Spain alive in the Davis Cup - Sportsnet.ca', null, 'https://www.sportsnet.ca/tennis/nadal/')).toBe('Nadal keeps Spain alive in the Davis Cup');
    expect(titled('The early reviews for the console are here - Digg', null, 'https://digg.com/2019/stadia')).toBe('The early reviews for the console are here');
    expect(titled('La voix des nuls | ARTE Radio', null, 'https://www.arteradio.com/son/61662627/la_voix_des_nuls')).toBe('La voix des nuls');
  });

  it('drops a publisher’s acronym after the headline, as an aggregator’s copy keeps it from the source (the seed: “… : NPR”)', () => {
    expect(titled('Blinken and Wang to meet at the Munich conference : NPR', '5G News')).toBe('Blinken and Wang to meet at the Munich conference');
    expect(titled('Bus timetable changes | CNN', null)).toBe('Bus timetable changes');
    expect(titled('Bus timetable changes – WDR', 'Lokalzeit')).toBe('Bus timetable changes');
  });

  it('drops a last segment the page’s own headline leaves out (its h1 is the title before it: a site, a section, a writer)', () => {
    // generatedPage's h1 is "Bus timetable changes".
    expect(titled('Bus timetable changes - Tipp mit Bild', null)).toBe('Bus timetable changes');
    expect(titled('Bus timetable changes | Weinwirtschaft', 'Meininger Verlag')).toBe('Bus timetable changes');
    expect(titled('Bus timetable changes – Vortex Cannon Entertainment', null)).toBe('Bus timetable changes');
    // The h1 is not the title before the segment, or the segment comes first: kept.
    expect(titled('Bus timetable changes in Leeds - Tipp mit Bild', null)).toBe('Bus timetable changes in Leeds - Tipp mit Bild');
    expect(titled('Tipp mit Bild | Bus timetable changes', null)).toBe('Tipp mit Bild | Bus timetable changes');
    // The h1 is the site's own name (a logo heading, "Site · Headline"): the headline after it is what stays.
    expect(titled('Bus timetable changes · Ferries run late again', 'Bus timetable changes')).toBe('Ferries run late again');
  });

  it('keeps an acronym that is the headline’s own: too little before it, inside the headline, or not a word in capitals', () => {
    expect(titled('Update - FAQ', null)).toBe('Update - FAQ');
    expect(titled('NASA delays the launch of its moon rocket again', null)).toBe('NASA delays the launch of its moon rocket again');
    expect(titled('Fogo Unia Leszno - Falubaz – 57 : 33', null)).toBe('Fogo Unia Leszno - Falubaz – 57 : 33');
    expect(titled('Covid : le point sur la situation', null)).toBe('Covid : le point sur la situation');
  });

  it('keeps what is not the site: a section, a subtitle, a colon without a space before it, a title that is only the site', () => {
    expect(titled('Opinion | Republicans are following Trump to nowhere', 'The New York Times')).toBe('Opinion | Republicans are following Trump to nowhere');
    expect(titled('The Guardian view on Hong Kong: a city on the brink | Editorial', 'the Guardian')).toBe('The Guardian view on Hong Kong: a city on the brink | Editorial');
    expect(titled('Review: The Hill', 'The Hill')).toBe('Review: The Hill');
    expect(titled('The Hill', 'The Hill')).toBe('The Hill');
    expect(titled('Bus timetable changes today - Sportsnet.ca', null, 'http://127.0.0.1/news/bus.html')).toBe('Bus timetable changes today - Sportsnet.ca');
  });
});

describe('extractArticle on pages that are not articles', () => {
  it('a search results page is not an article', () => {
    const result = extractPage('not-article--search-results');
    expect(result).toEqual({ ok: false, reason: 'not-article', message: FAILURE_MESSAGES['not-article'] });
  });

  it('a login form is not an article', () => {
    expect(reasonOf(extractPage('not-article--login-form'))).toBe('not-article');
  });

  it('force: true reads them anyway', () => {
    const search = articleOf(extractPage('not-article--search-results', { force: true }));
    expect(search.textContent).toContain('Village bakery reopens after twenty years');
    const login = articleOf(extractPage('not-article--login-form', { force: true }));
    expect(login.textContent).toMatch(/Forgotten your password|Email address/);
    expect(viewHtml(login.content)).not.toMatch(/<input|<form|type="password"/);
  });

  it('a blank page is empty, forced or not', () => {
    expect(extractPage('empty--blank-page')).toEqual({ ok: false, reason: 'empty', message: FAILURE_MESSAGES.empty });
    expect(reasonOf(extractPage('empty--blank-page', { force: true }))).toBe('empty');
    expect(reasonOf(extractHtml(''))).toBe('empty');
  });

  it('a page whose only text is script is empty, not "not an article"', () => {
    const shell = '<!doctype html><html><head><title>App</title><style>body{margin:0}</style></head><body>' +
      '<div id="root"></div><script>window.__STATE__ = {"user": null}; boot();</script>' +
      '<noscript>You need to enable JavaScript to run this app.</noscript></body></html>';
    expect(reasonOf(extractHtml(shell))).toBe('empty');
    expect(reasonOf(extractHtml(shell, { force: true }))).toBe('empty');
  });

  it('a page with more elements than maxElements is too large, checked before anything else', () => {
    const page = generatedPage(10, 500);
    expect(reasonOf(extractHtml(page))).toBe('ok');
    expect(extractHtml(page, { maxElements: 400 })).toEqual({ ok: false, reason: 'too-large', message: FAILURE_MESSAGES['too-large'] });
    expect(reasonOf(extractHtml('<!doctype html><body></body>', { maxElements: 1 }))).toBe('too-large');
    expect(DEFAULT_MAX_ELEMENTS).toBeGreaterThanOrEqual(10_000);
  });

  it('the default limit refuses a generated page past it', () => {
    const dom = makeDom(generatedPage(3));
    const doc = dom.window.document;
    const filler = doc.createElement('div');
    for (let i = 0; i < DEFAULT_MAX_ELEMENTS; i++) filler.appendChild(doc.createElement('i'));
    doc.body.append(filler);
    expect(reasonOf(extractArticle(doc, { url: 'http://127.0.0.1/big.html' }, { win: dom.window as never }))).toBe('too-large');
  });
});

describe('extractArticle options', () => {
  it('switching a step off leaves its work undone and its count at 0', () => {
    const all = articleOf(extractPage('images--lazy-data-src'));
    const off = articleOf(extractPage('images--lazy-data-src', { steps: { lazyImages: false } }));
    expect(all.removed.lazyImages).toBeGreaterThan(0);
    expect(off.removed.lazyImages).toBe(0);
    expect(off.content).not.toBe(all.content);
  });

  it('steps set to true run as by default', () => {
    const a = articleOf(extractPage('images--lazy-data-src'));
    const b = articleOf(extractPage('images--lazy-data-src', { steps: { lazyImages: true, captions: true } }));
    expect(b.content).toBe(a.content);
  });
});

describe('extractArticle never throws', () => {
  it('a broken document gives { ok: false, reason: "error" }', () => {
    const broken = { getElementsByTagName: () => { throw new Error('boom'); } } as unknown as Document;
    expect(() => extractArticle(broken, { url: 'http://127.0.0.1/' })).not.toThrow();
    expect(reasonOf(extractArticle(broken, { url: 'http://127.0.0.1/' }))).toBe('error');
    expect(reasonOf(extractArticle({} as Document, { url: 'http://127.0.0.1/' }))).toBe('error');
    expect(reasonOf(extractArticle(null as unknown as Document, { url: 'http://127.0.0.1/' }))).toBe('error');
  });

  it('an invalid page URL gives { ok: false, reason: "error" }', () => {
    for (const url of ['not a url', '', '/relative/path.html', 'http://[::1']) {
      const dom = makeDom(readPage('article--metadata').html);
      const result = extractArticle(dom.window.document, { url }, { win: dom.window as never });
      expect(reasonOf(result), url).toBe('error');
    }
  });

  it('a document without a window still gives its article (the core needs no window)', () => {
    const doc = makeDom('').window.document.implementation.createHTMLDocument('Bus timetable changes');
    doc.documentElement.innerHTML = generatedPage(10);
    expect(doc.defaultView).toBeNull();
    expect(reasonOf(extractArticle(doc, { url: 'http://127.0.0.1/bus.html' }))).toBe('ok');
  });
});
