import { render } from 'preact';
import { ReaderApp } from '../ReaderApp';
import { usePopupReader } from './source';
import '../reader.css';

const app = document.getElementById('app');
if (app) render(<ReaderApp surface="popup" useSource={usePopupReader} />, app);
