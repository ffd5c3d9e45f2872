/** The compact toolbar: one button per panel (each says whether its panel is open), and the popup's side panel button. */
import { t, type MessageKey } from '../i18n';
import { useStore, type PanelName } from '../store';

export interface Props {
  hasToc: boolean;
  /** Popup only. Must run straight from the click (the browser allows `sidePanel.open` only inside the gesture). */
  onOpenInSidePanel?: () => void;
  /** Popup and side panel: the same article in a reader tab. */
  onOpenInTab?: () => void;
  /** Reader tab: print the article (the print stylesheet leaves the reader's controls out). */
  onPrint?: () => void;
}

const PANELS: Array<{ name: PanelName; label: MessageKey }> = [
  { name: 'settings', label: 'toolbarDisplay' },
  { name: 'toc', label: 'toolbarContents' },
  { name: 'speech', label: 'toolbarListen' },
  { name: 'save', label: 'toolbarSave' },
];

export function Toolbar({ hasToc, onOpenInSidePanel, onOpenInTab, onPrint }: Props) {
  const { panel, speech } = useStore();
  return (
    <nav class="lectern-toolbar" aria-label={t('toolbarLabel')}>
      {PANELS.filter((p) => p.name !== 'toc' || hasToc).map(({ name, label }) => (
        <button
          key={name}
          type="button"
          class="lectern-toolbar__button"
          aria-expanded={panel.value === name}
          aria-controls={`lectern-panel-${name}`}
          data-active={name === 'speech' && speech.value.status !== 'idle' ? '' : undefined}
          onClick={() => {
            panel.value = panel.value === name ? null : name;
          }}
        >
          {t(label)}
        </button>
      ))}
      {onPrint && (
        <button type="button" class="lectern-toolbar__button lectern-toolbar__button--end" onClick={onPrint}>
          {t('print')}
        </button>
      )}
      {/* Short words in a narrow popup; the names say it whole. */}
      {onOpenInTab && (
        <button type="button" class="lectern-toolbar__button lectern-toolbar__button--end" aria-label={t('openInTab')} title={t('openInTab')} onClick={onOpenInTab}>
          {t('toolbarTab')}
        </button>
      )}
      {onOpenInSidePanel && (
        <button type="button" class="lectern-toolbar__button" aria-label={t('openInSidePanel')} title={t('openInSidePanel')} onClick={onOpenInSidePanel}>
          {t('toolbarPanel')}
        </button>
      )}
    </nav>
  );
}
