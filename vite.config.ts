/**
 * One build, two variants: `vite build` -> dist/ (what ships) and `E2E=1 vite build` -> dist-e2e/ (the same extension
 * plus host access to http://127.0.0.1/* only, because headless tests cannot grant activeTab with a real gesture).
 */
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };

const e2e = process.env.E2E === '1';

const manifest = {
  ...baseManifest,
  ...(e2e ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
} as ManifestV3Export;

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

export default defineConfig({
  plugins: [preact(), crx({ manifest }), noWebAccessibleResources()],
  build: {
    outDir: e2e ? 'dist-e2e' : 'dist',
    emptyOutDir: true,
    target: 'chrome116',
    sourcemap: false,
  },
});
