/**
 * The offscreen document (Chromium): reads a large page's markup off the page's own thread, so a huge page does not
 * freeze while Lectern reads it. It answers the background only (messaging.ts checks the sender) and keeps nothing.
 */
import { listen } from '../shared/messaging';
import { readHtml } from './read-html';

listen({
  'offscreen-read': ({ html, url, options }) => Promise.resolve(readHtml(html, url, options, window)),
});
