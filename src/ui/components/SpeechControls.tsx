/** Read aloud with the browser's local voices: play / pause / stop, rate, voice. Nothing is sent anywhere. */
import { SPEECH_RATES } from '../../shared/settings';
import { useStore } from '../store';
import type { ReadAloud } from '../tts/use-read-aloud';

export interface Props {
  readAloud: ReadAloud;
}

export function SpeechControls({ readAloud: { speech, voices, play } }: Props) {
  const { settings, update, speech: state } = useStore();
  const { status } = state.value;
  const apply = (patch: Parameters<typeof update>[0]): void => {
    update(patch);
    speech?.restart();
  };
  if (!speech || voices.length === 0) {
    return (
      <div class="lectern-panel" id="lectern-panel-speech" role="group" aria-label="Listen">
        <p class="lectern-panel__note">
          {speech ? 'There is no voice installed on this device to read aloud with.' : 'This browser cannot read aloud.'}
        </p>
      </div>
    );
  }
  return (
    <div class="lectern-panel" id="lectern-panel-speech" role="group" aria-label="Listen">
      <div class="lectern-speech__buttons">
        {status === 'playing' ? (
          <button type="button" onClick={() => speech.pause()}>Pause</button>
        ) : (
          <button type="button" onClick={play}>{status === 'paused' ? 'Resume' : 'Play'}</button>
        )}
        <button type="button" disabled={status === 'idle'} onClick={() => speech.stop()}>Stop</button>
      </div>
      <label class="lectern-field">
        <span class="lectern-field__label">Speed</span>
        <select value={String(settings.value.speechRate)} onChange={(e) => apply({ speechRate: Number(e.currentTarget.value) })}>
          {SPEECH_RATES.map((r) => (
            <option key={r} value={String(r)}>{`${r}×`}</option>
          ))}
        </select>
      </label>
      <label class="lectern-field">
        <span class="lectern-field__label">Voice</span>
        <select value={settings.value.voice || voices[0]?.voiceURI} onChange={(e) => apply({ voice: e.currentTarget.value })}>
          {voices.map((v) => (
            <option key={v.voiceURI} value={v.voiceURI}>{`${v.name} (${v.lang})`}</option>
          ))}
        </select>
      </label>
      <p class="lectern-panel__note">Read by a voice on this device; the text stays here.</p>
    </div>
  );
}
