/**
 * Read-aloud for the rendered article: the speech controller, its local voices, moving through the article (sentence
 * and paragraph steps, a click on a sentence), and what follows the voice: the sentence highlight, the word highlight
 * where the voice reports words, the `lectern-reading` class on the block being read, and (when following along)
 * scrolling to keep the sentence in view.
 */
import { effect, useSignal, type Signal } from '@preact/signals';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import { useStore } from '../store';
import { keepInView, READING_CLASS, showSentence, showWord } from './highlight';
import { caretAt, sentenceAt, stepParagraph, stepSentence } from './navigation';
import { sentencesOf, type Sentence } from './sentences';
import { createSpeech, localVoices, pickVoice, type Speech } from './speech';

export interface ReadAloud {
  /** Null when this browser has no speech synthesis. */
  speech: Speech | null;
  /** The local voices, the article's language first. */
  voices: SpeechSynthesisVoice[];
  /** The article's language, if known. */
  lang: string | null;
  /** Start or resume. */
  play: () => void;
  /** Read from sentence `index`. */
  playAt: (index: number) => void;
  /** Read from the sentence where the selection (or caret) is in the body; false when there is none there. */
  playAtSelection: () => boolean;
  /** Move while reading (or paused); nothing when idle. */
  previousSentence: () => void;
  nextSentence: () => void;
  previousParagraph: () => void;
  nextParagraph: () => void;
  /** The article's sentences, cut from the rendered body on first use. */
  sentences: () => readonly Sentence[];
  /** Scroll to keep the sentence being read in view. */
  follow: Signal<boolean>;
}

/** A click here never moves the voice: it belongs to the link or control. */
const INTERACTIVE = 'a[href], button, input, select, textarea, summary, label, audio, video, iframe, [contenteditable]';
/** How long a click waits for a second one (a double click selects a word, a triple click a paragraph). */
export const CLICK_DELAY = 300;

const synth = (): SpeechSynthesis | null => (typeof speechSynthesis === 'undefined' ? null : speechSynthesis);

export function useReadAloud(body: RefObject<HTMLElement>, html: string, lang: string | null): ReadAloud {
  const store = useStore();
  const follow = useSignal(true);
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
      ? createSpeech({
          synth: s,
          onState: (state) => (store.speech.value = state),
          onWord: (index, start, end) => {
            const sentence = sentences.list?.[index];
            if (sentence && store.speech.peek().index === index) showWord(sentence.rangeOf(start, end), window, follow.peek());
          },
          options: () => ({
            rate: store.settings.value.speechRate,
            voice: pickVoice(s.getVoices(), store.settings.value.voice, lang),
            lang: lang ?? undefined,
          }),
        })
      : null;
    return { speech, sentences };
    // A new article (new html) gets a new controller and new sentences: `html` is the key, read by neither.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- html keys the memo: the sentences are cut from its DOM
  }, [html, lang, store, follow]);

  const list = (): Sentence[] => {
    if (sentences.list) return sentences.list;
    if (!body.current) return [];
    return (sentences.list = sentencesOf(body.current, lang ?? undefined));
  };
  const playAt = (index: number): void => {
    if (speech && index >= 0 && index < list().length) speech.play(list(), index);
  };
  const playFrom = (node: Node, offset: number): boolean => {
    const index = sentenceAt(list().map((s) => s.range), node, offset);
    playAt(index);
    return index >= 0;
  };
  /** Move to the sentence `to` picks from the current one; only while reading or paused. */
  const move = (to: (all: Sentence[], index: number) => number | null): void => {
    const { status, index } = store.speech.peek();
    if (!speech || status === 'idle') return;
    const next = to(list(), index);
    if (next !== null && next !== index) speech.seek(next);
  };

  // What follows the voice: the sentence highlight, the reading block's class, and scrolling when following along.
  useEffect(() => {
    let shown = -1;
    let following = false;
    let marked: Element | null = null;
    const stop = effect(() => {
      const { index } = store.speech.value;
      const follows = follow.value;
      const sentence = index >= 0 ? (sentences.list?.[index] ?? null) : null;
      if (index !== shown) {
        shown = index;
        showSentence(sentence?.range ?? null, window, follows);
        const block = sentence && sentence.block !== body.current ? sentence.block : null;
        if (block !== marked) {
          marked?.classList.remove(READING_CLASS);
          block?.classList.add(READING_CLASS);
          marked = block;
        }
      } else if (sentence && follows && !following) {
        // Follow along was just turned on: go to the sentence at once.
        keepInView(sentence.range);
      }
      following = follows;
    });
    return () => {
      stop();
      showSentence(null);
      marked?.classList.remove(READING_CLASS);
    };
  }, [sentences, store, follow, body]);
  useEffect(() => () => speech?.stop(), [speech]);

  // A click on a sentence reads from there, while reading (or paused) or while the Listen panel is open. Links and
  // controls keep their clicks; a double or triple click (selecting text) and a drag that selects text move nothing.
  useEffect(() => {
    const el = body.current;
    if (!el || !speech) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onClick = (e: MouseEvent): void => {
      clearTimeout(timer);
      if (e.button !== 0 || e.detail > 1 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey || e.defaultPrevented) return;
      if (store.speech.peek().status === 'idle' && store.panel.peek() !== 'speech') return;
      if (e.target instanceof Element && e.target.closest(INTERACTIVE)) return;
      const point = caretAt(el.ownerDocument, e.clientX, e.clientY);
      if (!point || !el.contains(point.node)) return;
      timer = setTimeout(() => {
        const selection = el.ownerDocument.getSelection();
        if (selection && !selection.isCollapsed) return;
        playFrom(point.node, point.offset);
      }, CLICK_DELAY);
    };
    el.addEventListener('click', onClick);
    return () => {
      clearTimeout(timer);
      el.removeEventListener('click', onClick);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- playFrom reads this article's sentences, keyed by speech
  }, [speech, store, body]);

  return {
    speech,
    voices,
    lang,
    play() {
      if (!speech || !body.current) return;
      speech.play(list());
    },
    playAt,
    playAtSelection() {
      const selection = body.current?.ownerDocument.getSelection();
      const node = selection?.rangeCount ? selection.getRangeAt(0).startContainer : null;
      if (!selection || !node || !body.current?.contains(node)) return false;
      return playFrom(node, selection.getRangeAt(0).startOffset);
    },
    previousSentence: () => move((all, index) => stepSentence(all.length, index, -1)),
    nextSentence: () => move((all, index) => stepSentence(all.length, index, 1)),
    previousParagraph: () => move((all, index) => stepParagraph(all.map((s) => s.paragraph), index, -1)),
    nextParagraph: () => move((all, index) => stepParagraph(all.map((s) => s.paragraph), index, 1)),
    sentences: list,
    follow,
  };
}
