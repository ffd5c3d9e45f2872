import { render } from 'preact';
import { ReaderApp } from '../ReaderApp';
import { useTabReader } from './source';
import '../reader.css';

const app = document.getElementById('app');
if (app) render(<ReaderApp surface="tab" useSource={useTabReader} />, app);
