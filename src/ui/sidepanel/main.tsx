import { render } from 'preact';
import { ReaderApp } from '../ReaderApp';
import { usePanelReader } from './source';
import '../reader.css';

const app = document.getElementById('app');
if (app) render(<ReaderApp surface="sidepanel" useSource={usePanelReader} />, app);
