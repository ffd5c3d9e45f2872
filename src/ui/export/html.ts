/**
 * The article as one self-contained HTML file (issue #26): it opens offline and looks like the reader, with the
 * reader's own stylesheet inlined and the reader's markup and classes (ReaderView's `main.lectern`, ArticleView's
 * `article.lectern-reader`, ArticleHeader, ArticleBody). Its Content-Security-Policy lets images load and nothing
 * else: no script runs, no font, frame or style sheet is fetched. Pure: a string in, a string out.
 */
import type { Article } from '../../extract/types';
import type { Theme } from '../../shared/settings';
import { formatPublished, formatReadingTime, hostOf } from '../format';

/** Images from the web or inline; styles only from the file itself; nothing else, scripts least of all. */
export const EXPORT_CSP = "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'";

export interface HtmlExportOptions {
  /** `data-theme` on `<html>`, as the reader sets it (reader.css picks the colours from it). Default 'light'. */
  theme?: Theme;
  /** The reader's type and measure (`cssVars(settings)` of src/ui/theme.ts), set on `<html>` as the view does. */
  vars?: Record<string, string>;
  /** The locale the date is written in (Intl's default when absent). */
  locale?: string;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or an attribute value, escaped for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * The HTML file for an article. `html` is the reader view's body, already sanitized (src/ui/sanitize.ts): it goes in
 * as it is. `css` is the reader's stylesheet text. Every other text put in (title, byline, site, date, URL) is escaped.
 */
export function articleHtmlDocument(article: Article, html: string, css: string, options: HtmlExportOptions = {}): string {
  const title = oneLine(article.title) || hostOf(article.url) || 'Article';
  const lang = article.lang ? ` lang="${escapeHtml(article.lang)}"` : '';
  const dir = article.dir ? ` dir="${escapeHtml(article.dir)}"` : '';
  const style = styleAttribute(options.vars);
  return [
    '<!doctype html>',
    `<html${lang}${dir} data-theme="${escapeHtml(options.theme ?? 'light')}"${style}>`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(EXPORT_CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    // Only `</style` could end the element early; `<\/style` reads the same inside CSS strings and comments.
    `<style>\n${css.replace(/<\/(style)/gi, '<\\/$1')}\n</style>`,
    '</head>',
    '<body>',
    '<main class="lectern">',
    `<article class="lectern-reader"${lang}${dir}>`,
    header(article, title, options.locale),
    `<div class="lectern-reader__body">\n${html}\n</div>`,
    '</article>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** ArticleHeader's markup: the title, the facts (site, byline, date, reading time), the link to the original page. */
function header(article: Article, title: string, locale: string | undefined): string {
  const facts: string[] = [];
  const site = article.siteName ?? hostOf(article.url);
  if (site) facts.push(escapeHtml(site));
  if (article.byline) facts.push(escapeHtml(article.byline));
  const published = formatPublished(article.publishedTime, locale);
  if (published && article.publishedTime) {
    const datetime = Number.isNaN(Date.parse(article.publishedTime)) ? '' : ` datetime="${escapeHtml(article.publishedTime)}"`;
    facts.push(`<time${datetime}>${escapeHtml(published)}</time>`);
  }
  const reading = formatReadingTime(article.readingTimeMinutes);
  if (reading) facts.push(escapeHtml(reading));
  const lines = [
    '<header class="lectern-reader__header">',
    `<h1 class="lectern-reader__title">${escapeHtml(title)}</h1>`,
    `<p class="lectern-reader__facts">${facts.map((fact) => `<span class="lectern-reader__fact">${fact}</span>`).join('')}</p>`,
  ];
  if (isWebUrl(article.url)) {
    const host = hostOf(article.url) || article.url;
    lines.push(
      `<a class="lectern-reader__source" href="${escapeHtml(article.url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(host)}</a>`,
    );
  }
  lines.push('</header>');
  return lines.join('\n');
}

/** ` style="--name: value; …"` for the custom properties with a plain name and a value that stays one declaration. */
function styleAttribute(vars: Record<string, string> | undefined): string {
  const declarations = Object.entries(vars ?? {})
    .filter(([name, value]) => /^--[\w-]+$/.test(name) && !/[;{}<>\\]/.test(value))
    .map(([name, value]) => `${name}: ${value}`);
  return declarations.length ? ` style="${escapeHtml(declarations.join('; '))}"` : '';
}

function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

function oneLine(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
