/** The article: a header of facts, then the body. The one place where article HTML is rendered, sanitized again here. */
import { useMemo } from 'preact/hooks';
import type { Article } from '../../extract/types';
import { sanitizeHtml } from '../../extract/steps/sanitize';
import { formatPublished, formatReadingTime, hostOf } from '../format';

export interface Props {
  article: Article;
}

export function ArticleView({ article }: Props) {
  const html = useMemo(() => sanitizeHtml(article.content, window).html, [article.content]);
  const site = article.siteName ?? hostOf(article.url);
  const facts = [site, article.byline, formatPublished(article.publishedTime), formatReadingTime(article.readingTimeMinutes)]
    .filter((fact): fact is string => Boolean(fact));
  return (
    <article class="lectern-reader" lang={article.lang ?? undefined} dir={article.dir ?? undefined}>
      <header class="lectern-reader__header">
        <h1 class="lectern-reader__title">{article.title}</h1>
        <p class="lectern-reader__facts">
          {facts.map((fact, i) => (
            <span key={i} class="lectern-reader__fact">
              {fact}
            </span>
          ))}
        </p>
        <a class="lectern-reader__source" href={article.url} target="_blank" rel="noopener noreferrer">
          Open the original page
        </a>
      </header>
      <div class="lectern-reader__body" dangerouslySetInnerHTML={{ __html: html }} />
    </article>
  );
}
