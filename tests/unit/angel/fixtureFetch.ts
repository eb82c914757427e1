/**
 * A fetch for Node tests that sends every https URL to the local fixture server (keeping the
 * host name for routing, accepting its self-signed certificate), like the browsers in e2e.
 */
import { request } from 'node:https';

export function fixtureFetch(port: number): typeof fetch {
  return (input, init) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(String(input));
      const headers: Record<string, string> = {
        ...((init?.headers as Record<string, string> | undefined) ?? {}),
        host: url.hostname,
      };
      const req = request(
        {
          host: '127.0.0.1',
          port,
          servername: url.hostname,
          path: url.pathname + url.search,
          method: init?.method ?? 'GET',
          headers,
          rejectUnauthorized: false,
          agent: false,
          signal: init?.signal ?? undefined,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', (e) => reject(new TypeError(`fetch failed: ${e.message}`)));
          res.on('end', () => {
            const h = new Headers();
            for (const [k, v] of Object.entries(res.headers))
              if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(', ') : v);
            const status = res.statusCode ?? 0;
            resolve(new Response(status === 204 ? null : Buffer.concat(chunks), { status, headers: h }));
          });
        },
      );
      req.on('error', (e) =>
        reject(e.name === 'AbortError' ? e : new TypeError(`fetch failed: ${e.message}`)),
      );
      if (typeof init?.body === 'string') req.write(init.body);
      req.end();
    });
}
