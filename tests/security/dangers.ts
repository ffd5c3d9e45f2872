/**
 * What a reader view must never receive: every element and attribute in an HTML string that could run script, load a
 * resource other than an article image, or navigate. Shared by the unit corpus test and the browser tests.
 */

/** Elements that run, embed, submit, restyle or redirect. SVG as a whole is dropped by the sanitizer. */
export const FORBIDDEN_TAGS = [
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'form', 'input', 'button', 'select',
  'textarea', 'keygen', 'isindex', 'base', 'meta', 'link', 'style', 'svg', 'foreignobject', 'template', 'portal',
  'noscript', 'bgsound', 'dialog', 'handler',
];

/** Attributes that hold a URL the browser may load or follow. */
export const URL_ATTRS = [
  'href', 'xlink:href', 'src', 'srcset', 'action', 'formaction', 'poster', 'data', 'background', 'lowsrc', 'dynsrc',
  'cite', 'ping', 'code', 'codebase', 'longdesc', 'manifest', 'icon', 'archive', 'profile', 'usemap',
];

/** `javascript:` survives whitespace and control characters (\p{Cc}) inside the scheme: strip them before looking. */
const norm = (value: string): string => value.replace(/[\s\p{Cc}]/gu, '').toLowerCase();

export function dangersIn(root: ParentNode): string[] {
  const found: string[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const tag = el.localName.toLowerCase();
    if (FORBIDDEN_TAGS.includes(tag)) found.push(`<${tag}>`);
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      const value = norm(attr.value);
      if (name.startsWith('on')) found.push(`${tag}[${name}]`);
      if (name === 'style') found.push(`${tag}[style]`);
      if (name === 'srcdoc') found.push(`${tag}[srcdoc]`);
      if (name === 'http-equiv') found.push(`${tag}[http-equiv]`);
      if (URL_ATTRS.includes(name) || name.endsWith(':href')) {
        // (A percent-encoded scheme is no scheme: `%6a%61...` is a relative path, and stays harmless.)
        if (/(^|,)(javascript|vbscript|livescript):/.test(value)) {
          found.push(`${tag}[${name}=script:]`);
        }
        if (value.startsWith('data:') && !(tag === 'img' && (name === 'src' || name === 'srcset'))) found.push(`${tag}[${name}=data:]`);
        // The watched beacon may appear only where nothing is fetched: a link's href.
        if (value.includes('/beacon/') && !(tag === 'a' && name === 'href')) found.push(`${tag}[${name}=beacon]`);
      }
    }
    if (tag === 'a' && el.hasAttribute('href') && !norm(el.getAttribute('href') ?? '').startsWith('#')) {
      if (el.getAttribute('target') !== '_blank' || el.getAttribute('rel') !== 'noopener noreferrer') found.push('a[href] without target=_blank rel="noopener noreferrer"');
    }
  }
  return found;
}
