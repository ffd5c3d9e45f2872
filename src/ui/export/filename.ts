/**
 * A file name for an exported article, safe to save on Windows, macOS and Linux: the title without the characters
 * any of them refuses, without the invisible characters that could disguise the name, not a name Windows reserves
 * for a device, short enough for every file system, and never empty.
 */

/** Letters in the name, counted by code point (a surrogate pair is one). */
export const MAX_NAME_CHARS = 100;
/** Bytes in the whole name, extension included: 255 is NAME_MAX on ext4, APFS and NTFS (in its own units). */
const MAX_NAME_BYTES = 255;
const FALLBACK = 'article';

/** Refused by Windows (and `/` everywhere): `<>:"/\|?*`, and every control character (`Cc`: C0, DEL, C1). */
const FORBIDDEN = /[<>:"/\\|?*\p{Cc}]/gu;
/**
 * Invisible characters that reorder or hide text: bidi marks, embeddings, overrides and isolates (a right-to-left
 * override can make "gpj.exe" show as "exe.jpg"), the BOM and the zero-width space. ZWJ and ZWNJ stay: emoji
 * sequences and Persian and Indic words need them.
 */
const INVISIBLE = /[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** Half of a surrogate pair without its other half: not a character any file system stores. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Device names Windows reserves, with or without an extension (`CON`, `con.txt`, `LPT1.md`). */
const RESERVED = /^(?:con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]|conin\$|conout\$|clock\$)$/i;

/** `title` as a safe file name with the extension `ext`: "Why the bell curve keeps showing up.md". */
export function safeFilename(title: string, ext: 'md' | 'html'): string {
  const suffix = `.${ext}`;
  let name = trimEnds(
    title
      .normalize('NFC')
      .replace(INVISIBLE, '')
      .replace(LONE_SURROGATE, '')
      .replace(FORBIDDEN, ' ')
      .replace(/\s+/g, ' '),
  );
  const dot = name.indexOf('.');
  const stem = dot === -1 ? name : name.slice(0, dot);
  if (RESERVED.test(stem.trim())) name = `${stem.trimEnd()}_${dot === -1 ? '' : name.slice(dot)}`;
  name = trimEnds(cut(name, MAX_NAME_BYTES - suffix.length));
  return (name || FALLBACK) + suffix;
}

/** Without spaces and dots at either end (Windows drops trailing ones; leading dots hide a file). */
function trimEnds(name: string): string {
  return name.replace(/^[\s.]+|[\s.]+$/g, '');
}

/** At most MAX_NAME_CHARS code points and `maxBytes` UTF-8 bytes, cut between code points, never after a lone ZWJ. */
function cut(name: string, maxBytes: number): string {
  const encoder = new TextEncoder();
  let out = '';
  let bytes = 0;
  let count = 0;
  for (const char of name) {
    const size = encoder.encode(char).length;
    if (count === MAX_NAME_CHARS || bytes + size > maxBytes) break;
    out += char;
    bytes += size;
    count++;
  }
  return out.length < name.length ? out.replace(/\u200d+$/, '') : out;
}
