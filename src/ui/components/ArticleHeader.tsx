/** The article's facts: title, site, byline, date in the reader's locale, reading time, the original page. */
import type { Article } from '../../extract/types';
import { formatPublished, hostOf } from '../format';
import { t, uiDirection, uiLanguage } from '../i18n';

export interface Props {
  article: Article;
  /** Reader tab: return to the page's own tab instead of opening another. */
  onOpenOriginal?: () => void;
}

export function ArticleHeader({ article, onOpenOriginal }: Props) {
  const published = formatPublished(article.publishedTime, uiLanguage());
  const minutes = Math.round(article.readingTimeMinutes);
  const facts = [
    article.siteName ?? hostOf(article.url),
    article.byline,
    published && article.publishedTime ? (
      <time dateTime={Number.isNaN(Date.parse(article.publishedTime)) ? undefined : article.publishedTime} lang={uiLanguage()} dir={uiDirection()}>{published}</time>
    ) : null,
    // The interface's words, in its own language and direction inside the article's header.
    Number.isFinite(minutes) && minutes > 0 ? (
      <span lang={uiLanguage()} dir={uiDirection()}>{t('readingTime', new Intl.NumberFormat(uiLanguage()).format(minutes))}</span>
    ) : null,
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
        lang={uiLanguage()}
        dir={uiDirection()}
        href={article.url}
        target={onOpenOriginal ? undefined : '_blank'}
        rel="noopener noreferrer"
        onClick={onOpenOriginal ? (e) => {
          e.preventDefault();
          onOpenOriginal();
        } : undefined}
      >
        {t('openOriginal')}
      </a>
    </header>
  );
}
