/**
 * The options page: every site with choices of its own (shared/sites.ts), where its articles open by themselves, its
 * own settings in words, and a button that forgets it. Follows storage, so a choice made in a reader shows at once.
 */
import { useEffect, useState } from 'preact/hooks';
import { removeSiteAccess, requestSiteAccess } from '../../shared/site-access';
import {
  forgetSite, loadSites, saveSite, siteHost, SITE_OPENS, watchSites, type Pinned, type SiteChoice, type SiteOpen, type Sites,
} from '../../shared/sites';
import { t } from '../i18n';
import { FONT_NAMES, OPEN_NAMES, THEME_NAMES, WIDTH_NAMES } from '../setting-names';

// Changes one after another: each reads the stored sites and writes them all, so two at once would lose one.
let changing: Promise<unknown> = Promise.resolve();
function inTurn(change: () => Promise<unknown>): Promise<unknown> {
  changing = changing.then(change).catch(() => undefined);
  return changing;
}

/** A site's own settings as words, in the order text size, font, width, theme. */
export function pinnedWords(pinned: Pinned): string[] {
  const words: string[] = [];
  if (pinned.fontSize !== undefined) words.push(t('pinnedTextSize', String(pinned.fontSize)));
  if (pinned.font) words.push(FONT_NAMES().find(([font]) => font === pinned.font)?.[1] ?? pinned.font);
  if (pinned.width) words.push(WIDTH_NAMES()[pinned.width]);
  if (pinned.theme) words.push(THEME_NAMES().find(([theme]) => theme === pinned.theme)?.[1] ?? pinned.theme);
  return words;
}

/** The stored sites, kept in step with storage; null until they have been read. */
function useSites(): Sites | null {
  const [sites, setSites] = useState<Sites | null>(null);
  useEffect(() => {
    let live = true;
    let changed = false;
    const unwatch = watchSites((next) => {
      changed = true;
      setSites(next);
    });
    void loadSites().then((stored) => live && !changed && setSites(stored));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return sites;
}

export function OptionsPage() {
  const sites = useSites();
  const list = Object.keys(sites ?? {}).sort((a, b) => siteHost(a).localeCompare(siteHost(b)));
  return (
    <main class="lectern-options">
      <h1>{t('optionsTitle')}</h1>
      <section aria-labelledby="lectern-options-sites">
        <h2 id="lectern-options-sites">{t('optionsSites')}</h2>
        <p class="lectern-options__intro">{t('optionsSitesIntro')}</p>
        {sites && (list.length ? (
          <ul class="lectern-sites">
            {list.map((site) => <SiteRow key={site} site={site} choice={sites[site]!} />)}
          </ul>
        ) : (
          <p class="lectern-options__empty">{t('optionsNoSites')}</p>
        ))}
      </section>
    </main>
  );
}

interface RowProps {
  site: string;
  choice: SiteChoice;
}

function SiteRow({ site, choice }: RowProps) {
  const host = siteHost(site);
  // The surface chosen while the browser's prompt is up.
  const [asking, setAsking] = useState<SiteOpen | null>(null);
  const [refused, setRefused] = useState(false);
  const onOpen = (value: string): void => {
    setRefused(false);
    if (!(SITE_OPENS as readonly string[]).includes(value)) {
      void inTurn(() => saveSite(site, { open: null }));
      void removeSiteAccess(site);
      return;
    }
    const open = value as SiteOpen;
    if (choice.open) {
      void inTurn(() => saveSite(site, { open }));
      return;
    }
    // From "when you ask" to by itself: the browser's prompt, first, inside the reader's choice.
    const asked = requestSiteAccess(site);
    setAsking(open);
    void asked.then(async (granted) => {
      if (granted) await inTurn(() => saveSite(site, { open }));
      else setRefused(true);
      setAsking(null);
    });
  };
  const words = choice.pinned ? pinnedWords(choice.pinned) : [];
  return (
    <li>
      <fieldset class="lectern-sites__site">
        <legend>
          <h3 class="lectern-sites__host">{host}</h3>
        </legend>
        <label class="lectern-field">
          <span class="lectern-field__label">{t('optionsOpens')}</span>
          <select value={asking ?? choice.open ?? ''} disabled={asking !== null} onChange={(e) => onOpen(e.currentTarget.value)}>
            <option value="">{t('optionsOpenAsked')}</option>
            {SITE_OPENS.map((surface) => (
              <option key={surface} value={surface}>{OPEN_NAMES()[surface]}</option>
            ))}
          </select>
        </label>
        <p class="lectern-field lectern-sites__pinned">
          <span class="lectern-field__label">{t('optionsSettings')}</span>
          <span>
            {words.length ? words.map((word) => <span key={word} class="lectern-sites__pin">{word}</span>) : t('optionsSettingsGlobal')}
          </span>
        </p>
        <button
          type="button"
          onClick={() => {
            void inTurn(() => forgetSite(site));
            void removeSiteAccess(site);
          }}
        >
          {t('optionsRemove')}
        </button>
        <p class="lectern-field__said" role="status">{refused ? t('siteAccessRefused', host) : ''}</p>
      </fieldset>
    </li>
  );
}
