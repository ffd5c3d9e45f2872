/**
 * Per-site choices, made by the reader one site at a time: open the site's articles in Lectern by themselves (which
 * surface), and settings pinned for the site (text size, font, width, theme), falling back to the global settings.
 *
 * A site is a scheme and a host name (`https://example.org`): what one host permission pattern covers
 * (`https://example.org/*` matches every port). Kept in `storage.local`, like the permission each auto-open site
 * holds, which belongs to this browser and does not travel with synced settings. Validated per field and migrated
 * by a stored `version`, like the settings.
 */
import type { Storage } from 'webextension-polyfill';
import { browser } from './browser';
import { FONT_SIZES, FONTS, THEMES, WIDTHS, type Settings } from './settings';

/** Where an auto-opened article shows. A side panel cannot open without a click: there it shows if the panel is open, with a badge otherwise. */
export const SITE_OPENS = ['tab', 'sidepanel', 'badge'] as const;
export type SiteOpen = (typeof SITE_OPENS)[number];

/** The settings a site can pin. */
export const PINNABLE = ['fontSize', 'font', 'width', 'theme'] as const;
export type Pinnable = (typeof PINNABLE)[number];
export type Pinned = Partial<Pick<Settings, Pinnable>>;

export interface SiteChoice {
  /** Open this site's articles by themselves, here; absent: never. */
  open?: SiteOpen;
  /** Settings used on this site instead of the global ones; absent: none. */
  pinned?: Pinned;
}

export type Sites = Record<string, SiteChoice>;

export const SITES_KEY = 'sites';
export const SITES_VERSION = 1;
/** More sites than anyone chooses by hand; a stored object beyond it (a hand edit) is cut. */
export const MAX_SITES = 500;

/** The site of a page's URL, or null for anything but http(s). */
export function siteOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? `${u.protocol}//${u.hostname}` : null;
  } catch {
    return null;
  }
}

/** The host permission pattern of a site: every path, every port. */
export const sitePattern = (site: string): string => `${site}/*`;

/** A site's name as a reader knows it: the host. */
export function siteHost(site: string): string {
  return site.replace(/^https?:\/\//, '');
}

const SITE_RE = /^https?:\/\/[^/?#\s:@]+$/;
export const isSite = (value: unknown): value is string => typeof value === 'string' && value.length <= 300 && SITE_RE.test(value);

const oneOf = <T>(allowed: readonly T[], value: unknown): T | undefined => (allowed.includes(value as T) ? (value as T) : undefined);

/** Whatever a stored pin held -> only valid pins. */
function validPinned(raw: unknown): Pinned | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  const pinned: Pinned = {};
  const fontSize = oneOf<number>(FONT_SIZES, r.fontSize);
  if (fontSize !== undefined) pinned.fontSize = fontSize;
  const font = oneOf(FONTS, r.font);
  if (font) pinned.font = font;
  const width = oneOf(WIDTHS, r.width);
  if (width) pinned.width = width;
  const theme = oneOf(THEMES, r.theme);
  if (theme) pinned.theme = theme;
  return Object.keys(pinned).length ? pinned : undefined;
}

/** Migrations in order, as in settings.ts: `migrations[n]` turns version n into n + 1. Version 0 is a bare map. */
export const siteMigrations: ReadonlyArray<(raw: Record<string, unknown>) => Record<string, unknown>> = [
  (raw) => ({ sites: typeof raw.sites === 'object' && raw.sites !== null ? raw.sites : raw }),
];

/** Whatever storage held -> valid sites: unknown sites, surfaces and settings dropped one by one. */
export function parseSites(stored: unknown): Sites {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  let value = { ...(stored as Record<string, unknown>) };
  const v = value.version;
  for (let version = typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0; version < siteMigrations.length; version++) {
    value = siteMigrations[version]!(value);
  }
  const raw = value.sites;
  const sites: Sites = {};
  if (typeof raw !== 'object' || raw === null) return sites;
  for (const [site, choice] of Object.entries(raw as Record<string, unknown>).slice(0, MAX_SITES)) {
    if (!isSite(site) || typeof choice !== 'object' || choice === null) continue;
    const c = choice as Record<string, unknown>;
    const open = oneOf(SITE_OPENS, c.open);
    const pinned = validPinned(c.pinned);
    if (open || pinned) sites[site] = { ...(open ? { open } : {}), ...(pinned ? { pinned } : {}) };
  }
  return sites;
}

/** The settings a view uses on `site`: the global ones with the site's pins over them. */
export function settingsFor(global: Settings, sites: Sites, site: string | null): Settings {
  const pinned = site ? sites[site]?.pinned : undefined;
  return pinned ? { ...global, ...pinned } : global;
}

export async function loadSites(): Promise<Sites> {
  try {
    return parseSites((await browser.storage.local.get(SITES_KEY))[SITES_KEY]);
  } catch {
    return {};
  }
}

/** Read-change-write of the stored sites, one at a time in this context (two quick changes must not lose one). */
let writing: Promise<unknown> = Promise.resolve();
function serially<T>(write: () => Promise<T>): Promise<T> {
  const next = writing.then(write, write);
  writing = next.catch(() => undefined);
  return next;
}

/**
 * Change one site's choices (`open: null` / `pinned: null` clear them) and store every site. A site with no choice
 * left is forgotten. Returns the new sites.
 */
export function saveSite(site: string, change: SiteChange): Promise<Sites> {
  return serially(() => saveNow(site, change));
}

export type SiteChange = { open?: SiteOpen | null; pinned?: Pinned | null };

/** `sites` with one site's choices changed (a new object; pins merged and validated; a site left with none goes). */
export function withSiteChange(sites: Sites, site: string, change: SiteChange): Sites {
  const next: SiteChoice = { ...sites[site] };
  if (change.open !== undefined) {
    if (change.open === null) delete next.open;
    else next.open = change.open;
  }
  if (change.pinned !== undefined) {
    const pinned = change.pinned === null ? undefined : validPinned({ ...next.pinned, ...change.pinned });
    if (pinned) next.pinned = pinned;
    else delete next.pinned;
  }
  const all = { ...sites };
  if (next.open || next.pinned) all[site] = next;
  else delete all[site];
  return all;
}

async function saveNow(site: string, change: SiteChange): Promise<Sites> {
  if (!isSite(site)) return loadSites();
  const sites = withSiteChange(await loadSites(), site, change);
  await browser.storage.local.set({ [SITES_KEY]: { version: SITES_VERSION, sites } });
  return sites;
}

/** Forget a site altogether (its permission is the caller's: site-access.ts `removeSiteAccess`). */
export function forgetSite(site: string): Promise<Sites> {
  return serially(async () => {
    const sites = await loadSites();
    delete sites[site];
    await browser.storage.local.set({ [SITES_KEY]: { version: SITES_VERSION, sites } });
    return sites;
  });
}

/** Call `cb` with the sites whenever they change. Returns the function that stops watching. */
export function watchSites(cb: (sites: Sites) => void): () => void {
  const listener = (changes: Record<string, Storage.StorageChange>, area: string): void => {
    if (area === 'local' && SITES_KEY in changes) cb(parseSites(changes[SITES_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
