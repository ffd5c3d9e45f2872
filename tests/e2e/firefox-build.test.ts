/**
 * The Firefox builds from the one manifest source: what the release build (dist-firefox/) must and must not hold, and
 * that the test-only hooks (src/background/test-hooks.ts) reach the E2E builds only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/dom';

const HOOK_NAMES = ['__lecternTestHooks', '__LECTERN_E2E__'];

const manifest = (dist: string): Record<string, unknown> => JSON.parse(readFileSync(join(ROOT, dist, 'manifest.json'), 'utf8')) as Record<string, unknown>;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Built files (relative to the build folder) whose text contains `needle`. */
function filesContaining(dist: string, needle: string): string[] {
  const root = join(ROOT, dist);
  return files(root).filter((f) => readFileSync(f, 'utf8').includes(needle)).map((f) => relative(root, f));
}

describe('the Firefox release build (dist-firefox/)', () => {
  it('has background scripts, a sidebar with the reader page, gecko settings and no Chrome-only keys', () => {
    const m = manifest('dist-firefox');
    const chrome = manifest('dist');
    const background = m.background as { scripts?: string[]; service_worker?: string };
    expect(background.service_worker).toBeUndefined();
    expect(background.scripts).toHaveLength(1);
    expect(existsSync(join(ROOT, 'dist-firefox', background.scripts![0]!))).toBe(true);

    const sidebar = m.sidebar_action as { default_panel: string };
    expect(sidebar.default_panel).toBe((chrome.side_panel as { default_path: string }).default_path);
    const panelHtml = readFileSync(join(ROOT, 'dist-firefox', sidebar.default_panel), 'utf8');
    expect(panelHtml, 'the sidebar page loads built scripts').toMatch(/<script type="module"[^>]* src="\/assets\/[\w-]+\.js"/);
    expect(m.action).toEqual(chrome.action);
    expect(m.commands).toEqual(chrome.commands);

    const gecko = (m.browser_specific_settings as { gecko?: { id?: string; strict_min_version?: string } } | undefined)?.gecko;
    expect(gecko?.id).toBe('lectern@lectern.example');
    expect(gecko?.strict_min_version).toMatch(/^\d+\.0$/);
    expect(m.permissions).toEqual(['activeTab', 'scripting', 'contextMenus', 'storage']);
    for (const key of ['side_panel', 'minimum_chrome_version', 'host_permissions', 'web_accessible_resources', 'content_scripts']) {
      expect(m[key], key).toBeUndefined();
    }
  });

  it('the Firefox test build differs only by host access to 127.0.0.1', () => {
    const { host_permissions: hosts, ...rest } = manifest('dist-firefox-e2e');
    expect(hosts).toEqual(['http://127.0.0.1/*']);
    expect(rest).toEqual(manifest('dist-firefox'));
  });
});

describe('test-only hooks', () => {
  it('are compiled into the E2E builds', () => {
    expect(filesContaining('dist-e2e', '__lecternTestHooks')).not.toEqual([]);
    expect(filesContaining('dist-firefox-e2e', '__lecternTestHooks')).not.toEqual([]);
  });

  it('are not in the release builds (dist/, dist-firefox/)', () => {
    for (const dist of ['dist', 'dist-firefox']) {
      for (const name of HOOK_NAMES) expect(filesContaining(dist, name), `${name} in ${dist}/`).toEqual([]);
    }
  });
});
