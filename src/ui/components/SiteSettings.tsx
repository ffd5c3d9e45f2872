/**
 * The Display panel's "This site" choices for the article's site (shared/sites.ts): keep the current settings for
 * it, and open its articles in Lectern by themselves, where. Opening by itself needs the site's host permission,
 * which the browser grants only from its own prompt inside the click.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Permissions } from 'webextension-polyfill';
import { browser } from '../../shared/browser';
import { hasSiteAccess, removeSiteAccess, requestSiteAccess } from '../../shared/site-access';
import { siteHost, SITE_OPENS, type SiteOpen } from '../../shared/sites';
import { t } from '../i18n';
import { OPEN_NAMES } from '../setting-names';
import { useStore } from '../store';

export interface Props {
  /** The article's site (`siteOf(article.url)`). */
  site: string;
}

/** Whether Lectern may read `site` now, following grants and removals made anywhere (the browser's own pages too). */
function useSiteAccess(site: string, recheck: unknown): [boolean | null, (access: boolean) => void] {
  const [access, setAccess] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    const check = (): void => void hasSiteAccess(site).then((has) => live && setAccess(has));
    check();
    // Absent where the browser gives no permissions API (tests): then what `hasSiteAccess` said stands.
    const events = browser.permissions as Permissions.Static | undefined;
    events?.onAdded?.addListener(check);
    events?.onRemoved?.addListener(check);
    return () => {
      live = false;
      events?.onAdded?.removeListener(check);
      events?.onRemoved?.removeListener(check);
    };
  }, [site, recheck]);
  return [access, setAccess];
}

export function SiteSettings({ site }: Props) {
  const { sites, pinned, pinSite, setSiteOpen } = useStore();
  const host = siteHost(site);
  const stored = sites.value[site]?.open;
  const [access, setAccess] = useSiteAccess(site, stored);
  const [where, setWhere] = useState<SiteOpen>(stored ?? 'tab');
  const [asking, setAsking] = useState(false);
  const [refused, setRefused] = useState(false);
  // Another view or the options page chose another surface.
  useEffect(() => {
    if (stored) setWhere(stored);
  }, [stored]);
  const open = Boolean(stored) && access === true;
  const onOpen = (e: { currentTarget: HTMLInputElement }): void => {
    if (!e.currentTarget.checked) {
      setRefused(false);
      void setSiteOpen(null);
      void removeSiteAccess(site);
      return;
    }
    // The browser shows its prompt only inside the click: ask first, before anything else. The choice is stored at
    // once too: the prompt may close a popup before the answer comes, and the background opens a site's pages only
    // while its permission is held (a refused site is put back to "when you ask" below, or when the view is gone,
    // by the background as its permission is missing: background/auto-open.ts).
    const asked = requestSiteAccess(site);
    setAsking(true);
    setRefused(false);
    void setSiteOpen(where);
    void asked.then((granted) => {
      setAsking(false);
      if (granted) {
        setAccess(true);
      } else {
        setRefused(true);
        void setSiteOpen(null);
      }
    });
  };
  return (
    <fieldset class="lectern-site">
      <legend class="lectern-field__label">{t('siteLegend')}</legend>
      <label class="lectern-site__check">
        <input type="checkbox" checked={pinned.value} onClick={(e) => pinSite(e.currentTarget.checked)} /> {t('sitePin', host)}
      </label>
      <div class="lectern-site__open">
        <label class="lectern-site__check">
          <input type="checkbox" checked={open || asking} disabled={asking} aria-describedby="lectern-site-note" onClick={onOpen} />{' '}
          {t('siteAlwaysOpen', host)}
        </label>
        <label class="lectern-field">
          <span class="lectern-field__label">{t('siteOpenIn')}</span>
          <select
            value={where}
            onChange={(e) => {
              const next = e.currentTarget.value as SiteOpen;
              setWhere(next);
              if (open) void setSiteOpen(next);
            }}
          >
            {SITE_OPENS.map((surface) => (
              <option key={surface} value={surface}>{OPEN_NAMES()[surface]}</option>
            ))}
          </select>
        </label>
      </div>
      <p class="lectern-panel__note" id="lectern-site-note">{t('siteAlwaysOpenNote')}</p>
      <p class="lectern-field__said" role="status">{refused ? t('siteAccessRefused', host) : ''}</p>
    </fieldset>
  );
}
