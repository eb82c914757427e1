/**
 * A local webhook that refuses every delivery with HTTP 422 and answers the extension's CORS
 * preflight (e2e tests of delivery failures). `reply` words the refusal from the request body,
 * e.g. echoing it as FastAPI does.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RefusingWebhook {
  url: string;
  /** Deliveries received (preflights not counted). */
  hits(): number;
  close(): Promise<void>;
}

export async function startRefusingWebhook(
  reply: (body: string) => { contentType: string; text: string },
): Promise<RefusingWebhook> {
  let hits = 0;
  const server: Server = createServer((req, res) => {
    const origin = String(req.headers.origin ?? '');
    const cors = /^(chrome|moz)-extension:\/\//.test(origin)
      ? {
          'access-control-allow-origin': origin,
          'access-control-allow-headers': 'content-type, x-signature, x-timestamp, idempotency-key',
          'access-control-allow-methods': 'POST',
        }
      : {};
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors);
      res.end();
      return;
    }
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      hits += 1;
      const { contentType, text } = reply(body);
      res.writeHead(422, { 'content-type': contentType, ...cors });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    hits: () => hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
