import { render } from 'preact';
import { ReaderApp } from '../ReaderApp';
import '../reader.css';

const app = document.getElementById('app');
if (app) render(<ReaderApp surface="tab" />, app);
