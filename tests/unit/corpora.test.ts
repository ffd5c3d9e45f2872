/** Where the tests and scripts find the shared corpora (scripts/lib/corpora.ts), and what they say when it is wrong. */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corporaDir, corpusDir, MissingCorpusError, missingCorpus } from '../../scripts/lib/corpora';
import { ROOT } from '../support/dom';

const tmp = mkdtempSync(join(tmpdir(), 'lectern-corpora-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('corporaDir', () => {
  it('is ../shared/corpora beside the project without LECTERN_CORPORA (or with it empty)', () => {
    const beside = resolve(ROOT, '..', 'shared', 'corpora');
    expect(corporaDir({})).toBe(beside);
    expect(corporaDir({ LECTERN_CORPORA: ' ' })).toBe(beside);
  });

  it('is LECTERN_CORPORA when set; a relative path is taken from the project root', () => {
    expect(corporaDir({ LECTERN_CORPORA: tmp })).toBe(tmp);
    expect(corporaDir({ LECTERN_CORPORA: 'some/corpora' })).toBe(join(ROOT, 'some', 'corpora'));
  });
});

describe('corpusDir', () => {
  it('gives the corpus folder when it is there', () => {
    mkdirSync(join(tmp, 'aeb'));
    expect(corpusDir('aeb', tmp)).toBe(join(tmp, 'aeb'));
    expect(missingCorpus('aeb', tmp)).toBeNull();
  });

  it('without the corpora folder: one sentence that names the folder and LECTERN_CORPORA, no stack', () => {
    const nowhere = join(tmp, 'no-such-folder');
    const sentence =
      `Corpus folder ${nowhere} not found: set LECTERN_CORPORA to the folder that holds aeb, readability-0.6.0 and trafilatura-dev.`;
    expect(() => corpusDir('aeb', nowhere)).toThrow(new MissingCorpusError(sentence));
    expect(missingCorpus('aeb', nowhere)).toBe(sentence);
    try {
      corpusDir('readability-0.6.0', nowhere);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MissingCorpusError);
      // What vitest and Node print of it: the sentence, not a trace through the file system calls.
      expect((error as Error).stack).toBe(sentence);
      expect((error as Error).message).not.toMatch(/\n|ENOENT|readdirSync/);
    }
  });

  it('with the folder but not that corpus in it: the sentence names the corpus folder', () => {
    expect(() => corpusDir('trafilatura-dev', tmp)).toThrow(
      `Corpus folder ${join(tmp, 'trafilatura-dev')} not found: set LECTERN_CORPORA to the folder that holds aeb, readability-0.6.0 and trafilatura-dev.`,
    );
  });

  it('a file where the folder should be is not a corpus', () => {
    expect(missingCorpus('package.json', ROOT)).toMatch(/^Corpus folder .*package\.json not found: set LECTERN_CORPORA /);
  });
});
