/**
 * Read aloud with the browser's local voices: play / pause / stop, sentence and paragraph steps, where the voice is,
 * follow along, rate, voice. Nothing is sent anywhere.
 */
import { t } from '../i18n';
import { SPEECH_RATES } from '../../shared/settings';
import { useStore } from '../store';
import { pickVoice, voiceRank } from '../tts/speech';
import type { ReadAloud } from '../tts/use-read-aloud';

export interface Props {
  readAloud: ReadAloud;
}

const voiceOption = (v: SpeechSynthesisVoice) => <option key={v.voiceURI} value={v.voiceURI}>{`${v.name} (${v.lang})`}</option>;

export function SpeechControls({ readAloud }: Props) {
  const { speech, voices, play, lang, follow } = readAloud;
  const { settings, update, speech: state } = useStore();
  const { status, index } = state.value;
  // Rate or voice: the sentence being read starts again with it, not the article.
  const apply = (patch: Parameters<typeof update>[0]): void => {
    update(patch);
    speech?.restart();
  };
  if (!speech || voices.length === 0) {
    return (
      <div class="lectern-panel" id="lectern-panel-speech" role="group" aria-label={t('toolbarListen')}>
        <p class="lectern-panel__note">
          {speech ? t('noVoice') : t('noSpeech')}
        </p>
      </div>
    );
  }
  const idle = status === 'idle';
  const total = readAloud.sentences().length;
  const voice = pickVoice(voices, settings.value.voice, lang);
  const theirs = voices.filter((v) => voiceRank(v, lang) < 2);
  const others = voices.filter((v) => voiceRank(v, lang) === 2);
  const steps = [
    ['«', t('previousParagraph'), readAloud.previousParagraph],
    ['‹', t('previousSentence'), readAloud.previousSentence],
    ['›', t('nextSentence'), readAloud.nextSentence],
    ['»', t('nextParagraph'), readAloud.nextParagraph],
  ] as const;
  return (
    <div class="lectern-panel" id="lectern-panel-speech" role="group" aria-label={t('toolbarListen')}>
      <div class="lectern-speech__buttons">
        {status === 'playing' ? (
          <button type="button" onClick={() => speech.pause()}>{t('pause')}</button>
        ) : (
          <button type="button" onClick={play}>{status === 'paused' ? t('resume') : t('play')}</button>
        )}
        <button type="button" disabled={idle} onClick={() => speech.stop()}>{t('stop')}</button>
      </div>
      <div class="lectern-speech__buttons lectern-speech__steps">
        {steps.map(([symbol, label, go]) => (
          <button key={label} type="button" aria-label={label} title={label} disabled={idle} onClick={go}>
            <span aria-hidden="true">{symbol}</span>
          </button>
        ))}
      </div>
      <p class="lectern-speech__position">{idle ? '' : t('sentenceOf', String(index + 1), String(total))}</p>
      <label class="lectern-speech__follow">
        <input type="checkbox" checked={follow.value} onChange={(e) => (follow.value = e.currentTarget.checked)} />
        {t('followAlong')}
      </label>
      <label class="lectern-field">
        <span class="lectern-field__label">{t('speed')}</span>
        <select value={String(settings.value.speechRate)} onChange={(e) => apply({ speechRate: Number(e.currentTarget.value) })}>
          {SPEECH_RATES.map((r) => (
            <option key={r} value={String(r)}>{`${r}×`}</option>
          ))}
        </select>
      </label>
      <label class="lectern-field">
        <span class="lectern-field__label">{t('voice')}</span>
        <select value={voice?.voiceURI} onChange={(e) => apply({ voice: e.currentTarget.value })}>
          {theirs.length > 0 && others.length > 0 ? (
            <>
              <optgroup label={t('articleLanguage')}>{theirs.map(voiceOption)}</optgroup>
              <optgroup label={t('otherLanguages')}>{others.map(voiceOption)}</optgroup>
            </>
          ) : (
            voices.map(voiceOption)
          )}
        </select>
      </label>
      <p class="lectern-panel__note">{t('speechNote')}</p>
    </div>
  );
}
