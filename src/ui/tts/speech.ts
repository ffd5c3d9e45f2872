/**
 * Reading aloud with the browser's own `speechSynthesis`, local voices only: no article text leaves the machine.
 * One utterance per sentence, so the view always knows which sentence is being read (boundary events are unreliable
 * across voices; where a voice does report word boundaries, they are passed on for a word highlight). A token guards
 * against the late `end`/`error`/`boundary` events of utterances that were cancelled.
 */
import { wordSpan, type Sentence } from './sentences';

export type SpeechStatus = 'idle' | 'playing' | 'paused';

export interface SpeechState {
  status: SpeechStatus;
  /** The sentence being read (or waiting, when paused); -1 when idle. */
  index: number;
}

export interface SpeechOptions {
  rate: number;
  voice: SpeechSynthesisVoice | null;
  lang?: string;
}

export interface Speech {
  /** Start reading at sentence `from` (or resume when paused and no start is given). */
  play(sentences: readonly Sentence[], from?: number): void;
  pause(): void;
  stop(): void;
  /**
   * Re-read the current sentence with new options (rate or voice changed while reading). When paused, the sentence is
   * re-read with them on resume.
   */
  restart(): void;
  /** Go to sentence `index` of the list being read: read on from there when playing, wait there when paused. */
  seek(index: number): void;
}

type UtteranceCtor = new (text: string) => SpeechSynthesisUtterance;

export interface SpeechSetup {
  synth: SpeechSynthesis;
  onState: (state: SpeechState) => void;
  /** The voice reached a word: [start, end) in the spoken text of sentence `index`. Only voices that report it. */
  onWord?: (index: number, start: number, end: number) => void;
  options: () => SpeechOptions;
  Utterance?: UtteranceCtor;
}

/** The primary language subtag, lower case ('en' for 'en-GB', 'en_US' or 'EN'). */
const primary = (tag: string | null | undefined): string => (tag ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
const normal = (tag: string | null | undefined): string => (tag ?? '').toLowerCase().replace(/_/g, '-');

/** 0: the voice speaks the article's exact language tag; 1: the same language; 2: another or unknown language. */
export function voiceRank(voice: Pick<SpeechSynthesisVoice, 'lang'>, lang?: string | null): 0 | 1 | 2 {
  const want = primary(lang);
  if (!want || primary(voice.lang) !== want) return 2;
  return normal(voice.lang) === normal(lang) ? 0 : 1;
}

/**
 * The local voices, ordered for the article's language: its exact tag, then the same language in other regions,
 * then the others; the system's default voice first within each, then by name.
 */
export function localVoices(voices: readonly SpeechSynthesisVoice[], lang?: string | null): SpeechSynthesisVoice[] {
  return voices
    .filter((v) => v.localService)
    .sort((a, b) => voiceRank(a, lang) - voiceRank(b, lang) || Number(b.default) - Number(a.default) || a.name.localeCompare(b.name));
}

/**
 * The voice to speak with: the chosen local one if it still exists (even for another language: an article's `lang` is
 * sometimes wrong, and the reader must be able to overrule it), else the first local voice for the language.
 */
export function pickVoice(voices: readonly SpeechSynthesisVoice[], chosen: string, lang?: string | null): SpeechSynthesisVoice | null {
  const local = localVoices(voices, lang);
  return local.find((v) => v.voiceURI === chosen) ?? local[0] ?? null;
}

export function createSpeech({ synth, onState, onWord, options, Utterance = SpeechSynthesisUtterance }: SpeechSetup): Speech {
  let token = 0;
  let list: readonly Sentence[] = [];
  let state: SpeechState = { status: 'idle', index: -1 };
  /** Paused, but the sentence must be spoken afresh on resume (moved to another, or the rate or voice changed). */
  let stale = false;
  const set = (next: SpeechState): void => {
    state = next;
    onState(next);
  };

  const speak = (index: number, mine: number): void => {
    if (mine !== token) return;
    stale = false;
    const sentence = list[index];
    if (!sentence) return set({ status: 'idle', index: -1 });
    const { rate, voice, lang } = options();
    // Never speak without a local voice: a remote voice would send the text away.
    if (!voice) return set({ status: 'idle', index: -1 });
    const utterance = new Utterance(sentence.text);
    utterance.rate = rate;
    utterance.voice = voice;
    utterance.lang = voice.lang || lang || '';
    utterance.onend = () => speak(index + 1, mine);
    utterance.onerror = (event) => {
      if (mine === token && event.error !== 'interrupted' && event.error !== 'canceled') set({ status: 'idle', index: -1 });
    };
    utterance.onboundary = (event) => {
      if (mine !== token || event.name !== 'word' || !onWord) return;
      const span = wordSpan(sentence.text, event.charIndex, event.charLength, utterance.lang);
      if (span) onWord(index, span.start, span.end);
    };
    set({ status: 'playing', index });
    synth.speak(utterance);
  };

  const cancel = (): number => {
    token++;
    synth.cancel();
    // A paused synthesizer stays paused for the next utterance too.
    if (state.status === 'paused') synth.resume();
    return token;
  };

  return {
    play(sentences, from) {
      if (from === undefined && state.status === 'paused' && sentences === list) {
        if (stale) return speak(state.index, cancel());
        synth.resume();
        return set({ status: 'playing', index: state.index });
      }
      list = sentences;
      speak(from ?? 0, cancel());
    },
    pause() {
      if (state.status !== 'playing') return;
      synth.pause();
      set({ status: 'paused', index: state.index });
    },
    stop() {
      cancel();
      stale = false;
      set({ status: 'idle', index: -1 });
    },
    restart() {
      if (state.status === 'playing') speak(state.index, cancel());
      else if (state.status === 'paused') stale = true;
    },
    seek(index) {
      if (state.status === 'idle' || list.length === 0) return;
      const to = Math.max(0, Math.min(list.length - 1, index));
      if (state.status === 'playing') return speak(to, cancel());
      cancel();
      stale = true;
      set({ status: 'paused', index: to });
    },
  };
}
