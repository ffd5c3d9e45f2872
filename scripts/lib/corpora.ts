/**
 * Where the shared page corpora are (aeb, readability-0.6.0, trafilatura-dev; ../shared/corpora/README.md describes
 * them): the folder named by $LECTERN_CORPORA, by default ../shared/corpora beside the project. Every test and script
 * that reads a corpus asks here, so one variable moves them all.
 */
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPORA_ENV = 'LECTERN_CORPORA';
/** The corpora the tests and the bench read by default. */
export const CORPUS_NAMES = ['aeb', 'readability-0.6.0', 'trafilatura-dev'] as const;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The folder that holds the corpora: $LECTERN_CORPORA (a relative path is taken from the project root, where npm runs
 * every script), else ../shared/corpora beside the project. Not checked: see corpusDir.
 */
export function corporaDir(env: NodeJS.ProcessEnv = process.env): string {
  const set = env[CORPORA_ENV]?.trim();
  return set ? resolve(ROOT, set) : resolve(ROOT, '..', 'shared', 'corpora');
}

const isDir = (path: string): boolean => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;

/**
 * The one sentence that says corpus `name` is not under `root` and what to set, naming the folder that is missing
 * (`root` itself, or the corpus in it); null when the corpus is there.
 */
export function missingCorpus(name: string, root: string = corporaDir()): string | null {
  const missing = !isDir(root) ? root : !isDir(join(root, name)) ? join(root, name) : null;
  if (missing === null) return null;
  const names = `${CORPUS_NAMES.slice(0, -1).join(', ')} and ${CORPUS_NAMES[CORPUS_NAMES.length - 1]}`;
  return `Corpus folder ${missing} not found: set ${CORPORA_ENV} to the folder that holds ${names}.`;
}

/** A missing corpus: its message is the whole report (no stack: the sentence says what is wrong and what to do). */
export class MissingCorpusError extends Error {
  override name = 'MissingCorpusError';
  constructor(message: string) {
    super(message);
    this.stack = message;
  }
}

/** The folder of corpus `name` (for example 'aeb'); throws MissingCorpusError with that sentence when it is not there. */
export function corpusDir(name: string, root: string = corporaDir()): string {
  const why = missingCorpus(name, root);
  if (why !== null) throw new MissingCorpusError(why);
  return join(root, name);
}
