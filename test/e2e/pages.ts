/**
 * Serves test pages from test/fixtures/pages on loopback: `/name` serves `name.html`; with `routes`, a page
 * is also served at a real site's address (`arxiv.org/abs/2007.01547v1` → `journey-arxiv-v1`), for a browser
 * whose host resolver sends that site to this server (harness.ts, `hosts`).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

const PAGES = resolve(import.meta.dirname, '../fixtures/pages');

export interface PageServer {
  origin: string;
  port: number;
  close(): Promise<void>;
}

export async function servePages(routes: Readonly<Record<string, string>> = {}): Promise<PageServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split(/[?#]/)[0]!;
    const routed = routes[`${(request.headers.host ?? '').replace(/:\d+$/, '')}${path}`];
    const name = routed ?? path.split('/').filter(Boolean)[0] ?? 'demo-article';
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
  return { origin: `http://127.0.0.1:${port}`, port, close: () => new Promise((done) => server.close(() => done())) };
}
