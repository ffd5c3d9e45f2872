/**
 * File-name alt text: an image's alt (or a text block) that is only the photo's file name, with or without its
 * separators turned into spaces ("IMG_1234.JPG", "DSC_0042", "hero-1200x800",
 * "gettyimages 1241786500 wide 982e83a1… s1400 c100.jpg"). Such text says nothing to a reader.
 * Ordinary text with numbers ("A boy with 2 dogs", "COVID-19 patients", "F-35 jet") is not a file name.
 */
import { foldsLongerThan } from '../../text';
import { LazyRegExp } from '../../lazy-regexp';

const SLUG = new LazyRegExp(String.raw`^[\p{L}\p{N}_-]+$`, 'u');

/** An image or document file extension at the end of the text. */
const FILE_EXTENSION = /\.(?:jpe?g|jfif|png|gif|webp|avif|svg|bmp|tiff?|heic|heif)$/i;
/** Camera and phone file-name prefixes followed by a frame number. */
const CAMERA_NAME = /^(?:img|dsc[nf]?|dcim|pxl|mvimg|gopr|gp|dji|sam|p|_mg|mg|wp|image|photo|pic|screenshot|screen ?shot|unnamed)[ _-]?\d{3,}/i;
/** A hex digest (content hash) of at least this many characters. */
const HASH_TOKEN = /^(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{16,}$/i;
/** A pixel size such as 1200x800. */
const SIZE_TOKEN = /(?:^|[^a-z])\d{2,5}x\d{2,5}(?:$|[^a-z\d])/i;
/** A long run of digits: a stock-photo or upload id. */
const LONG_DIGITS = /\d{6,}/;
/** Sentence punctuation that file names do not have. */
const SENTENCE_PUNCTUATION = /[,;:!?](?:\s|$)|\.\s|["“”'‘’()]/;
/** A web address shown as text: a link, not a file name. */
const URL_LIKE = /^(?:[a-z][a-z\d+.-]*:\/\/|www\.)/i;
/** A slug of this many parts joined by `-` or `_`, with a digit or an underscore, is a file name ("0225-lupita-getty-01"). */
const MIN_SLUG_PARTS = 3;
/** A file name whose separators became spaces has at least this many words ("Bug 1553982" is not one). */
const MIN_SPACED_TOKENS = 3;
/** Longest text still considered a file name. */
export const MAX_FILE_NAME_CHARS = 160;

function hasStrongMarker(text: string): boolean {
  return LONG_DIGITS.test(text) || hasNameMarker(text);
}

/** Markers only file names have: a camera prefix, a pixel size or a content hash. A long number alone is not one. */
function hasNameMarker(text: string): boolean {
  return CAMERA_NAME.test(text) || SIZE_TOKEN.test(text) || text.split(/[\s_-]+/).some((token) => HASH_TOKEN.test(token));
}

/** True when `text` is, as a whole, an image file name. */
export function isFileNameText(text: string): boolean {
  if (foldsLongerThan(text, MAX_FILE_NAME_CHARS)) return false;
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t || t.length > MAX_FILE_NAME_CHARS || URL_LIKE.test(t)) return false;
  const stem = t.replace(FILE_EXTENSION, '');
  if (stem !== t) return !/\s/.test(stem) || !SENTENCE_PUNCTUATION.test(stem);
  if (SENTENCE_PUNCTUATION.test(t)) return false;
  if (!/\s/.test(t)) {
    // One token: needs a separator or a camera prefix, and a strong marker.
    if (CAMERA_NAME.test(t)) return true;
    const parts = t.split(/[-_]+/).filter((part) => part !== '');
    if (parts.length >= MIN_SLUG_PARTS && (/\d/.test(t) || t.includes('_')) && SLUG.test(t)) return true;
    return /[_-]/.test(t) && /\d/.test(t) && (hasStrongMarker(t) || /_\d{3,}/.test(t));
  }
  // Separators turned into spaces: most tokens machine-like and at least one strong marker.
  const tokens = t.split(' ');
  const machine = tokens.filter((token) => /\d/.test(token)).length;
  return tokens.length >= MIN_SPACED_TOKENS && machine * 2 >= tokens.length && hasNameMarker(t);
}
