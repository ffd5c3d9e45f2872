/**
 * Read aloud that can be steered (#27), in real Chromium: sentence and paragraph steps move the voice and its
 * highlight, the position indicator follows, a rate change re-reads the current sentence (not the article from the
 * top), the block being read carries `lectern-reading`, the voice's word boundaries give a word highlight, a click on
 * a sentence reads from there (a click on a link does not), and "Follow along" off leaves the scroll alone.
 *
 * Headless Chromium has no voices, so a stand-in speech engine is installed before the reader's code runs (on the
 * popup page opened as a normal tab). It is meant to behave like a real one, not to make the reader look right: it
 * queues utterances and speaks them one at a time on timers, at a pace set by the utterance's rate; it fires `start`,
 * a `boundary` event named 'word' (with charIndex and charLength) per word, then `end`; `pause` freezes the timers,
 * `resume` picks up where it stopped; `cancel` drops the queue and reports the current utterance as 'interrupted'.
 * Nothing in it knows about Lectern's sentences, highlights or classes.
 */
import type { Page, Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { currentWorker, openFixture, useSession, axeViolations, clearStorageBeforeEach } from './support';

const LONG = 'view--long-article-toc';
const session = useSession();
const worker = (): Worker => currentWorker(session());

clearStorageBeforeEach(session);

/** The stand-in engine (see the top of the file). Runs in the page, before any of its scripts. */
function fakeSpeech(): void {
  const voice = { name: 'Test Voice', lang: 'en-US', localService: true, voiceURI: 'test-local', default: true };
  type Handler = ((event: unknown) => void) | null | undefined;
  type U = {
    text: string;
    rate: number;
    voice: { voiceURI: string } | null;
    onstart?: Handler;
    onboundary?: Handler;
    onend?: Handler;
    onerror?: Handler;
  };
  /** Every utterance the engine was given, in order, with its rate at the time. */
  const log: Array<{ text: string; rate: number; voice: string | undefined }> = [];
  const queue: U[] = [];
  let current: U | null = null;
  let words: Array<{ index: number; length: number }> = [];
  let next = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let paused = false;
  const WORD_MS = 180;

  const fire = (u: U, type: 'start' | 'boundary' | 'end' | 'error', extra: object = {}): void => {
    u[`on${type}`]?.({ type, utterance: u, charIndex: 0, charLength: 0, name: '', elapsedTime: 0, ...extra });
  };
  const tick = (): void => {
    const u = current;
    if (!u || paused) return;
    timer = setTimeout(() => {
      if (current !== u || paused) return;
      const word = words[next++];
      if (word) {
        fire(u, 'boundary', { name: 'word', charIndex: word.index, charLength: word.length });
        tick();
      } else {
        current = null;
        fire(u, 'end');
        startNext();
      }
    }, WORD_MS / (u.rate || 1));
  };
  const startNext = (): void => {
    const u = queue.shift();
    if (!u) return;
    current = u;
    words = [...u.text.matchAll(/\S+/g)].map((m) => ({ index: m.index, length: m[0].length }));
    next = 0;
    fire(u, 'start');
    tick();
  };
  const synth = Object.assign(new EventTarget(), {
    get speaking() {
      return current !== null;
    },
    get paused() {
      return paused;
    },
    get pending() {
      return queue.length > 0;
    },
    getVoices: () => [voice],
    speak(u: U) {
      log.push({ text: u.text, rate: u.rate, voice: u.voice?.voiceURI });
      queue.push(u);
      if (!current && !paused) startNext();
    },
    cancel() {
      clearTimeout(timer);
      queue.length = 0;
      const u = current;
      current = null;
      if (u) fire(u, 'error', { error: 'interrupted' });
    },
    pause() {
      paused = true;
      clearTimeout(timer);
    },
    resume() {
      paused = false;
      if (current) tick();
      else startNext();
    },
  });
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', {
    value: class {
      voice = null;
      rate = 1;
      lang = '';
      constructor(public text: string) {}
    },
    configurable: true,
  });
  (window as unknown as { __spoken: typeof log }).__spoken = log;
}

/** The popup page in a normal tab for the fixture's tab, with the stand-in engine, once its article shows. */
async function reader(): Promise<Page> {
  await openFixture(session(), LONG);
  const tabId = await worker().evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
  const view = await session().lectern.context.newPage();
  await view.addInitScript(fakeSpeech);
  await view.goto(`chrome-extension://${session().lectern.extensionId}/src/ui/popup/index.html?tabId=${tabId}`);
  await view.waitForSelector('.lectern-reader');
  return view;
}

interface Reading {
  /** The text under the sentence highlight, whitespace collapsed. */
  sentence: string | null;
  word: string | null;
  /** The text of the one element marked `lectern-reading`, and how many there are. */
  block: string | null;
  marked: number;
  position: string;
  /** The last utterance given to the engine. */
  spoken: { text: string; rate: number } | null;
  count: number;
}

