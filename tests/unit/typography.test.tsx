// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { defaults, validate, type Settings } from '../../src/shared/settings';
import { ColourPicker, PRESETS, refusal } from '../../src/ui/components/ColourPicker';
import { FACES } from '../../src/ui/font-faces';
import { BUNDLED_FONTS, registerFont } from '../../src/ui/fonts';
import { t } from '../../src/ui/i18n';
import { applyTheme, cssVars, customColourVars, FONT_STACKS } from '../../src/ui/theme';

afterEach(cleanup);

describe('type and spacing as CSS variables', () => {
  it('gives the defaults', () => {
    expect(cssVars(defaults)).toMatchObject({
      '--lectern-letter': 'normal',
      '--lectern-word': 'normal',
      '--lectern-paragraph': '1em',
      '--lectern-align': 'start',
      '--lectern-hyphens': 'manual',
      '--lectern-line': '75ch',
    });
  });

  it('turns each setting into its property', () => {
    const vars = cssVars({ ...defaults, letterSpacing: 0.12, wordSpacing: 0.16, paragraphSpacing: 2, align: 'justify', lineLength: 45, font: 'opendyslexic' });
    expect(vars).toMatchObject({
      '--lectern-letter': '0.12em',
      '--lectern-word': '0.16em',
      '--lectern-paragraph': '2em',
      '--lectern-align': 'justify',
      '--lectern-hyphens': 'auto',
      '--lectern-line': '45ch',
    });
    expect(vars['--lectern-font']).toMatch(/^'OpenDyslexic', /);
    expect(cssVars({ ...defaults, lineLength: 0 })['--lectern-line']).toBe('none');
    // The custom theme's colours travel with the variables (a saved HTML file keeps them); no other theme's do.
    expect(cssVars({ ...defaults, theme: 'custom' })['--lectern-bg']).toBe(defaults.customBackground);
    expect(cssVars({ ...defaults, theme: 'dark' })['--lectern-bg']).toBeUndefined();
  });

  it('names every bundled family first in its stack, with a generic family last', () => {
    for (const [font, { family }] of Object.entries(BUNDLED_FONTS)) {
      expect(FONT_STACKS[font as keyof typeof FONT_STACKS].startsWith(`'${family}', `)).toBe(true);
      expect(FONT_STACKS[font as keyof typeof FONT_STACKS]).toMatch(/(serif|sans-serif)$/);
    }
  });
});

describe('applyTheme', () => {
  it('sets the focus attribute and the custom colours only while they are on', () => {
    const root = document.createElement('div');
    const custom: Settings = { ...defaults, theme: 'custom', focus: true, customBackground: '#101010', customText: '#f0f0f0', customLink: '#ffd966', customSelection: '#2b4a7a' };
    applyTheme(root, custom);
    expect(root.dataset.theme).toBe('custom');
    expect(root.hasAttribute('data-focus')).toBe(true);
    expect(root.style.getPropertyValue('--lectern-bg')).toBe('#101010');
    expect(root.style.getPropertyValue('--lectern-fg')).toBe('#f0f0f0');
    expect(root.style.getPropertyValue('--lectern-accent')).toBe('#ffd966');
    expect(root.style.getPropertyValue('--lectern-selection')).toBe('#2b4a7a');
    expect(root.style.getPropertyValue('color-scheme')).toBe('dark');
    applyTheme(root, { ...custom, theme: 'contrast', focus: false });
    expect(root.dataset.theme).toBe('contrast');
    expect(root.hasAttribute('data-focus')).toBe(false);
    for (const name of Object.keys(customColourVars(custom))) expect(root.style.getPropertyValue(name)).toBe('');
    expect(root.style.getPropertyValue('color-scheme')).toBe('');
  });

  it('derives the custom theme\'s other colours without losing contrast', () => {
    const vars = customColourVars({ ...defaults, theme: 'custom' });
    expect(vars['--lectern-muted']).toBe(defaults.customText);
    expect(vars['--lectern-on-accent']).toBe(defaults.customBackground);
    expect(vars['--lectern-mark']).toBe(defaults.customSelection);
  });
});

