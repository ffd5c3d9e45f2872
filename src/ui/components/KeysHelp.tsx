/** The `?` overlay: the reading keys. A modal dialog: focus moves to its Close button and goes back when it closes. */
import { useEffect, useRef } from 'preact/hooks';
import { t, type MessageKey } from '../i18n';
import { READING_KEYS } from '../keys';

/** A key's name: words are translated ("Esc", "Space"), symbols are not. */
const keyName = (keys: string): string => (/^key[A-Z]/.test(keys) ? t(keys as MessageKey) : keys);

export interface Props {
  onClose: () => void;
}

export function KeysHelp({ onClose }: Props) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => before?.focus?.();
  }, []);
  return (
    <div class="lectern-keys" role="dialog" aria-modal="true" aria-labelledby="lectern-keys-title">
      <div class="lectern-keys__box">
        <h2 id="lectern-keys-title" class="lectern-keys__title">{t('keysTitle')}</h2>
        <table class="lectern-keys__table">
          <tbody>
            {READING_KEYS.map(([keys, does]) => (
              <tr key={keys}>
                <th scope="row"><kbd>{keyName(keys)}</kbd></th>
                <td>{t(does)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button ref={close} type="button" onClick={onClose}>{t('close')}</button>
      </div>
    </div>
  );
}
