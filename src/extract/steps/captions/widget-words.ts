/**
 * Caption-widget words: the labels of buttons and screen-reader hints that photo widgets print next to a caption
 * ("hide caption", "Enlarge this image", "Image source, ", "1 of 5"). They are matched as a whole element's text or as
 * a phrase at the very start or end of a caption, case-insensitively; a sentence that merely contains the word
 * "caption" never matches.
 */
import { foldsLongerThan } from '../../text';
import { LazyRegExp } from '../../lazy-regexp';

/** Whole-element texts that are widget labels wherever they stand in the article. */
const WIDGET_ANYWHERE: readonly RegExp[] = [
  /^(?:hide|show|toggle|close|open|expand|collapse) (?:the )?caption$/,
  /^enlarge (?:this )?(?:image|photo|picture)$/,
  /^view (?:this )?(?:image|photo|picture) in full ?screen$/,
  /^(?:view|see|open) (?:larger|full[- ]size|full[- ]screen) (?:image|photo|picture|version)$/,
  /^(?:image|photo|picture) (?:source|caption|credit),?$/,
];

/** Whole-element texts that are widget labels only inside a photo's own markup (gallery and lightbox controls). */
const WIDGET_IN_PHOTO: readonly (RegExp | LazyRegExp)[] = [
  /^(?:photo|photograph|image|picture|video|graphic|illustration|caption|captions|close|open|enlarge|expand|zoom|zoom in|zoom out|full ?screen|next|prev|previous|back|share|download|play|pause|info|more|credit|credits|x|×|✕)$/,
  /^(?:(?:image|photo|picture|slide|item)s? )?\d+ ?(?:of|\/) ?\/? ?\d+$/,
  /^(?:image|photo|picture|slide)s? \d+$/,
  // Shop and licence links, gallery links, video controls, link hints for screen readers.
  /^(?:buy|purchase|order|license|licence) (?:this )?(?:photo|image|picture|print|reprint|now)s?(?:,? opens (?:in )?(?:a )?new (?:tab|window))?$/,
  /^purchase licensing rights(?:,? opens (?:in )?(?:a )?new (?:tab|window))?$/,
  /^,? ?opens (?:in )?(?:a )?new (?:tab|window)$/,
  /^(?:view|open|see|launch|browse|show) (?:the |all )?(?:full )?(?:photo |image |picture )?(?:gallery|slideshow|photos|images)(?: \(?\d+(?: (?:photos?|images?|pictures?))?\)?)?$/,
  /^\(?\d+ (?:photos|images|pictures|fotos|bilder)\)?$/,
  /^(?:play|watch)(?: the)?(?: video)?$/,
  /^\d{1,2}:\d{2}(?::\d{2})?$/,
  /^(?:view|see) (?:full|larger) (?:image|photo|picture)$/,
  /^read (?:more|less)$/,
  new LazyRegExp(String.raw`^embed(?: (?:from|via) [\p{L}\p{N} .&'’-]{2,40}| this (?:photo|image|picture))?$`, 'u'),
  /^(?:previous|prev|next|close)(?: (?:item|image|photo|picture|slide))?$/,
  // German, French, Spanish, Italian lightbox controls and counters.
  /^(?:bild|foto) (?:vergrößern|vergroessern)$|^vergrößern$|^schließen$|^schliessen$|^weiter$|^zurück$/,
  /^agrandir(?: l['’]image| la photo)?$|^fermer$|^suivant$|^précédent$/,
  /^ampliar(?: imagen| foto)?$|^cerrar$|^siguiente$|^anterior$|^ingrandisci$|^chiudi$/,
  /^(?:(?:bild|foto|image|photo|imagen|immagine)s? )?\d+ ?(?:von|sur|de|di) ?\d+$/,
];

/** A screen-reader label saying that what follows is the credit ("Credit", "Photo credit"). */
export const CREDIT_LABEL = /^(?:(?:photo|image|picture) )?(?:credit|credits|source)s?:?$/i;

/** Phrases stripped from the start of a caption or credit (BBC-style screen-reader prefixes). */
const LEADING_PHRASES: readonly RegExp[] = [
  /^(?:image|photo|picture|media) (?:source|caption|credit|copyright)\s*[,:]\s*/i,
  /^(?:caption|credit)\s*:\s*/i,
];

/** Phrases stripped from the end of a caption or credit (toggle buttons printed inside the caption). */
const TRAILING_PHRASES: readonly RegExp[] = [
  /\s*\b(?:hide|show|toggle|close|open) (?:the )?caption$/i,
  /\s*\benlarge (?:this )?(?:image|photo|picture)$/i,
  /\s*\bview (?:this )?(?:image|photo|picture) in full ?screen$/i,
  /\s*\b(?:(?:image|photo|picture|slide)s? )?\d+ ?(?:of|\/) ?\d+$/i,
  /\s*\b(?:buy (?:photo|now|this photo)|purchase licensing rights)(?:,? opens (?:in )?(?:a )?new (?:tab|window))?$/i,
];

/** Every WIDGET_ANYWHERE label names one of these: a text with none of them is settled without being folded. */
const ANYWHERE_WORD = /caption|image|photo|picture|version/i;
/**
 * Longest text taken as a widget label: the longest label is 32 characters ("view this picture in full screen"); a
 * counter or a few trailing dots add little. Most texts asked about are sentences, settled here at once.
 */
export const MAX_WIDGET_TEXT_CHARS = 60;

function normal(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** True when `text` is, as a whole, a widget label. `inPhoto` also allows gallery-control words and counters. */
export function isWidgetText(text: string, inPhoto: boolean): boolean {
  if (foldsLongerThan(text, MAX_WIDGET_TEXT_CHARS)) return false;
  if (!inPhoto && !ANYWHERE_WORD.test(text)) return false;
  const t = normal(text).replace(/[.:…]+$/, '').trim();
  if (!t) return false;
  if (WIDGET_ANYWHERE.some((re) => re.test(t))) return true;
  return inPhoto && WIDGET_IN_PHOTO.some((re) => re.test(t));
}

/** Strip widget phrases from the start and end of a caption text. Trailing counters are only stripped after a gap. */
export function stripWidgetPhrases(text: string): string {
  let out = text.replace(/\s+/g, ' ').trim();
  for (let changed = true; changed && out; ) {
    changed = false;
    for (const re of LEADING_PHRASES) {
      const next = out.replace(re, '');
      if (next !== out) {
        out = next.trim();
        changed = true;
      }
    }
    for (const re of TRAILING_PHRASES) {
      const next = out.replace(re, '');
      if (next !== out && next.trim()) {
        out = next.trim();
        changed = true;
      }
    }
  }
  return out;
}

/** Class tokens of photo-widget controls (toggle buttons, enlarge links, slide counters), matched whole. */
const WIDGET_CLASS = /^(?:(?:hide|show|toggle)[-_]?caption|caption[-_]?(?:toggle|link|button|control)s?|captionlink|enlarge(?:[-_]?(?:label|icon|link|button|image))?|slide[-_]?count(?:er)?|item[-_]count(?:[-_]\w+)?|(?:gallery|slide|image)[-_]counter)$/i;

/** True when one of the element's class names is a caption control's (roles.ts asks only of elements without an image). */
export function hasWidgetClassName(el: Element): boolean {
  const cls = el.getAttribute('class') ?? '';
  return cls.split(/\s+/).some((token) => token !== '' && WIDGET_CLASS.test(token));
}
