/**
 * The service worker. Listeners are registered at the top level, every time the worker starts; it keeps nothing in
 * memory between events.
 */
import { listen } from '../shared/messaging';
import { readTab } from './read-tab';

listen({
  'read-tab': ({ tabId, options }) => readTab(tabId, options),
});
