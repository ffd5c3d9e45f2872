/**
 * Reading aloud with the browser's own `speechSynthesis`, local voices only: no article text leaves the machine.
 * One utterance per sentence, so the view always knows which sentence is being read (boundary events are unreliable
 * across voices). A token guards against the late `end`/`error` events of utterances that were cancelled.
 */
import type { Sentence } from './sentences';

export type SpeechStatus = 'idle' | 'playing' | 'paused';

export interface SpeechState {
  status: SpeechStatus;
  /** The sentence being read; -1 when idle. */
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
  /** Re-read the current sentence with new options (rate or voice changed while reading). */
  restart(): void;
}

type UtteranceCtor = new (text: string) => SpeechSynthesisUtterance;

/** The local voices, the article's language first, then by name. */
export function localVoices(voices: readonly SpeechSynthesisVoice[], lang?: string | null): SpeechSynthesisVoice[] {
  const primary = (lang ?? '').toLowerCase().split('-')[0];
  const rank = (v: SpeechSynthesisVoice): number => (primary && v.lang.toLowerCase().split(/[-_]/)[0] === primary ? 0 : 1);
  return voices.filter((v) => v.localService).sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** The voice to speak with: the chosen local one if it still exists, else the first local voice for the language. */
export function pickVoice(voices: readonly SpeechSynthesisVoice[], chosen: string, lang?: string | null): SpeechSynthesisVoice | null {
  const local = localVoices(voices, lang);
  return local.find((v) => v.voiceURI === chosen) ?? local[0] ?? null;
}

export function createSpeech(
  synth: SpeechSynthesis,
  onState: (state: SpeechState) => void,
  options: () => SpeechOptions,
  Utterance: UtteranceCtor = SpeechSynthesisUtterance,
): Speech {
  let token = 0;
  let list: readonly Sentence[] = [];
  let state: SpeechState = { status: 'idle', index: -1 };
  const set = (next: SpeechState): void => {
    state = next;
    onState(next);
  };

  const speak = (index: number, mine: number): void => {
    if (mine !== token) return;
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
      set({ status: 'idle', index: -1 });
    },
    restart() {
      if (state.status === 'idle') return;
      speak(state.index, cancel());
    },
  };
}
