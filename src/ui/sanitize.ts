/**
 * The one sanitizer: DOMPurify with one configuration, run once, where article HTML is rendered (ArticleView). The
 * extraction core hands back the article as untrusted HTML (it comes from the page); nothing renders it but through
 * `sanitizeHtml`. Keeps what an article needs (text, headings, lists, figures, images with srcset,
 * tables, code, quotes, links, MathML); drops everything that can run or load: scripts, event handlers, iframes,
 * objects, embeds, forms, styles, `<base>`, `<meta>`, SVG, and `javascript:`/`vbscript:`/`data:` links (data: images
 * stay). Audio and video go too (their sources and subtitle tracks would be fetched by the view: the reader view loads
 * the article's images and nothing else); `<source>` stays only inside `<picture>`, where it chooses an image.
 * Links open in a new tab without a referrer. Classes are dropped except Lectern's own `lectern-*` ones. MathML's
 * `semantics` wrapper is unwrapped and its `annotation`s (a renderer's TeX source) go with their text, so a formula
 * shows once. One data attribute stays: a code block's `data-lang`, when it is a plain language name (the view
 * labels the block with it).
 */
import createDOMPurify from 'dompurify';
import type { Config } from 'dompurify';

export const SANITIZE_CONFIG: Config = {
  USE_PROFILES: { html: true, mathMl: true },
  FORBID_TAGS: [
    'style', 'link', 'meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input',
    'button', 'select', 'option', 'textarea', 'noscript', 'template', 'dialog', 'portal', 'audio', 'video', 'track',
    // The reader view is the page's one `main` landmark: an article's own `<main>` is unwrapped (its content stays).
    'main',
  ],
  FORBID_ATTR: ['style', 'target', 'ping', 'srcdoc', 'formaction', 'action', 'background', 'autofocus'],
  // DOMPurify already drops annotation-xml with its content; annotation would leave its TeX as loose text.
  ADD_FORBID_CONTENTS: ['annotation', 'annotation-xml'],
  ALLOW_DATA_ATTR: false,
  ADD_ATTR: ['data-lang'],
  ALLOW_ARIA_ATTR: true,
  // Link and image URLs: http(s), mailto, tel, in-page anchors, relative; data: only for images (DOMPurify's DATA_URI_TAGS).
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
};

const LECTERN_CLASS = /^lectern-[a-z_-]+$/;
/** A language name as a code block states it: `python`, `c++`, `objective-c`, `c#`, `f#`, `vb.net`. */
export const CODE_LANG = /^[a-z][a-z0-9+#.-]{0,23}$/;

type Purifier = ReturnType<typeof createDOMPurify>;
const purifiers = new WeakMap<object, Purifier>();

/**
 * One DOMPurify per window, configured once (`setConfig`: DOMPurify then skips re-reading the configuration on every
 * call) with Lectern's hooks installed once. The window is the reader page's own, or under Node a jsdom window
 * (`new JSDOM('').window as unknown as Window & typeof globalThis`: the extract CLI's --sanitize, the bench, the tests).
 */
function purifierFor(win: Window & typeof globalThis): Purifier {
  let purify = purifiers.get(win);
  if (purify) return purify;
  purify = createDOMPurify(win);
  purify.setConfig({ ...SANITIZE_CONFIG, RETURN_TRUSTED_TYPE: false });
  purify.addHook('uponSanitizeElement', (node, data) => {
    // A <source> outside <picture> feeds audio or video: a fetch that is not an article image.
    if (data.tagName === 'source' && (node.parentNode as Element | null)?.nodeName !== 'PICTURE') node.parentNode?.removeChild(node);
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    const el = node;
    if (!el.getAttribute) return;
    if (el.getAttribute('role') === 'main') el.removeAttribute('role');
    const lang = el.getAttribute('data-lang');
    if (lang !== null && (el.tagName !== 'PRE' || !CODE_LANG.test(lang))) el.removeAttribute('data-lang');
    const cls = el.getAttribute('class');
    if (cls !== null) {
      const kept = cls.split(/\s+/).filter((c) => LECTERN_CLASS.test(c));
      if (kept.length) el.setAttribute('class', kept.join(' '));
      else el.removeAttribute('class');
    }
    if (el.tagName === 'A' && el.hasAttribute('href')) {
      const href = el.getAttribute('href') ?? '';
      if (/^\s*(data|javascript|vbscript):/i.test(href)) el.removeAttribute('href');
      else if (!href.startsWith('#')) {
        el.setAttribute('target', '_blank');
        el.setAttribute('rel', 'noopener noreferrer');
      }
    }
  });
  purifiers.set(win, purify);
  return purify;
}

/**
 * Sanitize an HTML string in `win` (a browser window, or a jsdom window under Node). `removed` counts the elements
 * and attributes DOMPurify took out.
 */
export function sanitizeHtml(html: string, win: Window & typeof globalThis): { html: string; removed: number } {
  const purify = purifierFor(win);
  const clean = purify.sanitize(html);
  return { html: clean, removed: purify.removed.length };
}
