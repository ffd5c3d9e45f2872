/** shared/sites.ts: what a stored value becomes (validated per field, migrated by version), and site names. */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../src/shared/settings';
import { isSite, parseSites, settingsFor, siteHost, siteMigrations, siteOf, sitePattern, SITES_VERSION } from '../../src/shared/sites';

describe('sites', () => {
  it('a site is a scheme and a host name: every port and path of it, http(s) only', () => {
    expect(siteOf('https://news.example.org:8443/a/b?c#d')).toBe('https://news.example.org');
    expect(siteOf('http://127.0.0.1:5173/x')).toBe('http://127.0.0.1');
    for (const url of ['file:///tmp/a.html', 'chrome://extensions', 'about:blank', 'not a url', '', null]) expect(siteOf(url)).toBeNull();
    expect(sitePattern('https://news.example.org')).toBe('https://news.example.org/*');
    expect(siteHost('https://news.example.org')).toBe('news.example.org');
    expect(isSite('https://a.example')).toBe(true);
    for (const bad of ['https://a.example/', 'https://a.example:80', 'ftp://a.example', 'https://user@a.example', 42]) expect(isSite(bad)).toBe(false);
  });

  it('keeps valid choices and drops what is not, field by field', () => {
    const sites = parseSites({
      version: SITES_VERSION,
      sites: {
        'https://a.example': { open: 'tab', pinned: { fontSize: 20, font: 'lexend', width: 'wide', theme: 'dark' } },
        'https://b.example': { open: 'everywhere', pinned: { fontSize: 19, font: 'comic', theme: 'sepia' } },
        'https://c.example': { open: 'nowhere' },
        'javascript:alert(1)': { open: 'tab' },
        'https://d.example/path': { open: 'badge' },
        'https://e.example': 'tab',
      },
    });
    expect(sites).toEqual({
      'https://a.example': { open: 'tab', pinned: { fontSize: 20, font: 'lexend', width: 'wide', theme: 'dark' } },
      'https://b.example': { pinned: { theme: 'sepia' } },
    });
    for (const junk of [null, undefined, 'x', 3, [], { version: 1, sites: 'x' }]) expect(parseSites(junk)).toEqual({});
  });

  it('migrates a version 0 value (a bare map of sites) up', () => {
    expect(siteMigrations).toHaveLength(SITES_VERSION);
    expect(parseSites({ 'https://a.example': { open: 'sidepanel' } })).toEqual({ 'https://a.example': { open: 'sidepanel' } });
  });

  it('a site\'s pins win over the global settings there, and only there', () => {
    const sites = parseSites({ version: 1, sites: { 'https://a.example': { pinned: { fontSize: 24, theme: 'dark' } } } });
    expect(settingsFor(defaults, sites, 'https://a.example')).toEqual({ ...defaults, fontSize: 24, theme: 'dark' });
    expect(settingsFor(defaults, sites, 'https://b.example')).toBe(defaults);
    expect(settingsFor(defaults, sites, null)).toBe(defaults);
  });
});
