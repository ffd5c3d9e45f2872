/** Typed send and listen over runtime messaging, built on the protocol map. */
import type { Runtime } from 'webextension-polyfill';
import { browser } from './browser';
import { isEnvelope, type Envelope, type MessageName, type Request, type Response } from './protocol';

export async function send<K extends MessageName>(name: K, payload: Request<K>): Promise<Response<K>> {
  const envelope: Envelope<K> = { lectern: name, payload };
  return await browser.runtime.sendMessage<Envelope<K>, Response<K>>(envelope);
}

export type Handlers = {
  [K in MessageName]?: (payload: Request<K>, sender: Runtime.MessageSender) => Promise<Response<K>>;
};

/** Messages are only taken from this extension's own pages; web pages and other extensions are ignored. */
export function isOwnPage(sender: Runtime.MessageSender): boolean {
  const own = browser.runtime.getURL('');
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(own);
}

/** One listener per context, answering only the messages it has a handler for. */
export function listen(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isEnvelope(message) || !isOwnPage(sender)) return undefined;
    const handler = handlers[message.lectern] as
      | ((payload: unknown, sender: Runtime.MessageSender) => Promise<unknown>)
      | undefined;
    return handler ? handler(message.payload, sender) : undefined;
  });
}
