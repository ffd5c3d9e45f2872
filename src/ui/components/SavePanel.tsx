/**
 * Keep the article: copy or save it as Markdown, save it as one HTML file, print it. All local: the files are made
 * here and downloaded with an `<a download>` (no `downloads` permission); nothing leaves the machine.
 */
import { useState } from 'preact/hooks';
import type { Article } from '../../extract/types';
import { downloadFile } from '../export/download';
import { safeFilename } from '../export/filename';
import { articleHtmlDocument } from '../export/html';
import { articleMarkdown } from '../export/markdown';
import readerCss from '../reader.css?inline';
import { t } from '../i18n';
import { useStore } from '../store';

export interface Props {
  article: Article;
  /** The article body as the view renders it (sanitized). */
  html: string;
  onPrint?: () => void;
}

export function SavePanel({ article, html, onPrint }: Props) {
  const { settings, vars } = useStore();
  const [said, setSaid] = useState('');
  const markdown = (): string => articleMarkdown(article, html, document);
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(markdown());
      setSaid(t('copiedMarkdown'));
    } catch {
      setSaid(t('copyFailed'));
    }
  };
  const save = (ext: 'md' | 'html'): void => {
    const name = safeFilename(article.title, ext);
    if (ext === 'md') downloadFile(document, name, markdown(), 'text/markdown;charset=utf-8');
    else {
      const theme = settings.value.theme === 'system' ? 'light' : settings.value.theme;
      downloadFile(document, name, articleHtmlDocument(article, html, readerCss, { theme, vars: vars.value }), 'text/html;charset=utf-8');
    }
    setSaid(t('savedAs', name));
  };
  return (
    <div class="lectern-panel lectern-save" id="lectern-panel-save" role="group" aria-label={t('saveLabel')}>
      <div class="lectern-save__buttons">
        <button type="button" onClick={() => void copy()}>{t('copyMarkdown')}</button>
        <button type="button" onClick={() => save('md')}>{t('saveMarkdown')}</button>
        <button type="button" onClick={() => save('html')}>{t('saveHtml')}</button>
        {onPrint && <button type="button" onClick={onPrint}>{t('print')}</button>}
      </div>
      <p class="lectern-save__said" role="status">{said}</p>
    </div>
  );
}
