/**
 * Display settings: theme and colours, font, size, spacing, alignment, width and line length, focus, and the
 * article's site's own choices. Every change applies at once in every open view.
 */
import { useEffect, useState } from 'preact/hooks';
import { forgetPositions } from '../../shared/positions';
import {
  FONT_SIZES, LETTER_SPACINGS, LINE_HEIGHTS, LINE_LENGTHS, PARAGRAPH_SPACINGS, WIDTHS, WORD_SPACINGS,
  type Align, type Font, type Settings, type Width,
} from '../../shared/settings';
import { useStore } from '../store';
import { t } from '../i18n';
import { FONT_NAMES, THEME_NAMES, WIDTH_NAMES } from '../setting-names';
import { stepIn } from '../theme';
import { Choice } from './Choice';
import type { ColourPicker as Picker, Props as PickerProps } from './ColourPicker';
import { SiteSettings } from './SiteSettings';

// Functions, not constants: the words are looked up when the panel renders.
const ALIGNS = (): Array<[Align, string]> => [['start', t('alignRagged')], ['justify', t('alignJustified')]];
const SPACING = () => [t('lineSpacingTight'), t('lineSpacingSnug'), t('lineSpacingNormal'), t('lineSpacingRelaxed'), t('lineSpacingLoose')];
const EXTRA = () => [t('extraNormal'), t('extraWide'), t('extraWider'), t('extraWidest')];
const PARAGRAPHS = () => [t('paragraphClose'), t('paragraphNormal'), t('paragraphWide'), t('paragraphWider')];

/** True while the system forces its own colours (Windows contrast themes and the like). */
function useForcedColours(): boolean {
  const [forced, setForced] = useState(() => typeof matchMedia === 'function' && matchMedia('(forced-colors: active)').matches);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const query = matchMedia('(forced-colors: active)');
    const changed = (): void => setForced(query.matches);
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, []);
  return forced;
}

/** The custom colour pickers, fetched the first time the custom theme is on (a chunk of their own). */
function CustomColours(props: PickerProps) {
  const [Loaded, setLoaded] = useState<typeof Picker | null>(null);
  useEffect(() => {
    let live = true;
    void import('./ColourPicker').then((m) => live && setLoaded(() => m.ColourPicker));
    return () => {
      live = false;
    };
  }, []);
  return Loaded ? <Loaded {...props} /> : null;
}

interface StepsProps {
  label: string;
  steps: readonly number[];
  names: readonly string[];
  value: number;
  onChange: (value: number) => void;
}

/** A select over numeric steps, each with a name. */
function Steps({ label, steps, names, value, onChange }: StepsProps) {
  return (
    <label class="lectern-field">
      <span class="lectern-field__label">{label}</span>
      <select value={String(value)} onChange={(e) => onChange(Number(e.currentTarget.value))}>
        {steps.map((step, i) => (
          <option key={step} value={String(step)}>{names[i]}</option>
        ))}
      </select>
    </label>
  );
}

export function SettingsPanel() {
  const { settings, update, surface, site } = useStore();
  const s = settings.value;
  const [forgot, setForgot] = useState('');
  const forced = useForcedColours();
  const sizeAt = FONT_SIZES.indexOf(s.fontSize as (typeof FONT_SIZES)[number]);
  const set = <K extends keyof Settings>(key: K) => (value: Settings[K]) => update({ [key]: value });
  return (
    <div class="lectern-panel" id="lectern-panel-settings" role="group" aria-label="Display">
      <Choice legend={t('displayTheme')} name="theme" options={THEME_NAMES()} value={s.theme} onChange={(theme) => update({ theme })} />
      {s.theme === 'custom' && <CustomColours settings={s} update={update} forced={forced} />}
      <label class="lectern-field">
        <span class="lectern-field__label">{t('displayFont')}</span>
        <select value={s.font} onChange={(e) => update({ font: e.currentTarget.value as Font })}>
          {FONT_NAMES().map(([font, name]) => (
            <option key={font} value={font}>{name}</option>
          ))}
        </select>
      </label>
      <div class="lectern-field">
        <span class="lectern-field__label" id="lectern-size-label">{t('displayTextSize')}</span>
        <div class="lectern-stepper" role="group" aria-labelledby="lectern-size-label">
          <button type="button" disabled={sizeAt === 0} onClick={() => update({ fontSize: stepIn(FONT_SIZES, s.fontSize, -1) })}>
            <span aria-hidden="true">{t('textSmallerShort')}</span>
            <span class="lectern-visually-hidden">{t('textSmaller')}</span>
          </button>
          <output aria-live="polite">{s.fontSize}px</output>
          <button type="button" disabled={sizeAt === FONT_SIZES.length - 1} onClick={() => update({ fontSize: stepIn(FONT_SIZES, s.fontSize, 1) })}>
            <span aria-hidden="true">{t('textLargerShort')}</span>
            <span class="lectern-visually-hidden">{t('textLarger')}</span>
          </button>
        </div>
      </div>
      <Steps label={t('displayLineSpacing')} steps={LINE_HEIGHTS} names={SPACING()} value={s.lineHeight} onChange={set('lineHeight')} />
      <Steps label={t('displayLetterSpacing')} steps={LETTER_SPACINGS} names={EXTRA()} value={s.letterSpacing} onChange={set('letterSpacing')} />
      <Steps label={t('displayWordSpacing')} steps={WORD_SPACINGS} names={EXTRA()} value={s.wordSpacing} onChange={set('wordSpacing')} />
      <Steps label={t('displayParagraphSpacing')} steps={PARAGRAPH_SPACINGS} names={PARAGRAPHS()} value={s.paragraphSpacing} onChange={set('paragraphSpacing')} />
      <Choice legend={t('displayAlignment')} name="align" options={ALIGNS()} value={s.align} onChange={(align) => update({ align })} />
      {surface !== 'popup' && (
        <label class="lectern-field">
          <span class="lectern-field__label">{t('displayWidth')}</span>
          <select value={s.width} onChange={(e) => update({ width: e.currentTarget.value as Width })}>
            {WIDTHS.map((width) => (
              <option key={width} value={width}>{WIDTH_NAMES()[width]}</option>
            ))}
          </select>
        </label>
      )}
      {surface !== 'popup' && (
        <Steps
          label={t('displayLineLength')}
          steps={LINE_LENGTHS}
          names={LINE_LENGTHS.map((n) => (n === 0 ? t('lineLengthAny') : t('lineLengthChars', String(n))))}
          value={s.lineLength}
          onChange={set('lineLength')}
        />
      )}
      <div class="lectern-field lectern-field--resume">
        <label>
          <input type="checkbox" checked={s.focus} onChange={(e) => update({ focus: e.currentTarget.checked })} /> {t('displayFocus')}
        </label>
      </div>
      <div class="lectern-field lectern-field--resume">
        <label>
          <input type="checkbox" checked={s.resume} onChange={(e) => update({ resume: e.currentTarget.checked })} /> {t('displayResume')}
        </label>
        <button
          type="button"
          onClick={() => void forgetPositions().then(() => setForgot(t('positionsForgotten')), () => setForgot(t('positionsNotForgotten')))}
        >
          {t('forgetPositions')}
        </button>
        <span role="status" class="lectern-field__said">{forgot}</span>
      </div>
      {site.value && <SiteSettings key={site.value} site={site.value} />}
    </div>
  );
}