const reading = (view: Page): Promise<Reading> =>
  view.evaluate(() => {
    const text = (name: string): string | null => {
      const h = CSS.highlights.get(name);
      return h ? [...h.values()].map((r) => (r as Range).toString()).join('').replace(/\s+/g, ' ') : null;
    };
    const marked = document.querySelectorAll('.lectern-reading');
    const spoken = (window as unknown as { __spoken: Array<{ text: string; rate: number }> }).__spoken;
    return {
      sentence: text('lectern-tts'),
      word: text('lectern-tts-word'),
      block: marked[0]?.textContent.replace(/\s+/g, ' ') ?? null,
      marked: marked.length,
      position: document.querySelector('.lectern-speech__position')?.textContent ?? '',
      spoken: spoken.at(-1) ?? null,
      count: spoken.length,
    };
  });


/** Wait until the reading state passes `ok`; returns it. */
async function until(view: Page, ok: (r: Reading) => boolean, what: string): Promise<Reading> {
  const deadline = Date.now() + 5_000;
  let last = await reading(view);
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`${what}: ${JSON.stringify(last)}`);
    await view.waitForTimeout(50);
    last = await reading(view);
  }
  return last;
}

/** The highlight is on the sentence the engine is speaking, in the marked block, at position `n`. */
const inStep = (n: number) => (r: Reading) =>
  r.spoken !== null && r.sentence === r.spoken.text && !!r.block?.includes(r.sentence) && r.marked === 1 && r.position.startsWith(`Sentence ${n} of `);

