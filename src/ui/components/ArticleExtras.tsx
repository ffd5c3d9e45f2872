/**
 * What an article does besides showing itself: read aloud (and its Listen panel), resume where the reader left off,
 * the reading keys, and Alt+click to open a link in Lectern. Loaded after the article has painted (ArticleView, lazy.tsx), so none of it is in the first
 * paint; it renders the Listen panel when that is open and nothing otherwise.
 */
import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { onReadingKey } from '../keys';
import { useOpenLinks } from '../open-links';
import { useStore } from '../store';
import { useReadAloud } from '../tts/use-read-aloud';
import { useResume } from '../use-resume';
import { SpeechControls } from './SpeechControls';

export interface Props {
  body: RefObject<HTMLElement>;
  html: string;
  url: string;
  lang: string | null;
  hasToc: boolean;
  help: boolean;
  setHelp: (help: boolean) => void;
  /** Called with "start over" while the view is at a resumed position, with null otherwise. */
  onResumed: (startOver: (() => void) | null) => void;
}

export function ArticleExtras({ body, html, url, lang, hasToc, help, setHelp, onResumed }: Props) {
  const store = useStore();
  const readAloud = useReadAloud(body, html, lang);
  const { resumed, startOver } = useResume(url, body, store.settings.value.resume);
  useEffect(() => onResumed(resumed ? startOver : null), [resumed, startOver, onResumed]);
  useOpenLinks(body, store.surface !== 'popup');

  // The reading keys (keys.ts), read through a ref so the one listener always sees this render's state.
  const keyState = useRef({ help, hasToc, readAloud, setHelp });
  keyState.current = { help, hasToc, readAloud, setHelp };
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const now = keyState.current;
      const handled = onReadingKey(e, {
        settings: () => store.settings.value,
        update: store.update,
        body: () => body.current,
        toggleToc: () => {
          if (now.hasToc) store.panel.value = store.panel.value === 'toc' ? null : 'toc';
        },
        togglePlay: () => {
          if (store.speech.value.status === 'playing') now.readAloud.speech?.pause();
          else now.readAloud.play();
        },
        stepSentence: (by) => (by < 0 ? now.readAloud.previousSentence() : now.readAloud.nextSentence()),
        toggleHelp: () => now.setHelp(!now.help),
        close: () => {
          if (now.help) now.setHelp(false);
          else if (store.panel.value) store.panel.value = null;
          else return false;
          return true;
        },
      });
      if (handled) e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store, body]);

  return store.panel.value === 'speech' ? <SpeechControls readAloud={readAloud} /> : null;
}
