import { beforeEach, describe, expect, it } from 'vitest';
import mock from '../support/browser-mock';
import {
  CUSTOM_MIN_CONTRAST, CUSTOM_PAIRS, defaults, FONT_SIZES, loadSettings, migrate, migrations, parseStored, saveSettings, SETTINGS_KEY, SETTINGS_VERSION,
  validate, watchSettings, type Settings,
} from '../../src/shared/settings';
import { contrastRatio } from '../../src/shared/contrast';

beforeEach(() => mock.storage.sync.reset());

describe('validate', () => {
  it('gives the defaults for nothing, null, arrays and junk', () => {
    for (const raw of [undefined, null, 42, 'dark', [], {}]) expect(validate(raw)).toEqual(defaults);
  });

  it('keeps every valid value', () => {
    const good: Settings = {
      theme: 'sepia', font: 'mono', fontSize: 22, lineHeight: 1.8, width: 'wide', speechRate: 1.4, voice: 'Local Voice', resume: false,
      letterSpacing: 0.06, wordSpacing: 0.16, paragraphSpacing: 2, align: 'justify', lineLength: 55, focus: true,
      customText: '#ffffff', customBackground: '#000000', customLink: '#ffff00', customSelection: '#1d4f91',
    };
    expect(validate(good)).toEqual(good);
  });

  it('falls back field by field, leaving the valid fields alone', () => {
    const out = validate({ theme: 'neon', font: 'sans', fontSize: 9999, lineHeight: '1.6', width: 'wide', speechRate: -1, voice: 7 });
    expect(out).toEqual({ ...defaults, font: 'sans', width: 'wide' });
  });

  it('rejects sizes between the steps and non-finite numbers', () => {
    expect(validate({ fontSize: 17.5 }).fontSize).toBe(defaults.fontSize);
    expect(validate({ fontSize: Number.NaN }).fontSize).toBe(defaults.fontSize);
    expect(FONT_SIZES.length).toBeGreaterThanOrEqual(8);
    expect(FONT_SIZES).toContain(defaults.fontSize);
  });

  it('checks each new type and colour field on its own', () => {
    for (const theme of ['contrast', 'custom'] as const) expect(validate({ theme }).theme).toBe(theme);
    for (const font of ['atkinson', 'opendyslexic', 'lexend', 'literata'] as const) expect(validate({ font }).font).toBe(font);
    const out = validate({ letterSpacing: 0.5, wordSpacing: '0.16', paragraphSpacing: 1.5, align: 'center', lineLength: 65, focus: 'yes', font: 'comic' });
    expect(out).toEqual({ ...defaults, paragraphSpacing: 1.5, lineLength: 65 });
    expect(validate({ lineLength: 0 }).lineLength).toBe(0);
    expect(validate({ lineLength: 66 }).lineLength).toBe(defaults.lineLength);
  });

  it('keeps custom colours as lower-case #rrggbb and drops anything else', () => {
    expect(validate({ customText: '#0A0A0A' }).customText).toBe('#0a0a0a');
    for (const bad of ['red', '#fff', 'rgb(0,0,0)', '#12345g', 12, 'url(x)']) expect(validate({ customLink: bad }).customLink).toBe(defaults.customLink);
  });

  it('drops a stored set of custom colours that fails AA as a whole (a hand edit), keeping the other settings', () => {
    const out = validate({ theme: 'custom', customText: '#777777', customBackground: '#888888', customLink: '#000000', customSelection: '#ffffff' });
    expect(out.theme).toBe('custom');
    expect([out.customText, out.customBackground, out.customLink, out.customSelection]).toEqual([
      defaults.customText, defaults.customBackground, defaults.customLink, defaults.customSelection,
    ]);
  });

  it('has default custom colours that pass AA in every checked pair', () => {
    for (const [a, b] of CUSTOM_PAIRS) expect(contrastRatio(defaults[a], defaults[b])).toBeGreaterThanOrEqual(CUSTOM_MIN_CONTRAST);
  });

  it('drops unknown keys', () => {
    expect(Object.keys(validate({ theme: 'dark', evil: '<script>' })).sort()).toEqual(Object.keys(defaults).sort());
  });
});

