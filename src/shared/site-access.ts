/**
 * A site's host permission (shared/sites.ts names sites): asked for inside the reader's click, given back, checked.
 * Apart from sites.ts so the reader's first paint, which needs the sites' settings only, does not carry it.
 */
import { browser } from './browser';
import { sitePattern } from './sites';

/**
 * Ask the browser for one site's host permission. Must be called synchronously inside the reader's click (the
 * browser shows its own prompt); resolves to whether it was granted, never throws.
 */
export function requestSiteAccess(site: string): Promise<boolean> {
  try {
    return browser.permissions.request({ origins: [sitePattern(site)] }).then(
      (granted) => granted,
      () => false,
    );
  } catch {
    return Promise.resolve(false);
  }
}

/** Give back one site's host permission. False when the browser keeps it (a permission the build requires). */
export async function removeSiteAccess(site: string): Promise<boolean> {
  try {
    return await browser.permissions.remove({ origins: [sitePattern(site)] });
  } catch {
    return false;
  }
}

export async function hasSiteAccess(site: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [sitePattern(site)] });
  } catch {
    return false;
  }
}
