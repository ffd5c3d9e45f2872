import { describe, expect, it } from 'vitest';
import { createSpeech, localVoices, pickVoice, type SpeechState } from '../../src/ui/tts/speech';
import type { Sentence } from '../../src/ui/tts/sentences';

const voice = (name: string, lang: string, localService = true) =>
  ({ name, lang, localService, voiceURI: `uri:${name}`, default: false }) as SpeechSynthesisVoice;

class FakeUtterance {
  rate = 1;
  voice: SpeechSynthesisVoice | null = null;
  lang = '';
  onend: (() => void) | null = null;
  onerror: ((e: { error: string }) => void) | null = null;
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

const sentences = ['One.', 'Two.', 'Three.'].map((text) => ({ text, range: {} as Range })) as Sentence[];

function setup(chosen: SpeechSynthesisVoice | null = voice('Local', 'en-GB')) {
  const fake = fakeSynth();
  const states: SpeechState[] = [];
  const options = { rate: 1.2, voice: chosen, lang: 'en' };
  const speech = createSpeech(fake.synth, (s) => states.push(s), () => options, FakeUtterance as never);
  return { ...fake, states, speech, options };
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