describe('migrations', () => {
  it('writes the version the migrations lead to', () => {
    expect(SETTINGS_VERSION).toBe(migrations.length);
  });

  it('moves unversioned values up: "auto" theme, sizes stored as strings', () => {
    expect(parseStored({ theme: 'auto', fontSize: '20px', lineHeight: '1.8' })).toEqual({ ...defaults, fontSize: 20, lineHeight: 1.8 });
  });

  it('1 -> 2: reading positions are on for a version-1 reader, an explicit "off" stays off, junk falls back to on', () => {
    expect(parseStored({ version: 1, theme: 'dark' })).toEqual({ ...defaults, theme: 'dark', resume: true });
    expect(parseStored({ version: 1, resume: false })).toEqual({ ...defaults, resume: false });
    expect(parseStored({ version: 2, resume: 'no' }).resume).toBe(true);
  });

  it('2 -> 3: type and colour settings arrive with their defaults; a full-width reader keeps unlimited lines; the rest stays', () => {
    const v2 = { version: 2, theme: 'sepia', font: 'sans', fontSize: 20, width: 'wide', resume: false, voice: 'v' };
    const out = parseStored(v2);
    expect(out).toEqual({ ...defaults, theme: 'sepia', font: 'sans', fontSize: 20, width: 'wide', resume: false, voice: 'v', lineLength: 75 });
    expect(parseStored({ version: 2, width: 'full' })).toMatchObject({ width: 'full', lineLength: 0, letterSpacing: 0, align: 'start', focus: false });
    expect(migrate({ version: 2, resume: true })).toMatchObject({ version: 3, resume: true, paragraphSpacing: 1, wordSpacing: 0 });
    // A version-3 object is not migrated again: its own line length stands.
    expect(parseStored({ version: 3, width: 'full', lineLength: 55 }).lineLength).toBe(55);
    // From the very first version up, in one read.
    expect(parseStored({ theme: 'auto', fontSize: '18' })).toEqual({ ...defaults, fontSize: 18 });
  });

  it('leaves current objects to validation only', () => {
    // A version-1 object is not migrated again: a string size there is corrupt and falls back.
    expect(parseStored({ version: 1, theme: 'dark', fontSize: '20px' })).toEqual({ ...defaults, theme: 'dark' });
  });

  it('runs each needed step once, in order, from the stored version', () => {
    const steps = [
      (r: Record<string, unknown>) => ({ ...r, log: [...((r.log as string[]) ?? []), 'a'] }),
      (r: Record<string, unknown>) => ({ ...r, log: [...((r.log as string[]) ?? []), 'b'] }),
      (r: Record<string, unknown>) => ({ ...r, log: [...((r.log as string[]) ?? []), 'c'] }),
    ];
    expect(migrate({}, steps)).toEqual({ log: ['a', 'b', 'c'], version: 3 });
    expect(migrate({ version: 1 }, steps)).toEqual({ log: ['b', 'c'], version: 3 });
    expect(migrate({ version: 3, log: [] }, steps)).toEqual({ log: [], version: 3 });
    expect(migrate({ version: 'x' }, steps).log).toEqual(['a', 'b', 'c']);
    expect(migrate(null, steps)).toEqual({ version: 3 });
  });

  it('never lets a newer version break the view', () => {
    expect(parseStored({ version: 99, theme: 'dark', futureThing: true })).toEqual({ ...defaults, theme: 'dark' });
  });
});

describe('storage', () => {
  it('loads the defaults when nothing is stored, and what was saved afterwards', async () => {
    expect(await loadSettings()).toEqual(defaults);
    await saveSettings({ theme: 'dark' });
    await saveSettings({ fontSize: 22 });
    expect(await loadSettings()).toEqual({ ...defaults, theme: 'dark', fontSize: 22 });
    const stored = (await mock.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY] as Record<string, unknown>;
    expect(stored.version).toBe(SETTINGS_VERSION);
  });

  it('never saves an invalid value', async () => {
    await saveSettings({ theme: 'dark' });
    await saveSettings({ theme: 'neon' as never, fontSize: 3 });
    expect(await loadSettings()).toEqual(defaults);
  });

  it('survives corrupt storage', async () => {
    await mock.storage.sync.set({ [SETTINGS_KEY]: 'garbage' });
    expect(await loadSettings()).toEqual(defaults);
  });

  it('tells watchers about changes in the sync area only, until they stop watching', async () => {
    const seen: Settings[] = [];
    const stop = watchSettings((s) => seen.push(s));
    await saveSettings({ theme: 'sepia' });
    await mock.storage.session.set({ [SETTINGS_KEY]: { theme: 'dark' } });
    await mock.storage.sync.set({ other: 1 });
    stop();
    await saveSettings({ theme: 'light' });
    expect(seen).toEqual([{ ...defaults, theme: 'sepia' }]);
  });
});
