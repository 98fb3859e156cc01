/** Serves test pages from test/fixtures/pages on loopback: `/name` serves `name.html`. */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

const PAGES = resolve(import.meta.dirname, '../fixtures/pages');

export interface PageServer {
  origin: string;
  close(): Promise<void>;
}

export async function servePages(): Promise<PageServer> {
  const server: Server = createServer((request, response) => {
    const name = (request.url ?? '/').split(/[?#]/)[0]!.split('/').filter(Boolean)[0] ?? 'demo-article';
    if (!/^[a-z0-9-]+$/.test(name)) {
      response.statusCode = 404;
      response.end();
      return;
    }
    try {
      const body = readFileSync(`${PAGES}/${name}.html`);
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(body);
    } catch {
      response.statusCode = 404;
      response.end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) };
}