describe('read aloud that can be steered', () => {
  it('moves by sentence and paragraph, shows where it is, marks the block, highlights words and keeps its place on a rate change', async () => {
    const view = await reader();
    await view.getByRole('button', { name: 'Listen' }).click();
    expect((await reading(view)).position).toBe('');
    expect(await view.getByRole('button', { name: 'Next sentence' }).isDisabled()).toBe(true);
    await view.getByRole('button', { name: 'Play', exact: true }).click();
    const first = await until(view, inStep(1), 'reading starts');
    const total = Number(/of (\d+)/.exec(first.position)![1]);
    expect(total).toBeGreaterThan(20);
    const sentences = await view.evaluate(() => document.querySelector('.lectern-reader__body')!.textContent.replace(/\s+/g, ' '));
    expect(sentences).toContain(first.sentence);
    expect(await axeViolations(view, '#lectern-panel-speech')).toEqual([]);

    // The engine reports words: the word highlight is a word of the sentence being read.
    const worded = await until(view, (r) => r.word !== null && r.word.length > 0, 'a word highlight');
    expect(worded.sentence).toContain(worded.word);
    expect(worded.word).toMatch(/^\S+$/);

    await view.getByRole('button', { name: 'Next sentence' }).click();
    const second = await until(view, (r) => inStep(2)(r) && r.sentence !== first.sentence, 'next sentence');
    await view.getByRole('button', { name: 'Next paragraph' }).click();
    const para = await until(view, (r) => r.spoken!.text !== second.spoken!.text && r.block !== second.block && r.marked === 1 && r.sentence === r.spoken!.text, 'next paragraph');
    const paraIndex = Number(/Sentence (\d+)/.exec(para.position)![1]);
    expect(paraIndex).toBeGreaterThan(2);
    // The new block starts with the sentence being read, and it is the element marked.
    expect(para.block!.trim().startsWith(para.sentence!)).toBe(true);

    // A rate change re-reads the current sentence at the new rate: the position stays.
    await view.getByRole('combobox', { name: 'Speed' }).selectOption('1.7');
    const faster = await until(view, (r) => r.spoken!.rate === 1.7, 'rate change');
    expect(faster.spoken!.text).toBe(para.spoken!.text);
    expect(faster.position).toBe(para.position);
    expect(faster.sentence).toBe(para.sentence);

    await view.getByRole('button', { name: 'Previous sentence' }).click();
    const back = await until(view, inStep(paraIndex - 1), 'previous sentence');
    expect(back.spoken!.rate).toBe(1.7);
    await view.getByRole('button', { name: 'Previous paragraph' }).click();
    await until(view, (r) => r.block !== back.block && r.sentence === r.spoken!.text && r.marked === 1, 'previous paragraph');

    // Paused, a step moves the position without speaking; Resume reads from there.
    await view.getByRole('button', { name: 'Pause' }).click();
    const paused = await reading(view);
    await view.getByRole('button', { name: 'Next paragraph' }).click();
    const moved = await until(view, (r) => r.position !== paused.position && r.sentence !== paused.sentence, 'a step while paused');
    expect(moved.count).toBe(paused.count);
    await view.getByRole('button', { name: 'Resume' }).click();
    await until(view, (r) => r.count === paused.count + 1 && r.spoken!.text === moved.sentence, 'resume after a step');

    await view.getByRole('button', { name: 'Stop' }).click();
    const stopped = await until(view, (r) => r.sentence === null && r.marked === 0, 'stop');
    expect(stopped.word).toBeNull();
    expect(stopped.position).toBe('');
    await view.close();
  });

  it('a click on a sentence reads from there; a click on a link or a double click (selecting a word) does not', async () => {
    const view = await reader();
    const paragraphs = view.locator('.lectern-reader__body p');
    // A link at the end of the sixth paragraph; the window (last to see the click) keeps the view from following it.
    await paragraphs.nth(5).evaluate((p) => {
      const a = document.createElement('a');
      a.href = 'https://example.invalid/';
      a.textContent = 'A link.';
      p.append(' ', a);
      window.addEventListener('click', (e) => e.preventDefault());
    });
    const textOf = async (n: number) => (await paragraphs.nth(n).textContent())!.replace(/\s+/g, ' ').trim();

    // Idle with the Listen panel closed, a click is only a click.
    await paragraphs.nth(3).click({ position: { x: 3, y: 8 } });
    await view.waitForTimeout(600);
    expect((await reading(view)).count).toBe(0);

    // With the panel open, a click on a paragraph's first word starts reading at that paragraph.
    await view.getByRole('button', { name: 'Listen' }).click();
    await paragraphs.nth(3).click({ position: { x: 3, y: 8 } });
    const started = await until(view, (r) => r.sentence !== null && r.sentence === r.spoken?.text, 'a click starts reading');
    expect((await textOf(3)).startsWith(started.sentence!)).toBe(true);
    expect(started.block!.trim()).toBe(await textOf(3));
    await view.getByRole('button', { name: 'Pause' }).click();
    const paused = await reading(view);

    // A double click selects a word and leaves the voice where it was.
    await paragraphs.nth(4).scrollIntoViewIfNeeded();
    await paragraphs.nth(4).dblclick({ position: { x: 30, y: 8 } });
    await view.waitForTimeout(600);
    expect(await view.evaluate(() => getSelection()!.toString().trim().length)).toBeGreaterThan(0);
    expect(await reading(view)).toEqual(paused);

    // A link keeps its click.
    await paragraphs.nth(5).getByRole('link', { name: 'A link.' }).click();
    await view.waitForTimeout(600);
    expect(await reading(view)).toEqual(paused);

    // A click on the sixth paragraph's text reads from there (paused or not).
    await paragraphs.nth(5).click({ position: { x: 3, y: 8 } });
    const moved = await until(view, (r) => r.count === paused.count + 1, 'a click while paused');
    expect((await textOf(5)).startsWith(moved.spoken!.text)).toBe(true);
    await until(view, (r) => r.sentence === moved.spoken!.text && r.block!.trim() === moved.block!.trim(), 'highlight after a click');
    expect(moved.block!.trim()).toBe(await textOf(5));
    await view.getByRole('button', { name: 'Pause' }).waitFor();
    await view.getByRole('button', { name: 'Stop' }).click();
    await view.close();
  });

  it('follows the voice down the article, or leaves the scroll alone when follow along is off', async () => {
    const view = await reader();
    await view.getByRole('button', { name: 'Listen' }).click();
    const follow = view.getByRole('checkbox', { name: 'Follow along' });
    expect(await follow.isChecked()).toBe(true);
    await follow.uncheck();
    await view.getByRole('button', { name: 'Play', exact: true }).click();
    await until(view, inStep(1), 'reading starts');
    await view.evaluate(() => window.scrollTo(0, 0));
    /** Where the highlighted sentence is against the view. */
    const place = () =>
      view.evaluate(() => {
        const range = [...CSS.highlights.get('lectern-tts')!.values()][0] as Range;
        const rect = range.getBoundingClientRect();
        return { top: rect.top, bottom: rect.bottom, height: innerHeight, scrollY };
      });
    let where = await place();
    for (let i = 0; i < 40 && where.top < where.height; i++) {
      const before = (await reading(view)).position;
      await view.getByRole('button', { name: 'Next paragraph' }).click();
      await until(view, (r) => r.position !== before, 'next paragraph');
      where = await place();
    }
    // The voice is below the fold and the view has not moved.
    expect(where.top).toBeGreaterThan(where.height);
    expect(where.scrollY).toBe(0);
    // Turned on: the view goes to the sentence at once, and keeps up with the next one.
    await follow.check();
    await view.waitForFunction(() => scrollY > 0);
    where = await place();
    expect(where.top).toBeGreaterThanOrEqual(0);
    expect(where.bottom).toBeLessThanOrEqual(where.height);
    await view.getByRole('button', { name: 'Stop' }).click();
    await view.close();
  });
});
