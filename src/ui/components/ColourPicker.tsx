/**
 * The custom theme's four colours, each an `<input type=color>`. A colour that would leave text or links below WCAG AA
 * against the background (or text against the selection) is refused: the picker goes back to the last good colour and
 * a sentence says why.
 */
import { useState } from 'preact/hooks';
import { CUSTOM_MIN_CONTRAST, CUSTOM_PAIRS, type CustomColourKey, type Settings } from '../../shared/settings';
import { contrastRatio, formatRatio, isDark, normalizeHex } from '../../shared/contrast';
import { t, type MessageKey } from '../i18n';

const FIELDS: Array<[CustomColourKey, MessageKey]> = [
  ['customText', 'colourText'],
  ['customBackground', 'colourBackground'],
  ['customLink', 'colourLinks'],
  ['customSelection', 'colourSelection'],
];
/** The sentence for each checked pair (CUSTOM_PAIRS), by the pair's first and second colour. */
const PAIR_SENTENCES: Record<string, MessageKey> = {
  'customText customBackground': 'contrastTextBackground',
  'customLink customBackground': 'contrastLinksBackground',
  'customText customSelection': 'contrastTextSelection',
};

/**
 * Whole sets to start from: one colour at a time cannot turn a light set into a dark one (every step on the way
 * would fail), so a button swaps in the other kind whole.
 */
export const PRESETS: Record<'light' | 'dark', Pick<Settings, CustomColourKey>> = {
  light: { customText: '#1a1a1a', customBackground: '#f5f1e6', customLink: '#1d4f91', customSelection: '#b8d4f5' },
  dark: { customText: '#eeeeee', customBackground: '#121212', customLink: '#8cc8ff', customSelection: '#2b4a7a' },
};

/** The first sentence refusing `next`, or null when every pair passes. */
export function refusal(next: Pick<Settings, CustomColourKey>): string | null {
  for (const [a, b] of CUSTOM_PAIRS) {
    const ratio = contrastRatio(next[a], next[b]);
    if (!(ratio >= CUSTOM_MIN_CONTRAST)) return t(PAIR_SENTENCES[`${a} ${b}`]!, formatRatio(CUSTOM_MIN_CONTRAST), formatRatio(ratio));
  }
  return null;
}

export interface Props {
  settings: Settings;
  update: (patch: Partial<Settings>) => void;
  /** True while the system forces its own colours: the pickers are off then. */
  forced: boolean;
}

export function ColourPicker({ settings, update, forced }: Props) {
  const [said, setSaid] = useState('');
  const choose = (key: CustomColourKey, input: HTMLInputElement): void => {
    const value = normalizeHex(input.value);
    const next = { ...settings, [key]: value ?? settings[key] };
    const problem = value ? refusal(next) : t('notAColour');
    if (problem) {
      // Keep the last good colour, in the picker as in the settings.
      input.value = settings[key];
      setSaid(problem);
      return;
    }
    setSaid('');
    update({ [key]: value });
  };
  return (
    <fieldset class="lectern-colours" disabled={forced}>
      <legend class="lectern-field__label">{t('customColours')}</legend>
      {forced && <p class="lectern-panel__note">{t('coloursForced')}</p>}
      <div class="lectern-colours__inputs">
        {FIELDS.map(([key, label]) => (
          <label key={key} class="lectern-colours__input">
            <input type="color" value={settings[key]} data-colour={key} onChange={(e) => choose(key, e.currentTarget)} />
            <span>{t(label)}</span>
          </label>
        ))}
      </div>
      <button
        type="button"
        class="lectern-colours__preset"
        onClick={() => {
          setSaid('');
          update(PRESETS[isDark(settings.customBackground) ? 'light' : 'dark']);
        }}
      >
        {t(isDark(settings.customBackground) ? 'coloursStartLight' : 'coloursStartDark')}
      </button>
      <p class="lectern-colours__said" role="alert">{said}</p>
    </fieldset>
  );
}
