/**
 * Token delivery in real browsers, with the example receiver (examples/token-receiver) as the
 * real backend on 127.0.0.1. Tokens are captured by the real validation flow (REST login
 * against the look-alike Angel API), which hands them to the delivery outbox; the test event
 * goes through the options page's "Send test event" button.
 */
import { createServer, request, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER, launchExtension, type ExtensionSession } from './harness';
import { buttonByName, fieldByLabel, typeInto } from './flows';
import { connectWebhook, startReceiver, type RunningReceiver } from './receiver';
import { FIXTURE_API_ACCOUNT } from '../fixtures/api/angelApi';
import { saidText } from './said';
import type { Said } from '@/utils/i18n/core';
import type { MessageKey } from '@/utils/i18n/en';

const PASSWORD = 'delivery-e2e-master-pw';
const LABEL = 'Delivery e2e';
/** Retries start at 5-10 s; leave room for several and for a slow CI machine. */
const DELIVERY_WAIT_MS = 60_000;

interface OutboxEntryLike {
  eventId: string;
  state: string;
  attempts: number;
}

async function must<T>(h: ExtensionSession, type: string, data?: unknown): Promise<T> {
  const r = await h.sendMessage<T>(type, data);
  if (!r.ok) throw new Error(`${type} failed: ${r.code} ${r.message}`);
  return r.value as T;
}

async function outbox(h: ExtensionSession): Promise<OutboxEntryLike[]> {
  const local = await h.storageDump('local');
  return (local['delivery.outbox'] as OutboxEntryLike[] | undefined) ?? [];
}

/** Capture fresh tokens the way a user does: "Validate" logs in through Angel's REST API. */
async function captureTokens(h: ExtensionSession, accountId: string): Promise<void> {
  const result = await must<{ ok?: boolean; delivery?: string; tokensStored?: boolean }>(
    h,
    'validate/account',
    { accountId },
  );
  expect(result.tokensStored, JSON.stringify(result)).toBe(true);
  expect(result.delivery).toBe('queued');
}

