/** The article body: the one element that renders article HTML (already sanitized by the caller, ArticleView). */
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

export interface Props {
  /** Output of sanitizeHtml: never pass anything else. */
  html: string;
  bodyRef: RefObject<HTMLDivElement>;
}

/** Boxes that scroll sideways on their own (code, tables): keyboard users must be able to focus them to scroll. */
const SCROLL_BOXES = 'pre, table';

export function ArticleBody({ html, bodyRef }: Props) {
  useEffect(() => {
    for (const box of bodyRef.current?.querySelectorAll<HTMLElement>(SCROLL_BOXES) ?? []) box.tabIndex = 0;
  }, [html, bodyRef]);
  return <div class="lectern-reader__body" ref={bodyRef} dangerouslySetInnerHTML={{ __html: html }} />;
}