describe('bundled fonts', () => {
  it('has latin (and latin-ext where the family has it) woff2 faces at 400 and 700, and 400 italic where there is one', () => {
    expect(Object.keys(FACES).sort()).toEqual(Object.keys(BUNDLED_FONTS).sort());
    for (const faces of Object.values(FACES)) {
      const kinds = new Set(faces.map(([, w, s]) => `${w} ${s}`));
      expect(kinds.has('400 normal') && kinds.has('700 normal')).toBe(true);
      for (const [url] of faces) expect(url).toMatch(/\.woff2(\?|$)/);
    }
    expect(FACES.atkinson).toHaveLength(6);
    expect(FACES.lexend).toHaveLength(4);
    expect(FACES.opendyslexic).toHaveLength(3);
    expect(FACES.literata).toHaveLength(6);
  });

  it('registers a family\'s faces once per document, only when chosen, and nothing for system stacks', async () => {
    const added: Array<{ family: string; source: string; descriptors: FontFaceDescriptors }> = [];
    const doc = document.implementation.createHTMLDocument('x');
    const fakeWindow = { FontFace: class { constructor(public family: string, public source: string, public descriptors: FontFaceDescriptors) { added.push(this); } } };
    Object.defineProperty(doc, 'defaultView', { value: fakeWindow });
    Object.defineProperty(doc, 'fonts', { value: { add: () => undefined } });
    await registerFont(doc, 'serif');
    expect(added).toEqual([]);
    await Promise.all([registerFont(doc, 'atkinson'), registerFont(doc, 'atkinson')]);
    expect(added).toHaveLength(6);
    expect(new Set(added.map((f) => f.family))).toEqual(new Set(['Atkinson Hyperlegible']));
    expect(added[0]!.source).toMatch(/^url\(".+\.woff2(\?[^"]*)?"\) format\("woff2"\)$/);
    expect(added.filter((f) => f.descriptors.unicodeRange?.startsWith('U+0100'))).toHaveLength(3);
    await registerFont(doc, 'lexend');
    expect(added).toHaveLength(10);
  });
});

describe('the custom colour pickers', () => {
  function Harness({ initial }: { initial: Settings }) {
    const [s, setS] = useState(initial);
    return <ColourPicker settings={s} update={(patch) => setS(validate({ ...s, ...patch }))} forced={false} />;
  }
  const input = (name: string) => screen.getByLabelText<HTMLInputElement>(name);

  it('takes a colour that keeps every pair at AA', () => {
    render(<Harness initial={{ ...defaults, theme: 'custom' }} />);
    fireEvent.change(input('Text'), { target: { value: '#000000' } });
    expect(input('Text').value).toBe('#000000');
    expect(screen.getByRole('alert').textContent).toBe('');
  });

  it('refuses a pair below AA with a sentence saying why, and keeps the last good colour', () => {
    render(<Harness initial={{ ...defaults, theme: 'custom' }} />);
    fireEvent.change(input('Background'), { target: { value: '#555555' } });
    expect(screen.getByRole('alert').textContent).toMatch(/^Text and background need a contrast of at least 4\.5:1; this pair has \d+(\.\d)?:1\.$/);
    expect(input('Background').value).toBe(defaults.customBackground);
    fireEvent.change(input('Links'), { target: { value: '#e0dccf' } });
    expect(screen.getByRole('alert').textContent).toMatch(/^Links and background need a contrast of at least 4\.5:1; this pair has 1\.\d:1\.$/);
    expect(input('Links').value).toBe(defaults.customLink);
  });

  it('swaps in a whole dark or light set, each passing AA', () => {
    expect(refusal(PRESETS.light)).toBeNull();
    expect(refusal(PRESETS.dark)).toBeNull();
    render(<Harness initial={{ ...defaults, theme: 'custom' }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start from dark colours' }));
    expect(input('Background').value).toBe(PRESETS.dark.customBackground);
    fireEvent.click(screen.getByRole('button', { name: 'Start from light colours' }));
    expect(input('Background').value).toBe(PRESETS.light.customBackground);
  });

  it('checks the selection against the text', () => {
    expect(refusal({ customText: '#000000', customBackground: '#ffffff', customLink: '#1d4f91', customSelection: '#111111' })).toMatch(/^Text and selection need/);
    expect(refusal({ customText: '#000000', customBackground: '#ffffff', customLink: '#1d4f91', customSelection: '#ffe08a' })).toBeNull();
  });

  it('is off, and says so, while the system forces its colours', () => {
    render(<ColourPicker settings={{ ...defaults, theme: 'custom' }} update={() => undefined} forced />);
    expect(input('Text').matches(':disabled')).toBe(true);
    expect(screen.getByText(/system.s contrast colours are on/)).toBeTruthy();
  });
});

describe('the Display panel\'s words', () => {
  it('come from the catalogue with their placeholders filled', () => {
    expect(t('lineLengthChars', '65')).toBe('65 characters');
    expect(t('contrastTextBackground', '4.5:1', '2.1:1')).toBe('Text and background need a contrast of at least 4.5:1; this pair has 2.1:1.');
  });
});
