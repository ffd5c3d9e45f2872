/** The article's facts: title, site, byline, date in the reader's locale, reading time, the original page. */
import type { Article } from '../../extract/types';
import { formatPublished, formatReadingTime, hostOf } from '../format';

export interface Props {
  article: Article;
  /** Reader tab: return to the page's own tab instead of opening another. */
  onOpenOriginal?: () => void;
}

export function ArticleHeader({ article, onOpenOriginal }: Props) {
  const published = formatPublished(article.publishedTime);
  const facts = [
    article.siteName ?? hostOf(article.url),
    article.byline,
    published && article.publishedTime ? (
      <time dateTime={Number.isNaN(Date.parse(article.publishedTime)) ? undefined : article.publishedTime}>{published}</time>
    ) : null,
    formatReadingTime(article.readingTimeMinutes),
  ].filter(Boolean);
  return (
    <header class="lectern-reader__header">
      <h1 class="lectern-reader__title">{article.title}</h1>
      <p class="lectern-reader__facts">
        {facts.map((fact, i) => (
          <span key={i} class="lectern-reader__fact">
            {fact}
          </span>
        ))}
      </p>
      <a
        class="lectern-reader__source"
        href={article.url}
        target={onOpenOriginal ? undefined : '_blank'}
        rel="noopener noreferrer"
        onClick={onOpenOriginal ? (e) => {
          e.preventDefault();
          onOpenOriginal();
        } : undefined}
      >
        Open the original page
      </a>
    </header>
  );
}
