/** Read-aloud for the rendered article: the speech controller, its local voices, and the highlight that follows it. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import { useStore } from '../store';
import { showSentence } from './highlight';
import { sentencesOf, type Sentence } from './sentences';
import { createSpeech, localVoices, pickVoice, type Speech } from './speech';

export interface ReadAloud {
  /** Null when this browser has no speech synthesis. */
  speech: Speech | null;
  voices: SpeechSynthesisVoice[];
  /** Start or resume. */
  play: () => void;
}

const synth = (): SpeechSynthesis | null => (typeof speechSynthesis === 'undefined' ? null : speechSynthesis);

export function useReadAloud(body: RefObject<HTMLElement>, html: string, lang: string | null): ReadAloud {
  const store = useStore();
  const [all, setAll] = useState<SpeechSynthesisVoice[]>(() => synth()?.getVoices() ?? []);
  const voices = useMemo(() => localVoices(all, lang), [all, lang]);

  useEffect(() => {
    const s = synth();
    if (!s) return;
    const update = (): void => setAll(s.getVoices());
    s.addEventListener('voiceschanged', update);
    return () => s.removeEventListener('voiceschanged', update);
  }, []);

  const { speech, sentences } = useMemo(() => {
    const s = synth();
    const sentences: { list: Sentence[] | null } = { list: null };
    const speech = s
      ? createSpeech(
          s,
          (state) => (store.speech.value = state),
          () => ({
            rate: store.settings.value.speechRate,
            voice: pickVoice(s.getVoices(), store.settings.value.voice, lang),
            lang: lang ?? undefined,
          }),
        )
      : null;
    return { speech, sentences };
    // A new article (new html) gets a new controller and new sentences: `html` is the key, read by neither.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- html keys the memo: the sentences are cut from its DOM
  }, [html, lang, store]);

  // Highlight the sentence being read; clear it when reading stops or the article changes.
  const index = store.speech.value.index;
  useEffect(() => showSentence(sentences.list?.[index]?.range ?? null), [index, sentences]);
  useEffect(
    () => () => {
      speech?.stop();
      showSentence(null);
    },
    [speech],
  );

  return {
    speech,
    voices,
    play() {
      if (!speech || !body.current) return;
      sentences.list ??= sentencesOf(body.current, lang ?? undefined);
      speech.play(sentences.list);
    },
  };
}
