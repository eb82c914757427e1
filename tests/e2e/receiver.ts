/**
 * Start and stop the example token receiver (examples/token-receiver/server.mjs) from tests
 * and the demo: a real HTTP server on 127.0.0.1, in this process.
 *
 *   const r = await startReceiver({ secret });
 *   // target URL: r.url  (http://127.0.0.1:PORT/webhook)
 *   await r.stop();           // "server down"
 *   await r.start();          // back, same port, same data file
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createReceiver,
  type Receiver,
  type ReceiverJournal,
  type ReceiverStore,
} from '../../examples/token-receiver/server.mjs';

export interface RunningReceiver {
  /** The webhook URL to give the extension. */
  readonly url: string;
  readonly port: number;
  readonly dataFile: string;
  /** Accepted, duplicate and refused deliveries since this helper started (all runs). */
  readonly journal: ReceiverJournal;
  /** The stored tokens of the current run (what GET /tokens/:clientCode serves). */
  store(): ReceiverStore;
  /** The bearer token GET /tokens/:clientCode needs. */
  readonly readToken: string;
  /** Headers for GET /tokens/:clientCode. */
  readHeaders(): Record<string, string>;
  /** Move this receiver's clock (ms; its X-Timestamp check and its Date header use it). */
  setClockOffset(ms: number): void;
  /** The signing secret can be set after start (the extension makes it when the target is added). */
  setSecret(secret: string): Promise<void>;
  running(): boolean;
  stop(): Promise<void>;
  /** Start again on the same port with the same data file. */
  start(): Promise<void>;
  /** Stop and delete the data file's folder (when this helper created it). */
  dispose(): Promise<void>;
}

export interface StartReceiverOptions {
  /** Until the extension has made the real secret, a placeholder that matches nothing. */
  secret?: string;
  port?: number;
  dataFile?: string;
  log?: (line: string) => void;
}

/** The read token of every receiver started by these helpers (tests only). */
export const TEST_READ_TOKEN = 'test-read-token-0123456789';

export async function startReceiver(options: StartReceiverOptions = {}): Promise<RunningReceiver> {
  const ownDir = options.dataFile ? undefined : mkdtempSync(join(tmpdir(), 'sac-receiver-'));
  const dataFile = options.dataFile ?? join(ownDir!, 'tokens.json');
  let secret = options.secret ?? 'placeholder-secret-replaced-by-setSecret';
  const journal: ReceiverJournal = { accepted: [], duplicates: [], rejected: [] };
  const log = options.log ?? (() => {});
  let port = options.port ?? 0;
  let current: Receiver | null = null;
  let clockOffset = 0;

  async function start(): Promise<void> {
    if (current) return;
    const r = createReceiver({
      secret,
      dataFile,
      log,
      readToken: TEST_READ_TOKEN,
      now: () => Date.now() + clockOffset,
    });
    // One journal across restarts, so "exactly once" can be checked over a down-time.
    r.journal.accepted = journal.accepted;
    r.journal.duplicates = journal.duplicates;
    r.journal.rejected = journal.rejected;
    port = await r.listen(port, '127.0.0.1');
    current = r;
  }
  async function stop(): Promise<void> {
    const r = current;
    current = null;
    await r?.close();
  }
  await start();

  return {
    get url() {
      return `http://127.0.0.1:${port}/webhook`;
    },
    get port() {
      return port;
    },
    dataFile,
    journal,
    readToken: TEST_READ_TOKEN,
    readHeaders: () => ({ authorization: `Bearer ${TEST_READ_TOKEN}` }),
    setClockOffset(ms: number) {
      clockOffset = ms;
    },
    store: () => {
      if (!current) throw new Error('The receiver is stopped.');
      return current.store;
    },
    async setSecret(s: string) {
      secret = s;
      if (current) {
        await stop();
        await start();
      }
    },
    running: () => current !== null,
    stop,
    start,
    async dispose() {
      await stop();
      if (ownDir) rmSync(ownDir, { recursive: true, force: true });
    },
  };
}

/** The part of the e2e harness session this helper needs (so the demo can pass its own). */
export interface MessageSender {
  sendMessage<T = unknown>(
    type: string,
    data?: unknown,
  ): Promise<{ ok: boolean; value?: T; code?: string; message?: string }>;
}

/**
 * Point an account's tokens at the receiver: add a webhook target through the extension's own
 * message (as the options page does after the site-access prompt) and give the receiver the
 * signing secret the extension made. For the demo and tests.
 */
export async function connectWebhook(
  session: MessageSender,
  receiver: RunningReceiver,
  accountId: string,
): Promise<{ targetId: string; secret: string }> {
  const r = await session.sendMessage<{ target: { id: string }; secret?: string }>('delivery/add-target', {
    accountId,
    kind: 'webhook',
    url: receiver.url,
  });
  if (!r.ok || !r.value?.secret)
    throw new Error(`Adding the webhook failed: ${r.code ?? ''} ${r.message ?? ''}`);
  await receiver.setSecret(r.value.secret);
  return { targetId: r.value.target.id, secret: r.value.secret };
}
