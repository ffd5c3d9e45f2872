/**
 * Video and audio players a page embeds in a frame, and the page each one plays on. The reader view shows no frame
 * (nothing is loaded until the reader asks): the `embeds` step replaces a player with a link to its watch page, and
 * Readability is told to keep these frames (`allowedVideoRegex`) so that the step finds them.
 */

export type EmbedKind = 'video' | 'audio';

export interface EmbedLink {
  kind: EmbedKind;
  provider: string;
  /** The page that plays it, where the reader goes on "Open video". */
  href: string;
}

interface Provider {
  provider: string;
  kind: EmbedKind;
  /** Hosts the player is served from (exactly, or with `www.` before it). */
  hosts: readonly string[];
  /** The watch page for a player URL on one of those hosts, or null when the URL is not a player. */
  page(url: URL): string | null;
}

/** Path segment after `prefix` (e.g. the id in /embed/<id>), when the path starts with it. */
function after(url: URL, prefix: RegExp): string | null {
  const m = prefix.exec(url.pathname);
  return m?.[1] ? decodeURIComponent(m[1]) : null;
}

const PROVIDERS: readonly Provider[] = [
  {
    provider: 'YouTube',
    kind: 'video',
    hosts: ['youtube.com', 'youtube-nocookie.com'],
    page(url) {
      const list = url.searchParams.get('list');
      const id = after(url, /^\/embed\/([\w-]{6,})\/?$/);
      if (id === 'videoseries' || (!id && list)) return list ? `https://www.youtube.com/playlist?list=${encodeURIComponent(list)}` : null;
      if (!id) return null;
      const start = url.searchParams.get('start');
      return `https://www.youtube.com/watch?v=${encodeURIComponent(id)}${start && /^\d+$/.test(start) ? `&t=${start}s` : ''}`;
    },
  },
  {
    provider: 'Vimeo',
    kind: 'video',
    hosts: ['player.vimeo.com'],
    page: (url) => {
      const id = after(url, /^\/video\/(\d+)/);
      return id ? `https://vimeo.com/${id}` : null;
    },
  },
  {
    provider: 'Dailymotion',
    kind: 'video',
    hosts: ['dailymotion.com', 'geo.dailymotion.com'],
    page: (url) => {
      const id = after(url, /^\/embed\/video\/([\w]+)/) ?? url.searchParams.get('video');
      return id ? `https://www.dailymotion.com/video/${encodeURIComponent(id)}` : null;
    },
  },
  {
    provider: 'Twitch',
    kind: 'video',
    hosts: ['player.twitch.tv'],
    page: (url) => {
      const video = url.searchParams.get('video');
      const channel = url.searchParams.get('channel');
      if (video) return `https://www.twitch.tv/videos/${encodeURIComponent(video.replace(/^v/, ''))}`;
      return channel ? `https://www.twitch.tv/${encodeURIComponent(channel)}` : null;
    },
  },
  {
    provider: 'TED',
    kind: 'video',
    hosts: ['embed.ted.com'],
    page: (url) => {
      const talk = after(url, /^\/talks\/(?:lang\/[\w-]+\/)?([\w-]+)/);
      return talk ? `https://www.ted.com/talks/${encodeURIComponent(talk)}` : null;
    },
  },
  {
    provider: 'Bilibili',
    kind: 'video',
    hosts: ['player.bilibili.com'],
    page: (url) => {
      const bvid = url.searchParams.get('bvid');
      const aid = url.searchParams.get('aid');
      if (bvid) return `https://www.bilibili.com/video/${encodeURIComponent(bvid)}`;
      return aid ? `https://www.bilibili.com/video/av${encodeURIComponent(aid)}` : null;
    },
  },
  {
    provider: 'Tencent Video',
    kind: 'video',
    hosts: ['v.qq.com'],
    page: (url) => {
      const vid = url.searchParams.get('vid');
      return vid && /^\w+$/.test(vid) ? `https://v.qq.com/x/page/${vid}.html` : null;
    },
  },
  {
    provider: 'Internet Archive',
    kind: 'video',
    hosts: ['archive.org'],
    page: (url) => {
      const id = after(url, /^\/embed\/([^/?#]+)/);
      return id ? `https://archive.org/details/${encodeURIComponent(id)}` : null;
    },
  },
  {
    provider: 'Spotify',
    kind: 'audio',
    hosts: ['open.spotify.com'],
    page: (url) => {
      const m = /^\/embed(?:-podcast)?\/(episode|track|show|album|playlist|artist)\/(\w+)/.exec(url.pathname);
      return m ? `https://open.spotify.com/${m[1]}/${m[2]}` : null;
    },
  },
  {
    provider: 'SoundCloud',
    kind: 'audio',
    hosts: ['w.soundcloud.com'],
    // Its `url` parameter names an API resource, not a page: the player itself is the page to open.
    page: (url) => (url.pathname.startsWith('/player') && url.searchParams.has('url') ? url.href : null),
  },
  {
    provider: 'Apple Podcasts',
    kind: 'audio',
    hosts: ['embed.podcasts.apple.com'],
    page: (url) => `https://podcasts.apple.com${url.pathname}${url.search}`,
  },
];

function onHost(host: string, hosts: readonly string[]): boolean {
  const bare = host.startsWith('www.') ? host.slice(4) : host;
  return hosts.includes(bare);
}

/** The player `src` (resolved against `base`) stands for, or null when it is no player Lectern knows. */
export function embedLink(src: string, base: string): EmbedLink | null {
  let url: URL;
  try {
    url = new URL(src.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase();
  for (const p of PROVIDERS) {
    if (!onHost(host, p.hosts)) continue;
    const href = p.page(url);
    return href ? { kind: p.kind, provider: p.provider, href } : null;
  }
  return null;
}

/** Any attribute value naming one of the players' hosts: Readability keeps a frame whose attributes match it. */
export const PLAYER_HOSTS = new RegExp(
  `//(?:www\\.)?(?:${PROVIDERS.flatMap((p) => p.hosts).map((h) => h.replace(/\./g, '\\.')).join('|')})(?:[:/?#]|$)`,
  'i',
);