/** A man in the middle on 127.0.0.1 that forwards to the receiver with one byte of the body changed. */
async function startTamperingProxy(
  to: () => number,
): Promise<{ url: string; close(): Promise<void>; seen: number }> {
  const state = { seen: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body = Buffer.concat(chunks).toString('utf8');
      if (req.method === 'POST') {
        state.seen += 1;
        // Turn the test event into "real" tokens: exactly what an attacker would want.
        body = body.replace('"test":true', '"test":false');
      }
      const headers = { ...req.headers, 'content-length': String(Buffer.byteLength(body)) };
      const fwd = request(
        { host: '127.0.0.1', port: to(), path: req.url, method: req.method, headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      fwd.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      fwd.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    get seen() {
      return state.seen;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe(`token delivery (${BROWSER})`, () => {
  let h: ExtensionSession;
  let receiver: RunningReceiver;
  let accountId: string;

  beforeAll(async () => {
    h = await launchExtension({
      // Firefox grants optional permissions without a doorhanger with this pref, so the real
      // "Add target" click (permissions.request) can be driven. Chromium's prompt cannot be
      // answered headless: there the target is added through the same message the page sends.
      firefoxPrefs: { 'extensions.webextOptionalPermissionPrompts': false },
    });
    await must(h, 'vault/create', { password: PASSWORD });
    const saved = await must<{ account?: { id: string }; errors?: unknown }>(h, 'accounts/save', {
      input: {
        label: LABEL,
        clientCode: FIXTURE_API_ACCOUNT.clientCode,
        mpin: FIXTURE_API_ACCOUNT.mpin,
        totpSecret: FIXTURE_API_ACCOUNT.totpSecret,
        apiKey: FIXTURE_API_ACCOUNT.apiKey,
        apiSecret: '',
        platform: 'SMART_API',
        redirectUrl: 'https://example.com/angel',
        notes: '',
        dailyLogin: false,
        autoFill: false,
      },
    });
    expect(saved.errors).toBeUndefined();
    accountId = saved.account!.id;
    receiver = await startReceiver();
  });

  afterAll(async () => {
    await h?.close();
    await receiver?.dispose();
  });

  /** Add a webhook for `url`; returns its id and the secret shown once. */
  async function addWebhook(url: string): Promise<{ targetId: string; secret: string }> {
    if (BROWSER === 'firefox') {
      const page = await h.openExtensionPage('options.html');
      const input = await fieldByLabel(page, `Webhook URL for ${LABEL}`);
      await typeInto(input, url);
      await (await buttonByName(page, 'Add target')).click();
      const secretInput = await page.waitForSelector('.delivery__secret-value', { timeout: 20_000 });
      const secret = await secretInput!.evaluate((el) => (el as HTMLInputElement).value);
      const overview = await must<{ targets: { id: string; url?: string; siteAccess?: boolean }[] }>(
        h,
        'delivery/overview',
      );
      const target = overview.targets.find((t) => t.url === url)!;
      // The click asked for, and got, access to this origin at runtime.
      expect(target.siteAccess).toBe(true);
      await page.close();
      return { targetId: target.id, secret };
    }
    if (url === receiver.url) return connectWebhook(h, receiver, accountId);
    const added = await must<{ target: { id: string }; secret: string }>(h, 'delivery/add-target', {
      accountId,
      kind: 'webhook',
      url,
    });
    return { targetId: added.target.id, secret: added.secret };
  }

  async function removeWebhook(targetId: string): Promise<void> {
    await must(h, 'delivery/remove-target', { targetId });
  }

  afterEach(async () => {
    // A failed test must not leave its target behind for the next one.
    if (!receiver.running()) await receiver.start();
    const overview = await h.sendMessage<{ targets: { id: string }[] }>('delivery/overview');
    if (overview.ok && (await must<{ state: string }>(h, 'vault/status')).state === 'unlocked') {
      for (const t of overview.value!.targets) await removeWebhook(t.id).catch(() => undefined);
    }
  });

  function resetJournal(): void {
    receiver.journal.accepted.length = 0;
    receiver.journal.duplicates.length = 0;
    receiver.journal.rejected.length = 0;
  }

  async function expectExactlyOnce(kind: 'real' | 'test'): Promise<void> {
    await expect
      .poll(() => receiver.journal.accepted.length, { timeout: DELIVERY_WAIT_MS, interval: 250 })
      .toBe(1);
    await expect.poll(async () => (await outbox(h)).length, { timeout: 10_000 }).toBe(0);
    // Nothing more arrives afterwards.
    await new Promise((r) => setTimeout(r, 2000));
    expect(receiver.journal.accepted).toHaveLength(1);
    expect(receiver.journal.accepted[0]!.test).toBe(kind === 'test');
    expect(receiver.journal.accepted[0]!.clientCode).toBe(FIXTURE_API_ACCOUNT.clientCode);
    expect(receiver.journal.rejected).toEqual([]);
  }

  it('delivers captured tokens exactly once with a valid signature; the options page shows it', async () => {
    const { targetId, secret } = await addWebhook(receiver.url);
    await receiver.setSecret(secret);
    resetJournal();
    await captureTokens(h, accountId);
    await expectExactlyOnce('real');
    const stored = receiver.store().tokens[FIXTURE_API_ACCOUNT.clientCode]!;
    expect(stored.auth_token.length).toBeGreaterThan(10);
    expect(stored.auth_token).not.toMatch(/^TEST-/);
    expect(stored.api_key_last4).toBe(FIXTURE_API_ACCOUNT.apiKey.slice(-4));
    // Served to the trader's algo.
    const res = await fetch(`http://127.0.0.1:${receiver.port}/tokens/${FIXTURE_API_ACCOUNT.clientCode}`, {
      headers: receiver.readHeaders(),
    });
    expect(((await res.json()) as { auth_token: string }).auth_token).toBe(stored.auth_token);
    // The token never sits readable in the extension's storage.
    const local = JSON.stringify(await h.storageDump('local'));
    expect(local).not.toContain(stored.auth_token);
    expect(local).not.toContain(secret);

    // "Send test event" from the options page: marked as a test, never replaces the tokens.
    const page = await h.openExtensionPage('options.html');
    await (await buttonByName(page, `Send test event to ${receiver.url}`)).click();
    await expect
      .poll(() => receiver.journal.accepted.map((a) => a.test), { timeout: 20_000 })
      .toEqual([false, true]);
    expect(receiver.store().tokens[FIXTURE_API_ACCOUNT.clientCode]!.auth_token).toBe(stored.auth_token);
    await page.waitForFunction(() => document.body.innerText.includes('Last delivery (test): Delivered'), {
      timeout: 10_000,
    });
    await page.close();
    await removeWebhook(targetId);
  });

  it('receiver down at capture: delivered exactly once after it comes back', async () => {
    const { targetId, secret } = await addWebhook(receiver.url);
    await receiver.setSecret(secret);
    await receiver.stop();
    resetJournal();
    await captureTokens(h, accountId);
    await expect
      .poll(async () => (await outbox(h)).map((e) => `${e.state}:${e.attempts > 0}`), { timeout: 20_000 })
      .toEqual(['pending:true']);
    // The options page lists it, tokens masked.
    const page = await h.openExtensionPage('options.html');
    await page.waitForSelector('.delivery__table tbody tr', { timeout: 20_000 });
    const row = await page.$eval('.delivery__table tbody tr', (tr) => (tr as HTMLElement).innerText);
    expect(row).toMatch(/Waiting/);
    expect(row).toMatch(/auth \S{4}…\S{4} \(\d+ chars\)/);
    await page.close();

    await receiver.start();
    await expectExactlyOnce('real');
    await removeWebhook(targetId);
  });

  it('background stopped and browser restarted while a delivery is pending: still delivered exactly once', async () => {
    const { targetId, secret } = await addWebhook(receiver.url);
    await receiver.setSecret(secret);
    await receiver.stop();
    resetJournal();
    await captureTokens(h, accountId);
    await expect.poll(async () => (await outbox(h)).length, { timeout: 20_000 }).toBe(1);

    if (BROWSER === 'chromium') {
      // Service worker killed: memory gone, the vault key (storage.session) and outbox stay.
      expect(await h.stopServiceWorker()).toBe(true);
      await receiver.start();
      // Woken by its alarm, with nothing in memory.
      await expectExactlyOnce('real');
      // And once more, across a full browser restart.
      await receiver.stop();
      resetJournal();
      await captureTokens(h, accountId);
      await expect.poll(async () => (await outbox(h)).length, { timeout: 20_000 }).toBe(1);
      await h.stopServiceWorker();
    }

    h = await h.restart();
    await receiver.start();
    // After a restart the vault is locked: nothing can be sent (the body is sealed) ...
    await new Promise((r) => setTimeout(r, 3000));
    expect(receiver.journal.accepted).toHaveLength(0);
    expect((await outbox(h)).length).toBe(1);
    const overview = await must<{ locked: boolean }>(h, 'delivery/overview');
    expect(overview.locked).toBe(true);
    // ... until the user unlocks.
    await must(h, 'vault/unlock', { password: PASSWORD });
    await expectExactlyOnce('real');
    await removeWebhook(targetId);
  });

  it('a tampered body is refused by the receiver, and the extension stops and shows why', async () => {
    const proxy = await startTamperingProxy(() => receiver.port);
    try {
      const { targetId, secret } = await addWebhook(proxy.url);
      await receiver.setSecret(secret);
      resetJournal();
      const lastTestBefore = receiver.store().lastTest[FIXTURE_API_ACCOUNT.clientCode]?.event_id;
      const result = await must<{ outcome: string; httpStatus?: number; message: Said<MessageKey> }>(
        h,
        'delivery/send-test',
        { targetId },
      );
      expect(proxy.seen).toBe(1);
      expect(result.outcome).toBe('failed');
      expect(result.httpStatus).toBe(401);
      expect(saidText(result.message)).toMatch(/signature does not match/);
      expect(receiver.journal.accepted).toEqual([]);
      expect(receiver.journal.rejected.map((r) => r.status)).toEqual([401]);
      expect(receiver.store().lastTest[FIXTURE_API_ACCOUNT.clientCode]?.event_id).toBe(lastTestBefore);
      // Not retried on its own: a refusal is final until the user acts.
      await new Promise((r) => setTimeout(r, 12_000));
      expect(proxy.seen).toBe(1);
      const [entry] = await outbox(h);
      expect(entry).toMatchObject({ state: 'failed', attempts: 1 });
      await removeWebhook(targetId);
    } finally {
      await proxy.close();
    }
  });
});
