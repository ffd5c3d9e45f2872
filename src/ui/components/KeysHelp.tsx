/** The `?` overlay: the reading keys. A modal dialog: focus moves to its Close button and goes back when it closes. */
import { useEffect, useRef } from 'preact/hooks';
import { READING_KEYS } from '../keys';

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
        <h2 id="lectern-keys-title" class="lectern-keys__title">Reading keys</h2>
        <table class="lectern-keys__table">
          <tbody>
            {READING_KEYS.map(([keys, does]) => (
              <tr key={keys}>
                <th scope="row"><kbd>{keys}</kbd></th>
                <td>{does}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button ref={close} type="button" onClick={onClose}>Close</button>
      </div>
    </div>
  );
}
