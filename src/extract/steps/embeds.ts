/**
 * Step `embeds`: a video or audio player becomes a link card to the page that plays it (provider, title, "Open
 * video"). The reader view shows no frame and loads nothing the reader did not ask for, so without this a player
 * vanished and left its caption captioning nothing. Frames of players `embed-providers.ts` knows (Readability keeps
 * them for this step), lazy ones included (their address in a `data-*` attribute), and the page's own `<video>` and
 * `<audio>` files. Other frames stay for the view's sanitizer, which drops them.
 *
 * Before Readability, a social post's embed code (the blockquote Twitter/X, Instagram, Bluesky, Mastodon, TikTok and
 * Threads give, read without their script) loses its layout boxes: Readability took the boxes of an Instagram post
 * for link-heavy clutter and left an empty quote. Its text and links stay, in the quote.
 */
import type { StepContext } from '../context';
import { embedLink, type EmbedKind, type EmbedLink } from '../embed-providers';
import { squash } from '../text';

/** Words of the titles players give their frame ("YouTube video player", "vimeo-player"): they say nothing of the video. */
const GENERIC_WORDS = new Set([
  'youtube', 'vimeo', 'spotify', 'soundcloud', 'dailymotion', 'twitch', 'ted', 'bilibili', 'apple', 'podcasts',
  'embed', 'embedded', 'content', 'video', 'audio', 'media', 'player', 'frame', 'iframe', 'podcast', 'episode',
]);
const isGeneric = (title: string): boolean => title.toLowerCase().split(/[\s_-]+/).every((w) => GENERIC_WORDS.has(w));

const ACTION: Record<EmbedKind, string> = { video: 'Open video', audio: 'Open audio' };

/** The player an element is, from its `src` or, for a lazy frame, any attribute holding a player's URL. */
function playerOf(el: Element, base: string): EmbedLink | null {
  const src = el.getAttribute('src');
  const direct = src ? embedLink(src, base) : null;
  if (direct) return direct;
  for (let i = 0; i < el.attributes.length; i++) {
    const attr = el.attributes[i] as Attr;
    if (attr.name === 'src' || !/^data-|src$/.test(attr.name) || !attr.value.includes('//')) continue;
    const lazy = embedLink(attr.value, base);
    if (lazy) return lazy;
  }
  return null;
}

/** A page's own `<video>`/`<audio>` file: its `src` or first `<source>`. */
function mediaFileOf(el: Element, base: string): EmbedLink | null {
  const kind: EmbedKind = el.localName === 'audio' ? 'audio' : 'video';
  const src = el.getAttribute('src') ?? el.querySelector('source[src]')?.getAttribute('src');
  if (!src) return null;
  try {
    const url = new URL(src.trim(), base);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return { kind, provider: url.hostname.replace(/^www\./, ''), href: url.href };
  } catch {
    return null;
  }
}

/** The element's own title, when it says what is played and its figure's caption does not already say it. */
function titleOf(el: Element): string {
  const title = squash(el.getAttribute('title') ?? el.getAttribute('aria-label') ?? '');
  if (!title || isGeneric(title)) return '';
  const figure = el.closest('figure');
  if (figure && squash(figure.textContent).toLowerCase().includes(title.toLowerCase())) return '';
  return title;
}

function card(doc: Document, link: EmbedLink, title: string): HTMLElement {
  const a = doc.createElement('a');
  a.className = `lectern-embed lectern-embed--${link.kind}`;
  a.setAttribute('href', link.href);
  const part = (name: string, text: string): void => {
    const span = doc.createElement('span');
    span.className = `lectern-embed__${name}`;
    span.textContent = text;
    if (a.firstChild) a.appendChild(doc.createTextNode(' '));
    a.appendChild(span);
  };
  part('provider', link.provider);
  if (title) part('title', title);
  part('action', ACTION[link.kind]);
  return a;
}

/** Replace each player under `root` with its card; returns how many. */
export function replaceEmbeds(root: Element, ctx: Pick<StepContext, 'baseUrl'>): number {
  const doc = root.ownerDocument;
  const found = root.querySelectorAll('iframe, embed, object, video, audio');
  const players: [Element, EmbedLink][] = [];
  for (let i = 0; i < found.length; i++) {
    const el = found[i] as Element;
    if (el.parentElement?.closest('iframe, embed, object, video, audio')) continue;
    const link = el.localName === 'video' || el.localName === 'audio' ? mediaFileOf(el, ctx.baseUrl) : playerOf(el, ctx.baseUrl);
    if (link) players.push([el, link]);
  }
  for (const [el, link] of players) el.replaceWith(card(doc, link, titleOf(el)));
  return players.length;
}

/** The embed codes of social networks: a blockquote their script would turn into a frame. */
const SOCIAL = /(?:^|\s)(?:twitter-tweet|twitter-video|instagram-media|bluesky-embed|mastodon-embed|tiktok-embed|text-post-media|threads-embed|reddit-card|fb-xfbml-parse-ignore)(?:\s|$)/;

/** Unwrap the boxes of each social post's blockquote under `root` and drop the empty ones; returns how many posts. */
export function flattenSocialEmbeds(root: Element): number {
  const quotes = root.querySelectorAll('blockquote[class]');
  let count = 0;
  for (let i = 0; i < quotes.length; i++) {
    const quote = quotes[i] as Element;
    if (!SOCIAL.test(quote.getAttribute('class') ?? '')) continue;
    const boxes = Array.from(quote.querySelectorAll('div'));
    for (const box of boxes.reverse()) {
      if (!(box.textContent ?? '').trim() && !box.querySelector('img')) box.remove();
      else box.replaceWith(...Array.from(box.childNodes));
    }
    count++;
  }
  return count;
}
