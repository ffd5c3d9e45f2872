/** The options page: dressed in the reader's theme (following every change), in the browser's language. */
import { render } from 'preact';
import { defaults } from '../../shared/settings';
import { t, uiDirection, uiLanguage } from '../i18n';
import { storageIO } from '../store';
import { applyTheme } from '../theme';
import { OptionsPage } from './OptionsPage';
import '../reader.css';

const root = document.documentElement;
root.lang = uiLanguage();
root.dir = uiDirection();
document.title = t('optionsTitle');
applyTheme(root, storageIO.cached?.() ?? defaults);
let changed = false;
storageIO.watch((settings) => {
  changed = true;
  applyTheme(root, settings);
});
void storageIO.load().then((settings) => changed || applyTheme(root, settings));

const app = document.getElementById('app');
if (app) render(<OptionsPage />, app);
