/**
 * Step `embeds`: players become link cards to their watch pages (#25). The fixtures tests/pages/fidelity--video-embeds
 * and fidelity--social-embeds check the whole pipeline (tests/unit/fidelity.test.ts); here, the provider table and the
 * card itself.
 */
import { describe, expect, it } from 'vitest';
import { embedLink, PLAYER_HOSTS } from '../../src/extract/embed-providers';
import { replaceEmbeds } from '../../src/extract/steps/embeds';
import { makeDom } from '../support/dom';

const BASE = 'https://news.example/2026/story.html';

describe('embedLink: a player URL to the page that plays it', () => {
  it.each([
    ['https://www.youtube.com/embed/dQw4w9WgXcQ?si=abc', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['//www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=42', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s'],
    ['https://www.youtube.com/embed/videoseries?list=PL123', 'https://www.youtube.com/playlist?list=PL123'],
    ['https://player.vimeo.com/video/76979871?h=8272103f6e&badge=0', 'https://vimeo.com/76979871'],
    ['https://www.dailymotion.com/embed/video/x8abc12', 'https://www.dailymotion.com/video/x8abc12'],
    ['https://player.twitch.tv/?video=v123456&parent=news.example', 'https://www.twitch.tv/videos/123456'],
    ['https://embed.ted.com/talks/some_talk_title', 'https://www.ted.com/talks/some_talk_title'],
    ['https://open.spotify.com/embed/episode/4rOoJ6Egrf8K2IrywzwOMk?utm_source=generator', 'https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk'],
    ['https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/123&color=%23ff5500', 'https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/123&color=%23ff5500'],
  ])('%s', (src, href) => {
    expect(embedLink(src, BASE)?.href).toBe(href);
  });

  it('knows nothing of other frames, or of a player host with no video in the URL', () => {
    for (const src of ['https://maps.example/embed?q=1', 'https://www.youtube.com/', 'javascript:alert(1)', 'https://evil.example/www.youtube.com/embed/x', 'https://notyoutube.com/embed/abcdefgh', 'https://web.archive.org/web/2012if_/http://www.facebook.com/plugins/like.php']) {
      expect(embedLink(src, BASE), src).toBeNull();
    }
  });

  it('PLAYER_HOSTS (what Readability keeps) matches the players and not a look-alike host', () => {
    expect(PLAYER_HOSTS.test('https://player.vimeo.com/video/1')).toBe(true);
    expect(PLAYER_HOSTS.test('https://open.spotify.com/embed/episode/1')).toBe(true);
    expect(PLAYER_HOSTS.test('https://www.youtube.com.evil.example/embed/1')).toBe(false);
    expect(PLAYER_HOSTS.test('https://notyoutube.com/embed/1')).toBe(false);
  });
});

describe('replaceEmbeds', () => {
  it('puts a card where the frame was, with a title that is not the player\'s generic one, and leaves other frames', () => {
    const doc = makeDom(`<body><article>
      <figure><div><iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="YouTube video player"></iframe></div><figcaption>The launch, filmed from the roof.</figcaption></figure>
      <p><iframe class="lazyload" src="about:blank" data-src="https://player.vimeo.com/video/1234567" title="Harbour at dawn"></iframe></p>
      <iframe src="https://maps.example/embed?q=harbour"></iframe>
      <video controls src="/media/clip.mp4"></video></article></body>`, BASE).window.document;
    expect(replaceEmbeds(doc.body, { baseUrl: BASE })).toBe(3);
    const cards = Array.from(doc.querySelectorAll('a.lectern-embed'));
    expect(cards.map((a) => [a.getAttribute('href'), a.textContent])).toEqual([
      ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'YouTube Open video'],
      ['https://vimeo.com/1234567', 'Vimeo Harbour at dawn Open video'],
      ['https://news.example/media/clip.mp4', 'news.example Open video'],
    ]);
    expect(doc.querySelectorAll('iframe').length).toBe(1);
    expect(doc.querySelector('figcaption')?.textContent).toBe('The launch, filmed from the roof.');
  });
});
