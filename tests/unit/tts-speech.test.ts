import { describe, expect, it } from 'vitest';
import { createSpeech, localVoices, pickVoice, voiceRank, type SpeechState } from '../../src/ui/tts/speech';
import type { Sentence } from '../../src/ui/tts/sentences';

const voice = (name: string, lang: string, localService = true, isDefault = false) =>
  ({ name, lang, localService, voiceURI: `uri:${name}`, default: isDefault }) as SpeechSynthesisVoice;

class FakeUtterance {
  rate = 1;
  voice: SpeechSynthesisVoice | null = null;
  lang = '';
  onend: (() => void) | null = null;
  onerror: ((e: { error: string }) => void) | null = null;
  onboundary: ((e: { name: string; charIndex: number; charLength?: number }) => void) | null = null;
  constructor(public text: string) {}
}

function fakeSynth() {
  const spoken: FakeUtterance[] = [];
  const calls: string[] = [];
  const synth = {
    speak: (u: FakeUtterance) => void spoken.push(u),
    cancel: () => {
      calls.push('cancel');
      // Chrome reports the cancelled utterance as interrupted.
      for (const u of spoken.splice(0)) u.onerror?.({ error: 'interrupted' });
    },
    pause: () => void calls.push('pause'),
    resume: () => void calls.push('resume'),
  };
  /** The synthesizer finishes the utterance it is on. */
  const finish = () => spoken.shift()?.onend?.();
  return { synth: synth as unknown as SpeechSynthesis, spoken, calls, finish };
}

const sentences = ['One.', 'Two.', 'Three.'].map((text) => ({ text, range: {} as Range })) as unknown as Sentence[];

function setup(chosen: SpeechSynthesisVoice | null = voice('Local', 'en-GB')) {
  const fake = fakeSynth();
  const states: SpeechState[] = [];
  const words: Array<[number, number, number]> = [];
  const options = { rate: 1.2, voice: chosen, lang: 'en' };
  const speech = createSpeech({
    synth: fake.synth,
    onState: (s) => void states.push(s),
    onWord: (...word) => void words.push(word),
    options: () => options,
    Utterance: FakeUtterance as never,
  });
  return { ...fake, states, words, speech, options };
}

describe('local voices', () => {
  const voices = [voice('Zed', 'en-US'), voice('Remote', 'ar', false), voice('Amal', 'ar-EG'), voice('Anna', 'de-DE')];

  it('keeps only local voices, the article language first', () => {
    expect(localVoices(voices, 'ar').map((v) => v.name)).toEqual(['Amal', 'Anna', 'Zed']);
    expect(localVoices(voices, null).map((v) => v.name)).toEqual(['Amal', 'Anna', 'Zed']);
  });

  it('picks the chosen voice while it exists, never a remote one', () => {
    expect(pickVoice(voices, 'uri:Anna', 'ar')?.name).toBe('Anna');
    expect(pickVoice(voices, 'uri:Remote', 'ar')?.name).toBe('Amal');
    expect(pickVoice([voice('Remote', 'en', false)], '', 'en')).toBeNull();
  });
});

describe('createSpeech', () => {
  it('reads sentence after sentence with the chosen voice and rate, then goes idle', () => {
    const { speech, spoken, states, finish } = setup();
    speech.play(sentences);
    expect(spoken[0]).toMatchObject({ text: 'One.', rate: 1.2, lang: 'en-GB' });
    finish();
    finish();
    expect(states.map((s) => s.index)).toEqual([0, 1, 2]);
    finish();
    expect(states.at(-1)).toEqual({ status: 'idle', index: -1 });
  });

  it('pauses, resumes where it was, starts from any sentence and stops', () => {
    const { speech, states, calls, spoken } = setup();
    speech.play(sentences, 1);
    speech.pause();
    expect(states.at(-1)).toEqual({ status: 'paused', index: 1 });
    speech.play(sentences);
    expect(calls).toContain('resume');
    expect(states.at(-1)).toEqual({ status: 'playing', index: 1 });
    speech.stop();
    expect(states.at(-1)).toEqual({ status: 'idle', index: -1 });
    expect(spoken).toHaveLength(0);
  });

  it('ignores the late events of a cancelled utterance', () => {
    const { speech, spoken, states } = setup();
    speech.play(sentences);
    const first = spoken[0]!;
    speech.play(sentences, 2);
    first.onend?.();
    expect(states.at(-1)).toEqual({ status: 'playing', index: 2 });
    expect(spoken.map((u) => u.text)).toEqual(['Three.']);
  });

  it('re-reads the current sentence when the rate changes', () => {
    const { speech, spoken, options } = setup();
    speech.play(sentences, 1);
    options.rate = 2;
    speech.restart();
    expect(spoken.map((u) => [u.text, u.rate])).toEqual([['Two.', 2]]);
  });

  it('says nothing without a local voice', () => {
    const { speech, spoken, states } = setup(null);
    speech.play(sentences);
    expect(spoken).toHaveLength(0);
    expect(states.at(-1)).toEqual({ status: 'idle', index: -1 });
  });

  it('goes idle on a real error', () => {
    const { speech, spoken, states } = setup();
    speech.play(sentences);
    spoken[0]!.onerror?.({ error: 'synthesis-failed' });
    expect(states.at(-1)).toEqual({ status: 'idle', index: -1 });
  });
});

