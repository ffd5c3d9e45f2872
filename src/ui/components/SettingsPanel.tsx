/** Display settings: theme, font, size, spacing and width. Every change applies at once in every open view. */
import { useState } from 'preact/hooks';
import { forgetPositions } from '../../shared/positions';
import { FONT_SIZES, LINE_HEIGHTS, WIDTHS, type Font, type Theme, type Width } from '../../shared/settings';
import { useStore } from '../store';
import { stepIn } from '../theme';
import { Choice } from './Choice';

const THEMES: Array<[Theme, string]> = [['system', 'System'], ['light', 'Light'], ['dark', 'Dark'], ['sepia', 'Sepia']];
const FONTS: Array<[Font, string]> = [['serif', 'Serif'], ['sans', 'Sans'], ['mono', 'Mono']];
const SPACING = ['Tight', 'Snug', 'Normal', 'Relaxed', 'Loose'];
const WIDTH_NAMES: Record<Width, string> = { narrow: 'Narrow', medium: 'Medium', wide: 'Wide', full: 'Full' };

export function SettingsPanel() {
  const { settings, update, surface } = useStore();
  const s = settings.value;
  const [forgot, setForgot] = useState('');
  const sizeAt = FONT_SIZES.indexOf(s.fontSize as (typeof FONT_SIZES)[number]);
  return (
    <div class="lectern-panel" id="lectern-panel-settings" role="group" aria-label="Display">
      <Choice legend="Theme" name="theme" options={THEMES} value={s.theme} onChange={(theme) => update({ theme })} />
      <Choice legend="Font" name="font" options={FONTS} value={s.font} onChange={(font) => update({ font })} />
      <div class="lectern-field">
        <span class="lectern-field__label" id="lectern-size-label">Text size</span>
        <div class="lectern-stepper" role="group" aria-labelledby="lectern-size-label">
          <button type="button" disabled={sizeAt === 0} onClick={() => update({ fontSize: stepIn(FONT_SIZES, s.fontSize, -1) })}>
            <span aria-hidden="true">A−</span>
            <span class="lectern-visually-hidden">Smaller text</span>
          </button>
          <output aria-live="polite">{s.fontSize}px</output>
          <button type="button" disabled={sizeAt === FONT_SIZES.length - 1} onClick={() => update({ fontSize: stepIn(FONT_SIZES, s.fontSize, 1) })}>
            <span aria-hidden="true">A+</span>
            <span class="lectern-visually-hidden">Larger text</span>
          </button>
        </div>
      </div>
      <label class="lectern-field">
        <span class="lectern-field__label">Line spacing</span>
        <select value={String(s.lineHeight)} onChange={(e) => update({ lineHeight: Number(e.currentTarget.value) })}>
          {LINE_HEIGHTS.map((h, i) => (
            <option key={h} value={String(h)}>{SPACING[i]}</option>
          ))}
        </select>
      </label>
      {surface !== 'popup' && (
        <label class="lectern-field">
          <span class="lectern-field__label">Width</span>
          <select value={s.width} onChange={(e) => update({ width: e.currentTarget.value as Width })}>
            {WIDTHS.map((w) => (
              <option key={w} value={w}>{WIDTH_NAMES[w]}</option>
            ))}
          </select>
        </label>
      )}
      <div class="lectern-field lectern-field--resume">
        <label>
          <input type="checkbox" checked={s.resume} onChange={(e) => update({ resume: e.currentTarget.checked })} /> Resume where I left off
        </label>
        <button
          type="button"
          onClick={() => void forgetPositions().then(() => setForgot('Reading positions forgotten.'), () => setForgot('Lectern could not clear them. Try again.'))}
        >
          Forget reading positions
        </button>
        <span role="status" class="lectern-field__said">{forgot}</span>
      </div>
    </div>
  );
}
