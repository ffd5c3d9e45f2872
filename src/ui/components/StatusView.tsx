/** Loading skeleton and failure sentences: never a blank panel, never a stack trace. */
import type { ReaderFailureReason } from '../../shared/protocol';
import { sentence, t } from '../i18n';

export type Props =
  | { kind: 'loading' }
  | { kind: 'invite'; message: string }
  | { kind: 'failure'; reason: ReaderFailureReason; message: string; onRetry: () => void; onForce: () => void };

const RETRYABLE: ReadonlySet<ReaderFailureReason> = new Set(['error', 'no-access', 'no-tab']);

export function StatusView(props: Props) {
  if (props.kind === 'loading') {
    return (
      <div class="lectern-status lectern-status--loading" role="status">
        <span class="lectern-visually-hidden">{t('readingPage')}</span>
        <div class="lectern-skeleton lectern-skeleton--title" />
        <div class="lectern-skeleton" />
        <div class="lectern-skeleton" />
        <div class="lectern-skeleton lectern-skeleton--short" />
      </div>
    );
  }
  if (props.kind === 'invite') {
    return (
      <div class="lectern-status lectern-status--invite" role="status">
        <p class="lectern-status__message">{props.message}</p>
      </div>
    );
  }
  const { reason, message, onRetry, onForce } = props;
  return (
    <div class="lectern-status lectern-status--failure" role="alert" data-reason={reason}>
      <p class="lectern-status__message">{sentence(message)}</p>
      <div class="lectern-status__actions">
        {reason === 'not-article' && (
          <button type="button" onClick={onForce}>
            {t('showAnyway')}
          </button>
        )}
        {RETRYABLE.has(reason) && (
          <button type="button" onClick={onRetry}>
            {t('tryAgain')}
          </button>
        )}
      </div>
    </div>
  );
}
