import { createHmac, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReceiver, type Receiver } from '../../../examples/token-receiver/server.mjs';

const SECRET = 'c0ffee'.repeat(10) + 'beef';
const READ_TOKEN = 'algo-read-key';

/** GET /tokens/:client with the read token. */
function readTokens(base: string, client: string): Promise<Response> {
  return fetch(`${base}/tokens/${client}`, { headers: { authorization: `Bearer ${READ_TOKEN}` } });
}

function sign(ts: number, body: string, secret = SECRET): string {
  return createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex');
}

function payload(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schema_version: 1,
    event_id: randomUUID(),
    test: false,
    broker: 'angel',
    account_label: 'Main',
    client_code: 'A123456',
    api_key_last4: 'x9Qz',
    platform: 'SMART_API',
    auth_token: 'jwt-auth-1',
    feed_token: 'feed-1',
    captured_at: '2026-11-28T03:00:00.000Z',
    expires_at: '2026-11-28T18:30:00.000Z',
    source: 'rest-login',
    ...over,
  };
}

describe('example token receiver', () => {
  let dir: string;
  let file: string;
  let receiver: Receiver;
  let base: string;
  let clock: number;

  async function start(extra: { readToken?: string; allowedHosts?: string[] } = {}): Promise<void> {
    receiver = createReceiver({
      secret: SECRET,
      dataFile: file,
      now: () => clock,
      log: () => {},
      readToken: READ_TOKEN,
      ...extra,
    });
    const port = await receiver.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${port}`;
  }

  async function post(
    body: string,
    headers: Record<string, string>,
  ): Promise<{ status: number; json: Record<string, unknown> }> {
    const res = await fetch(`${base}/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  }

  async function deliver(p: Record<string, unknown>, ts = Math.floor(clock / 1000)) {
    const body = JSON.stringify(p);
    return post(body, {
      'x-timestamp': String(ts),
      'x-signature': sign(ts, body),
      'idempotency-key': String(p.event_id),
    });
  }

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'receiver-test-'));
    file = join(dir, 'data', 'tokens.json');
    clock = Date.parse('2026-11-28T03:05:00Z');
    await start();
  });
  afterEach(async () => {
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores correctly signed tokens and serves them by client code', async () => {
    const p = payload();
    expect(await deliver(p)).toEqual({ status: 200, json: { ok: true } });
    const res = await readTokens(base, 'A123456');
    expect(res.status).toBe(200);
    const t = (await res.json()) as Record<string, unknown>;
    expect(t).toMatchObject({
      client_code: 'A123456',
      auth_token: 'jwt-auth-1',
      feed_token: 'feed-1',
      event_id: p.event_id,
      expired: false,
    });
    // Written to disk, atomically (no temporary file left behind), readable as JSON.
    const onDisk = JSON.parse(readFileSync(file, 'utf8')) as {
      tokens: Record<string, { auth_token: string }>;
    };
    expect(onDisk.tokens.A123456!.auth_token).toBe('jwt-auth-1');
    expect(readdirSync(join(dir, 'data'))).toEqual(['tokens.json']);
    expect((await readTokens(base, 'NOBODY')).status).toBe(404);
  });

  it('refuses a tampered body', async () => {
    const p = payload();
    const ts = Math.floor(clock / 1000);
    const body = JSON.stringify(p);
    const tampered = body.replace('jwt-auth-1', 'jwt-evil-1');
    const r = await post(tampered, { 'x-timestamp': String(ts), 'x-signature': sign(ts, body) });
    expect(r.status).toBe(401);
    expect(String(r.json.error)).toMatch(/signature/);
    expect((await readTokens(base, 'A123456')).status).toBe(404);
    expect(receiver.journal.rejected).toHaveLength(1);
  });

  it('refuses a wrong secret, a missing signature and a moved timestamp', async () => {
    const p = payload();
    const ts = Math.floor(clock / 1000);
    const body = JSON.stringify(p);
    expect(
      (await post(body, { 'x-timestamp': String(ts), 'x-signature': sign(ts, body, 'other') })).status,
    ).toBe(401);
    expect((await post(body, { 'x-timestamp': String(ts) })).status).toBe(401);
    expect((await post(body, { 'x-signature': sign(ts, body) })).status).toBe(401);
    // Signed for ts, sent with ts + 1.
    expect((await post(body, { 'x-timestamp': String(ts + 1), 'x-signature': sign(ts, body) })).status).toBe(
      401,
    );
  });

  it('refuses timestamps more than 5 minutes old (or ahead), accepts within', async () => {
    const now = Math.floor(clock / 1000);
    const old = await deliver(payload(), now - 301);
    expect(old.status).toBe(401);
    expect(String(old.json.error)).toMatch(/timestamp/);
    expect((await deliver(payload(), now + 301)).status).toBe(401);
    expect((await deliver(payload(), now - 299)).status).toBe(200);
  });

  it('de-duplicates by event id, also after a restart', async () => {
    const p = payload();
    expect((await deliver(p)).json).toEqual({ ok: true });
    expect((await deliver(p)).json).toEqual({ ok: true, duplicate: true });
    await receiver.close();
    await start();
    clock += 60_000;
    expect((await deliver(p)).json).toEqual({ ok: true, duplicate: true });
    expect(receiver.journal.accepted).toHaveLength(0);
    expect(receiver.journal.duplicates).toHaveLength(1);
  });

  it('keeps the newest tokens per client code; test events never replace them', async () => {
    await deliver(payload({ auth_token: 'newer', captured_at: '2026-11-28T03:04:00.000Z' }));
    await deliver(payload({ auth_token: 'older', captured_at: '2026-11-28T02:00:00.000Z' }));
    await deliver(
      payload({ auth_token: 'TEST-auth-token', test: true, captured_at: '2026-11-28T03:04:30.000Z' }),
    );
    const t = (await (await readTokens(base, 'A123456')).json()) as Record<string, unknown>;
    expect(t.auth_token).toBe('newer');
    expect(receiver.store.lastTest.A123456).toBeDefined();
  });

  it('refuses a body that is signed but not a token payload, and a mismatched Idempotency-Key', async () => {
    const ts = Math.floor(clock / 1000);
    const body = JSON.stringify({ hello: 'world' });
    expect((await post(body, { 'x-timestamp': String(ts), 'x-signature': sign(ts, body) })).status).toBe(400);
    const p = payload();
    const b2 = JSON.stringify(p);
    expect(
      (await post(b2, { 'x-timestamp': String(ts), 'x-signature': sign(ts, b2), 'idempotency-key': 'other' }))
        .status,
    ).toBe(400);
  });

  it('requires its read token for GET /tokens and serves nothing without one configured', async () => {
    await deliver(payload());
    expect((await fetch(`${base}/tokens/A123456`)).status).toBe(401);
    expect(
      (await fetch(`${base}/tokens/A123456`, { headers: { authorization: 'Bearer wrong' } })).status,
    ).toBe(401);
    expect((await readTokens(base, 'A123456')).status).toBe(200);
    await receiver.close();
    await start({ readToken: undefined });
    expect((await readTokens(base, 'A123456')).status).toBe(403);
  });

  it('sends no CORS header to web pages; an extension origin gets its own, on the webhook only', async () => {
    const page = { origin: 'https://evil.example' };
    const pre = await fetch(`${base}/webhook`, { method: 'OPTIONS', headers: page });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const body = JSON.stringify(payload());
    const ts = Math.floor(clock / 1000);
    const signed = { 'x-timestamp': String(ts), 'x-signature': sign(ts, body) };
    const fromPage = await fetch(`${base}/webhook`, {
      method: 'POST',
      body,
      headers: { ...page, ...signed },
    });
    expect(fromPage.status).toBe(200);
    expect(fromPage.headers.get('access-control-allow-origin')).toBeNull();
    const get = await fetch(`${base}/tokens/A123456`, {
      headers: { ...page, authorization: `Bearer ${READ_TOKEN}` },
    });
    expect(get.status).toBe(200);
    expect(get.headers.get('access-control-allow-origin')).toBeNull();

    const ext = { origin: 'chrome-extension://abcdefghijklmnop' };
    const extPre = await fetch(`${base}/webhook`, { method: 'OPTIONS', headers: ext });
    expect(extPre.headers.get('access-control-allow-origin')).toBe(ext.origin);
    expect(extPre.headers.get('access-control-allow-headers')).toContain('x-signature');
    const refused = await fetch(`${base}/webhook`, { method: 'POST', body: '{}', headers: ext });
    expect(refused.headers.get('access-control-allow-origin')).toBe(ext.origin);
    expect(refused.headers.get('access-control-expose-headers')).toBe('Date');
    const extGet = await fetch(`${base}/tokens/A123456`, {
      headers: { ...ext, authorization: `Bearer ${READ_TOKEN}` },
    });
    expect(extGet.headers.get('access-control-allow-origin')).toBeNull();
    expect(existsSync(file)).toBe(true);
  });

  it('refuses a request naming another host (DNS rebinding) unless that host is allowed', async () => {
    await deliver(payload());
    const port = new URL(base).port;
    const rebound = await rawGet(port, '/tokens/A123456', 'attacker.example:' + port);
    expect(rebound.status).toBe(421);
    expect(rebound.body).not.toContain('jwt-auth-1');
    expect((await rawGet(port, '/tokens/A123456', `localhost:${port}`)).status).toBe(200);
    await receiver.close();
    await start({ allowedHosts: ['tokens.example.net'] });
    const named = await rawGet(new URL(base).port, '/tokens/A123456', 'Tokens.Example.net');
    expect(named.status).toBe(200);
  });

  it('accepts a payload without feed_token, refuses an empty one', async () => {
    const p = payload();
    delete p.feed_token;
    expect((await deliver(p)).status).toBe(200);
    expect((await deliver(payload({ feed_token: '' }))).status).toBe(400);
  });

  it('dates its answers with its own clock (the extension re-signs with it once)', async () => {
    const raw = await fetch(`${base}/health`);
    expect(Date.parse(raw.headers.get('date') ?? '')).toBe(Math.floor(clock / 1000) * 1000);
  });
});

/** A GET with a chosen Host header (fetch does not allow setting it). */
function rawGet(port: string, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolveGet, rejectGet) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: Number(port),
        path,
        method: 'GET',
        headers: { host, authorization: `Bearer ${READ_TOKEN}` },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString('utf8')));
        res.on('end', () => resolveGet({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', rejectGet);
    req.end();
  });
}
