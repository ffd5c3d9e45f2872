/**
 * One source, three builds:
 *   `vite build`                  -> dist/          Chrome, what ships
 *   `E2E=1 vite build`            -> dist-e2e/      Chrome plus host access to http://127.0.0.1/* only, because headless
 *                                                   tests cannot grant activeTab with a real gesture
 *   `BROWSER=firefox vite build`  -> dist-firefox/  Firefox: background scripts, sidebar_action, gecko settings
 *                                                   (E2E=1 as well -> dist-firefox-e2e/)
 */
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };

const e2e = process.env.E2E === '1';
const firefox = process.env.BROWSER === 'firefox';
const PANEL_PAGE = 'src/ui/sidepanel/index.html';
const TAB_PAGE = 'src/ui/tab/index.html';
const OFFSCREEN_PAGE = 'src/offscreen/index.html';

type Manifest = Record<string, unknown> & typeof baseManifest;

/** Firefox has no side_panel / sidePanel permission and no module service worker; it has sidebar_action. */
function forFirefox(m: Manifest): Record<string, unknown> {
  const { side_panel: _panel, background: _background, minimum_chrome_version: _min, ...rest } = m;
  return {
    ...rest,
    // No side panel and no offscreen documents in Firefox (large pages are read in the page there).
    permissions: m.permissions.filter((p) => p !== 'sidePanel' && p !== 'offscreen'),
    background: { scripts: [m.background.service_worker], type: 'module' },
    sidebar_action: {
      default_panel: PANEL_PAGE,
      default_title: '__MSG_extName__',
      default_icon: m.icons,
      open_at_install: false,
    },
    browser_specific_settings: {
      gecko: { id: 'lectern@lectern.example', strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
    },
  };
}

function manifestFor(): ManifestV3Export {
  const m: Record<string, unknown> = firefox ? forFirefox(baseManifest) : { ...baseManifest };
  if (e2e) m.host_permissions = ['http://127.0.0.1/*'];
  return m as unknown as ManifestV3Export;
}

/**
 * crxjs lists `?iife` scripts in web_accessible_resources for every site, which lets any page detect Lectern.
 * The script is only injected with scripting.executeScript, which needs no such entry: drop it from the final manifest.
 */
function noWebAccessibleResources(): Plugin & { renderCrxManifest: (m: Record<string, unknown>) => Record<string, unknown> } {
  return {
    name: 'lectern:no-web-accessible-resources',
    enforce: 'post',
    renderCrxManifest(m) {
      delete m.web_accessible_resources;
      return m;
    },
  };
}

/**
 * crxjs also emits each `?iife` script as an ES chunk that nothing loads (the injected file is the separate IIFE
 * build in src/content/). Drop that chunk: 40 KB of dead code, and a second copy for reviewers and linters to read.
 */
function noUnusedScriptChunks(): Plugin {
  return {
    name: 'lectern:no-unused-script-chunks',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const used = new Set(Object.values(bundle).flatMap((f) => (f.type === 'chunk' ? [...f.imports, ...f.dynamicImports] : [])));
      for (const [name, file] of Object.entries(bundle)) {
        // One per `?iife` script: the reading script and the auto-open script (src/content/).
        if (file.type === 'chunk' && /^assets\/(?:content-script|auto-open)\.ts-[\w-]+\.js$/.test(name) && !used.has(name)) delete bundle[name];
      }
    },
  };
}

const outDir = `dist${firefox ? '-firefox' : ''}${e2e ? '-e2e' : ''}`;

export default defineConfig({
  // Test-only code (src/background/test-hooks.ts) is compiled in the E2E builds alone.
  define: { __LECTERN_E2E__: JSON.stringify(e2e) },
  plugins: [preact(), crx({ manifest: manifestFor(), browser: firefox ? 'firefox' : 'chrome' }), noWebAccessibleResources(), noUnusedScriptChunks()],
  build: {
    outDir,
    emptyOutDir: true,
    target: firefox ? 'firefox128' : 'chrome116',
    sourcemap: false,
    // Extension pages run in browsers with native modulepreload (Chrome 116+, Firefox 128+): no polyfill to load.
    modulePreload: { polyfill: false },
    // The reader tab and Chromium's offscreen document are opened by URL, not named in the manifest: name them as
    // inputs. crxjs does not follow Firefox's sidebar_action.default_panel either.
    rollupOptions: {
      input: {
        tab: resolve(import.meta.dirname, TAB_PAGE),
        ...(firefox ? { sidebar: resolve(import.meta.dirname, PANEL_PAGE) } : { offscreen: resolve(import.meta.dirname, OFFSCREEN_PAGE) }),
      },
    },
  },
});
