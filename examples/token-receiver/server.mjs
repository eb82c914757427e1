#!/usr/bin/env node
/**
 * Example token receiver for SmartAPI Companion webhooks. No dependencies: Node 18+ only.
 *
 *   RECEIVER_SECRET=<secret shown by the extension> node server.mjs --port 8787 --data tokens.json
 *
 * POST /webhook          the extension delivers here (signature checked, replays refused)
 * GET  /tokens/:client   the latest tokens of one client code, for your own algo
 *                        (needs Authorization: Bearer <read token>)
 * GET  /health           liveness
 *
 * See README.md in this folder. Tokens are never logged.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MAX_AGE_SECONDS = 300;
const MAX_BODY_BYTES = 64 * 1024;
/** Event ids are remembered this long for de-duplication (far longer than any retry). */
const EVENT_MEMORY_MS = 7 * 24 * 60 * 60 * 1000;

/** Lower-case hex HMAC-SHA256 of `${timestamp}.${body}`, keyed with the secret's UTF-8 bytes. */
export function computeSignature(secret, timestamp, body) {
  return createHmac('sha256', Buffer.from(secret, 'utf8'))
    .update(`${timestamp}.${body}`, 'utf8')
    .digest('hex');
}

/** Constant-time comparison of the received X-Signature with the expected one. */
export function verifySignature(secret, timestamp, body, signature) {
  if (typeof signature !== 'string' || !/^[0-9a-fA-F]{64}$/.test(signature)) return false;
  const expected = Buffer.from(computeSignature(secret, timestamp, body), 'hex');
  const given = Buffer.from(signature.toLowerCase(), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Timing-safe equality of two strings (for the optional read token). */
function sameSecret(a, b) {
  const x = createHmac('sha256', 'cmp').update(String(a)).digest();
  const y = createHmac('sha256', 'cmp').update(String(b)).digest();
  return timingSafeEqual(x, y);
}

function emptyStore() {
  return { version: 1, tokens: {}, events: {}, lastTest: {} };
}

function loadStore(file) {
  if (!file || !existsSync(file)) return emptyStore();
  try {
    const data = JSON.parse(readFileSync(file, 'utf8'));
    return { ...emptyStore(), ...data };
  } catch (err) {
    throw new Error(`Cannot read ${file}: ${err.message}. Fix or move the file and start again.`);
  }
}

/** Write to a temporary file next to the target, then rename: readers never see half a file. */
function saveStore(file, store) {
  if (!file) return;
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(store, null, 2), { mode: 0o600 });
  renameSync(tmp, file);
}

function validPayload(p) {
  const str = (v) => typeof v === 'string' && v.length > 0;
  if (!p || typeof p !== 'object' || Array.isArray(p)) return 'body is not a JSON object';
  if (p.broker !== 'angel') return 'broker must be "angel"';
  for (const k of ['event_id', 'client_code', 'auth_token', 'captured_at', 'expires_at']) {
    if (!str(p[k])) return `${k} is missing`;
  }
  // Some logins hand out no feed token: it may be absent, but not empty or of another type.
  if (p.feed_token !== undefined && !str(p.feed_token)) return 'feed_token is empty';
  if (typeof p.test !== 'boolean') return 'test must be true or false';
  if (Number.isNaN(Date.parse(p.captured_at)) || Number.isNaN(Date.parse(p.expires_at))) return 'bad date';
  return null;
}

/**
 * CORS for the webhook path only, and only towards a browser extension's own origin (the
 * extension posts from there when it has no site access yet). Web pages get no CORS header,
 * so they can never read an answer; GET /tokens never sends one.
 */
function extensionCors(req) {
  const origin = String(req.headers.origin ?? '');
  return /^(chrome-extension|moz-extension):\/\/[A-Za-z0-9-]+$/.test(origin)
    ? { 'access-control-allow-origin': origin, 'access-control-expose-headers': 'Date', vary: 'Origin' }
    : {};
}

/** Host names a browser uses for this computer; a request naming any other host is refused. */
export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

/** The host name of a Host header, lower case, without the port ("" when unusable). */
function hostName(header) {
  const h = String(header ?? '')
    .trim()
    .toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  return h.split(':')[0];
}

/**
 * The receiver as a request handler plus its state; `listen()` starts an HTTP server.
 * Options: secret (required), dataFile, webhookPath ('/webhook'), readToken (without it
 * GET /tokens is refused), allowedHosts (host names accepted in the Host header, besides
 * 127.0.0.1, localhost and [::1]), maxAgeSeconds, now (ms clock, for tests), log (line
 * logger; never given a token).
 */
export function createReceiver(options) {
  const {
    secret,
    dataFile,
    webhookPath = '/webhook',
    readToken,
    allowedHosts = [],
    maxAgeSeconds = MAX_AGE_SECONDS,
    now = () => Date.now(),
    log = (line) => console.log(line),
  } = options ?? {};
  if (!secret || typeof secret !== 'string')
    throw new Error('A signing secret is required (--secret or RECEIVER_SECRET).');
  const hosts = new Set([...LOOPBACK_HOSTS, ...allowedHosts.map((h) => hostName(h))]);
  const store = loadStore(dataFile);
  /** In-memory journal for tests and the demo: what was accepted and refused, without tokens. */
  const journal = { accepted: [], duplicates: [], rejected: [] };

  function reply(res, status, value, extraHeaders = {}) {
    res.writeHead(status, {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      // This server's clock: the extension re-signs once with it after a timestamp refusal.
      date: new Date(now()).toUTCString(),
      ...extraHeaders,
    });
    res.end(JSON.stringify(value));
  }

  function reject(res, status, reason, cors = {}) {
    journal.rejected.push({ at: now(), status, reason });
    log(`refused (${status}): ${reason}`);
    reply(res, status, { ok: false, error: reason }, cors);
  }

  function prune() {
    const cutoff = now() - EVENT_MEMORY_MS;
    for (const [id, at] of Object.entries(store.events)) if (at < cutoff) delete store.events[id];
  }

  function receive(req, res, body) {
    const cors = extensionCors(req);
    const ts = String(req.headers['x-timestamp'] ?? '');
    if (!/^\d{1,12}$/.test(ts)) return reject(res, 401, 'missing or malformed X-Timestamp', cors);
    if (!verifySignature(secret, ts, body, req.headers['x-signature'])) {
      return reject(res, 401, 'signature does not match (wrong secret or altered body)', cors);
    }
    const age = Math.floor(now() / 1000) - Number(ts);
    if (Math.abs(age) > maxAgeSeconds) {
      return reject(
        res,
        401,
        `timestamp is ${age} s away from this server's clock (limit ${maxAgeSeconds} s)`,
        cors,
      );
    }
    let payload;
    try {
      payload = JSON.parse(body);
    } catch {
      return reject(res, 400, 'body is not JSON', cors);
    }
    const problem = validPayload(payload);
    if (problem) return reject(res, 400, problem, cors);
    const key = req.headers['idempotency-key'];
    if (key !== undefined && key !== payload.event_id)
      return reject(res, 400, 'Idempotency-Key differs from event_id', cors);

    if (store.events[payload.event_id] !== undefined) {
      journal.duplicates.push({ at: now(), eventId: payload.event_id });
      log(`duplicate ${payload.event_id} (already stored, acknowledged again)`);
      return reply(res, 200, { ok: true, duplicate: true }, cors);
    }
    store.events[payload.event_id] = now();
    const entry = {
      eventId: payload.event_id,
      clientCode: payload.client_code,
      test: payload.test,
      at: now(),
    };
    if (payload.test) {
      // Test events prove the connection; their fake tokens never replace real ones.
      store.lastTest[payload.client_code] = {
        event_id: payload.event_id,
        received_at: new Date(now()).toISOString(),
      };
    } else {
      const current = store.tokens[payload.client_code];
      if (!current || Date.parse(current.captured_at) <= Date.parse(payload.captured_at)) {
        store.tokens[payload.client_code] = {
          client_code: payload.client_code,
          account_label: payload.account_label,
          api_key_last4: payload.api_key_last4,
          platform: payload.platform,
          auth_token: payload.auth_token,
          feed_token: payload.feed_token,
          ...(payload.refresh_token ? { refresh_token: payload.refresh_token } : {}),
          captured_at: payload.captured_at,
          expires_at: payload.expires_at,
          source: payload.source,
          event_id: payload.event_id,
          received_at: new Date(now()).toISOString(),
        };
      }
    }
    prune();
    saveStore(dataFile, store);
    journal.accepted.push(entry);
    log(
      `stored ${payload.test ? 'TEST event' : 'tokens'} for ${payload.client_code} (event ${payload.event_id})`,
    );
    return reply(res, 200, { ok: true }, cors);
  }

  function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://receiver.local');
    // DNS rebinding: a web page whose name now points at this computer sends its own Host.
    if (!hosts.has(hostName(req.headers.host))) {
      journal.rejected.push({ at: now(), status: 421, reason: 'unknown Host' });
      return reply(res, 421, { ok: false, error: 'this receiver does not answer for that host name' });
    }
    if (url.pathname === webhookPath && req.method === 'OPTIONS') {
      const cors = extensionCors(req);
      res.writeHead(204, {
        ...cors,
        ...(cors['access-control-allow-origin']
          ? {
              'access-control-allow-methods': 'POST',
              'access-control-allow-headers': 'content-type, x-signature, x-timestamp, idempotency-key',
              'access-control-max-age': '600',
            }
          : {}),
      });
      return res.end();
    }
    if (url.pathname === webhookPath && req.method === 'POST') {
      const chunks = [];
      let size = 0;
      let tooBig = false;
      req.on('data', (c) => {
        size += c.length;
        if (size > MAX_BODY_BYTES) tooBig = true;
        else chunks.push(c);
      });
      req.on('end', () => {
        if (tooBig) return reject(res, 413, 'body too large');
        try {
          receive(req, res, Buffer.concat(chunks).toString('utf8'));
        } catch (err) {
          log(`error: ${err.message}`);
          reply(res, 500, { ok: false, error: 'receiver could not store the tokens' });
        }
      });
      return;
    }
    if (req.method === 'GET' && url.pathname === '/health') return reply(res, 200, { ok: true });
    const m = /^\/tokens\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && m) {
      if (!readToken) {
        return reply(res, 403, { ok: false, error: 'start the receiver with --read-token to serve tokens' });
      }
      const auth = String(req.headers.authorization ?? '');
      if (!auth.startsWith('Bearer ') || !sameSecret(auth.slice(7), readToken)) {
        return reply(res, 401, { ok: false, error: 'send Authorization: Bearer <read token>' });
      }
      const t = store.tokens[decodeURIComponent(m[1])];
      if (!t) return reply(res, 404, { ok: false, error: 'no tokens for this client code yet' });
      return reply(res, 200, { ...t, expired: Date.parse(t.expires_at) <= now() });
    }
    return reply(res, 404, { ok: false, error: 'not found' });
  }

  let server = null;
  return {
    handle,
    journal,
    store,
    /** Start listening; resolves with the bound port (0 = any free port). */
    listen(port = 0, host = '127.0.0.1') {
      server = createServer(handle);
      return new Promise((resolveListen, rejectListen) => {
        server.once('error', rejectListen);
        server.listen(port, host, () => resolveListen(server.address().port));
      });
    },
    close() {
      return new Promise((resolveClose) => {
        if (!server) return resolveClose();
        server.close(() => resolveClose());
        server.closeAllConnections?.();
      });
    },
  };
}

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) continue;
    const [k, inline] = a.slice(2).split('=', 2);
    if (inline !== undefined) out[k] = inline;
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) out[k] = argv[++i];
    else out[k] = 'true';
  }
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help !== undefined) {
    console.log(
      'node server.mjs [--port 8787] [--host 127.0.0.1] [--secret S] [--data tokens.json] [--path /webhook] [--read-token T] [--allowed-host name,...]',
    );
    console.log(
      'Environment: RECEIVER_PORT, RECEIVER_HOST, RECEIVER_SECRET, RECEIVER_DATA, RECEIVER_PATH, RECEIVER_READ_TOKEN, RECEIVER_ALLOWED_HOSTS',
    );
    return;
  }
  const here = dirname(fileURLToPath(import.meta.url));
  const port = Number(args.port ?? process.env.RECEIVER_PORT ?? 8787);
  const host = args.host ?? process.env.RECEIVER_HOST ?? '127.0.0.1';
  const secret = args.secret ?? process.env.RECEIVER_SECRET;
  const dataFile = resolve(args.data ?? process.env.RECEIVER_DATA ?? resolve(here, 'data/tokens.json'));
  let readToken = args['read-token'] ?? process.env.RECEIVER_READ_TOKEN;
  const allowedHosts = String(args['allowed-host'] ?? process.env.RECEIVER_ALLOWED_HOSTS ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  if (!['127.0.0.1', 'localhost', '0.0.0.0', '::'].includes(host)) allowedHosts.push(host);
  const webhookPath = args.path ?? process.env.RECEIVER_PATH ?? '/webhook';
  if (!secret) {
    console.error(
      'No signing secret. Copy it from the extension (Options -> Token delivery -> Add webhook) and pass',
    );
    console.error('RECEIVER_SECRET=<secret> node server.mjs   (or --secret <secret>)');
    process.exit(2);
  }
  if (!readToken) {
    // GET /tokens always needs a read token: make one for this run and show it to its owner.
    readToken = randomBytes(24).toString('hex');
    console.log(`No --read-token given; for this run it is: ${readToken}`);
    console.log('Your algo sends it as: Authorization: Bearer <read token>');
  }
  const receiver = createReceiver({ secret, dataFile, readToken, webhookPath, allowedHosts });
  const bound = await receiver.listen(port, host);
  console.log(`Token receiver on http://${host}:${bound}${webhookPath} (tokens file: ${dataFile})`);
  const stop = () => receiver.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
}
