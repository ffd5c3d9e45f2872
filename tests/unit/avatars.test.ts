/** Byline portraits are not article photos; small images in running text and named photos stay. */
import { describe, expect, it } from 'vitest';
import { makeDom } from '../support/dom';
import { removeAvatars } from '../../src/extract/steps/captions/avatars';

function run(html: string): { removed: number; imgs: string[] } {
  const root = makeDom(`<!doctype html><body><div id="r">${html}</div></body>`).window.document.getElementById('r') as Element;
  const removed = removeAvatars(root);
  return { removed, imgs: Array.from(root.querySelectorAll('img'), (img) => img.getAttribute('alt') ?? '') };
}

describe('removeAvatars', () => {
  it('removes a small portrait named as the author’s, and a headshot linking to a profile', () => {
    expect(run('<div><a href="/@maren"><div><img alt="Maren Solberg" src="/a.jpg" width="44" height="44" data-testid="authorPhoto"></div></a> <span>Maren Solberg</span></div>').imgs).toEqual([]);
    expect(run('<p><a href="/people/jane-roe"><img alt="Jane Roe" src="/j.jpg" width="60" height="60"></a> By Jane Roe</p>').imgs).toEqual([]);
    expect(run('<div class="byline"><img class="avatar" alt="" src="/x.png" width="32" height="32"> Sam Lee</div>').removed).toBe(1);
  });

  it('keeps small images in running text, large author photos and unnamed small images', () => {
    const { imgs } = run(
      '<p>We loved it <img alt="smiling face" src="/e.png" width="20" height="20"> and went back twice the next summer with the children.</p>' +
        '<figure class="author-feature"><img alt="The author at her desk" src="/big.jpg" width="800" height="600"></figure>' +
        '<p><img alt="map pin" src="/pin.png" width="16" height="16"> Water Street</p>',
    );
    expect(imgs).toEqual(['smiling face', 'The author at her desk', 'map pin']);
  });
});
