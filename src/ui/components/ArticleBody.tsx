/** The article body: the one element that renders article HTML (already sanitized by the caller, ArticleView). */
import type { Ref } from 'preact';

export interface Props {
  /** Output of sanitizeHtml: never pass anything else. */
  html: string;
  bodyRef: Ref<HTMLDivElement>;
}

export function ArticleBody({ html, bodyRef }: Props) {
  return <div class="lectern-reader__body" ref={bodyRef} dangerouslySetInnerHTML={{ __html: html }} />;
}
