/** A tiny static file server on 127.0.0.1 (random port) for test and sample pages. Nothing else is reachable. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.css': 'text/css',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  origin: string;
  /** Every path requested, in order (tests use it to see what a page or the reader fetched). */
  requests: string[];
  /** Serve `body` at `path` from memory (generated test pages), with extra response headers if given. */
  put(path: string, body: string, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

/** Serve `root`; requests for images that do not exist get a small generated PNG so pages render like real ones. */
export async function serveStatic(root: string, placeholderPng?: Buffer): Promise<StaticServer> {
  const requests: string[] = [];
  const memory = new Map<string, { body: string; headers: Record<string, string> }>();
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    requests.push(path);
    const page = memory.get(path);
    if (page) {
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'text/html; charset=utf-8', ...page.headers }).end(page.body);
      return;
    }
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(normalize(root + sep))) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      if (placeholderPng && /\.(jpe?g|png|gif|webp)$/i.test(path)) {
        res.writeHead(200, { 'content-type': 'image/png' }).end(placeholderPng);
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
    }
  };
  // A request that fails (a malformed %-escape in its path) gets a 400, not an unhandled rejection.
  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' });
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    put(path, body, headers = {}) {
      memory.set(path, { body, headers });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