describe('voice order', () => {
  it('puts the exact language tag first, then the language in other regions, then the rest; the default first in each', () => {
    const voices = [
      voice('Zoe', 'en-US'),
      voice('Greta', 'de-DE', true, true),
      voice('Brit', 'en_GB'),
      voice('Amy', 'en-GB'),
      voice('Ana', 'es-ES'),
      voice('Sam', 'en-US', true, true),
    ];
    expect(localVoices(voices, 'en-GB').map((v) => v.name)).toEqual(['Amy', 'Brit', 'Sam', 'Zoe', 'Greta', 'Ana']);
    expect(localVoices(voices, 'en').map((v) => v.name)).toEqual(['Sam', 'Amy', 'Brit', 'Zoe', 'Greta', 'Ana']);
    expect(localVoices(voices, undefined).map((v) => v.name)).toEqual(['Greta', 'Sam', 'Amy', 'Ana', 'Brit', 'Zoe']);
  });

  it('ranks a voice against the article language', () => {
    expect(voiceRank(voice('a', 'pt-BR'), 'pt-br')).toBe(0);
    expect(voiceRank(voice('a', 'pt_PT'), 'pt-BR')).toBe(1);
    expect(voiceRank(voice('a', 'pt-BR'), 'es')).toBe(2);
    expect(voiceRank(voice('a', 'pt-BR'), null)).toBe(2);
  });

  it('without a choice (or when the chosen voice is gone), picks the first voice for the article language', () => {
    const voices = [voice('Anna', 'de-DE'), voice('Amy', 'en-GB'), voice('Sam', 'en-US', true, true)];
    expect(pickVoice(voices, '', 'en-GB')?.name).toBe('Amy');
    expect(pickVoice(voices, 'uri:Gone', 'en')?.name).toBe('Sam');
    expect(pickVoice(voices, '', 'de')?.name).toBe('Anna');
  });
});

describe('steering', () => {
  it('moves to another sentence while playing, and reads on from there', () => {
    const { speech, spoken, states, finish } = setup();
    speech.play(sentences);
    speech.seek(2);
    expect(spoken.map((u) => u.text)).toEqual(['Three.']);
    expect(states.at(-1)).toEqual({ status: 'playing', index: 2 });
    speech.seek(-5);
    expect(spoken.map((u) => u.text)).toEqual(['One.']);
    finish();
    expect(states.at(-1)).toEqual({ status: 'playing', index: 1 });
  });

  it('moves while paused without speaking, and reads the new sentence on resume', () => {
    const { speech, spoken, states } = setup();
    speech.play(sentences);
    speech.pause();
    speech.seek(1);
    expect(spoken).toHaveLength(0);
    expect(states.at(-1)).toEqual({ status: 'paused', index: 1 });
    speech.play(sentences);
    expect(spoken.map((u) => u.text)).toEqual(['Two.']);
    expect(states.at(-1)).toEqual({ status: 'playing', index: 1 });
  });

  it('does nothing when idle', () => {
    const { speech, spoken, states } = setup();
    speech.seek(1);
    speech.restart();
    expect(spoken).toHaveLength(0);
    expect(states).toEqual([]);
  });

  it('a rate change while paused applies on resume, to the same sentence', () => {
    const { speech, spoken, options, states } = setup();
    speech.play(sentences, 1);
    speech.pause();
    options.rate = 0.8;
    speech.restart();
    expect(states.at(-1)).toEqual({ status: 'paused', index: 1 });
    speech.play(sentences);
    expect(spoken.map((u) => [u.text, u.rate])).toEqual([['Two.', 0.8]]);
  });

  it('passes on word boundaries of the utterance being spoken, not of a cancelled one, nor sentence boundaries', () => {
    const { speech, spoken, words } = setup();
    const long = [{ text: 'The harbor ferry is back.', range: {} as Range }] as unknown as Sentence[];
    speech.play(long);
    const first = spoken[0]!;
    first.onboundary?.({ name: 'word', charIndex: 4, charLength: 6 });
    first.onboundary?.({ name: 'word', charIndex: 11 });
    first.onboundary?.({ name: 'sentence', charIndex: 0 });
    expect(words).toEqual([[0, 4, 10], [0, 11, 16]]);
    speech.play(long, 0);
    first.onboundary?.({ name: 'word', charIndex: 17, charLength: 2 });
    expect(words).toHaveLength(2);
  });
});
