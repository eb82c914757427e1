/**
 * The background delivery feature end to end inside vitest: the real vault (fake browser
 * storage), the real outbox and alarms, and the example receiver on 127.0.0.1 as the backend.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { dispatch, type MessageType, type ReqOf, type ResOf } from '@/utils/messaging';
import { openBlob, registerVault, sealBlob } from '@/entrypoints/background/vault';
import { enqueueDelivery, processOutbox, registerDelivery } from '@/entrypoints/background/delivery';
import { OUTBOX_ALARM } from '@/entrypoints/background/delivery/outbox';
import { listenForAlarms } from '@/entrypoints/background/alarms';
import { outboxItem } from '@/entrypoints/background/delivery/store';
import { nextMidnightIst } from '@/utils/ist';
import type { SessionTokens } from '@/utils/vault/types';
import { startReceiver, type RunningReceiver } from '../../e2e/receiver';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { secretForms } from '@/utils/delivery/mask';
import { recordServerDate } from '@/entrypoints/background/vault/skew';
import { setKdfIterationsForTests } from '@/tests/unit/testHooks';
import { renderSaid, type Said } from '@/utils/i18n';
import { textIn as translate } from '@/utils/i18n/core';

/** A stored delivery message in English, as Options shows it. */
const said = (s: Said | undefined) =>
  s === undefined ? '' : renderSaid(s, (k, p) => translate('en', k as never, p));

const PASSWORD = 'correct horse battery staple';

async function call<K extends MessageType>(type: K, data?: ReqOf<K>): Promise<ResOf<K>> {
  const sender = { id: browser.runtime.id, url: browser.runtime.getURL('/options.html') };
  const reply = await dispatch({ __sac: 1, type, data }, sender);
  if (!reply) throw new Error('not handled');
  if (!reply.ok) throw Object.assign(new Error(reply.message), { code: reply.code });
  return reply.value as ResOf<K>;
}

function freshTokens(tag: string, now = Date.now()): SessionTokens {
  return {
    authToken: `eyJhbGciOiJIUzUxMiJ9.auth-${tag}.sig`,
    feedToken: `feed-${tag}`,
    refreshToken: `refresh-${tag}`,
    capturedAt: now,
    expiresAt: nextMidnightIst(now),
    source: 'rest-login',
  };
}

/** The fake storage hands out live objects; copy them as a real browser would. */
async function outbox() {
  return structuredClone(await outboxItem.getValue());
}

async function allStorageText(): Promise<string> {
  return JSON.stringify(await fakeBrowser.storage.local.get(null));
}

describe('delivery outbox (background)', () => {
  let receiver: RunningReceiver;
  let accountId: string;
  let targetId: string;
  let secret: string;

  beforeAll(async () => {
    fakeBrowser.reset();
    setKdfIterationsForTests(1000);
    registerVault();
    registerDelivery();
    listenForAlarms();
    await call('vault/create', { password: PASSWORD });
    const saved = await call('accounts/save', {
      input: {
        label: 'Main',
        clientCode: 'A123456',
        mpin: '4821',
        totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DP',
        apiKey: 'kEy9xQz',
        apiSecret: '',
        platform: 'SMART_API',
        redirectUrl: 'https://example.com/angel',
        notes: '',
        dailyLogin: true,
        autoFill: false,
      },
    });
    expect(saved.errors).toBeUndefined();
    accountId = saved.account!.id;
    receiver = await startReceiver();
  });

  beforeEach(async () => {
    await processOutbox();
    await outboxItem.setValue([]);
    const added = await call('delivery/add-target', { accountId, kind: 'webhook', url: receiver.url });
    targetId = added.target.id;
    secret = added.secret!;
    await receiver.setSecret(secret);
    receiver.journal.accepted.length = 0;
    receiver.journal.duplicates.length = 0;
    receiver.journal.rejected.length = 0;
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    if (!receiver.running()) await receiver.start();
    await processOutbox();
    await call('delivery/remove-target', { targetId }).catch(() => undefined);
  });

  afterAll(async () => {
    await receiver.dispose();
  });

  it('delivers captured tokens once, signed, and empties the outbox', async () => {
    const tokens = freshTokens('one');
    await enqueueDelivery(accountId, tokens);
    await processOutbox();
    expect(receiver.journal.accepted).toHaveLength(1);
    expect(receiver.journal.rejected).toHaveLength(0);
    const stored = receiver.store().tokens.A123456!;
    expect(stored.auth_token).toBe(tokens.authToken);
    expect(stored.feed_token).toBe(tokens.feedToken);
    expect(stored.refresh_token).toBe(tokens.refreshToken);
    expect(stored.api_key_last4).toBe('9xQz');
    expect(await outbox()).toEqual([]);
    const overview = await call('delivery/overview');
    const view = overview.targets.find((t) => t.id === targetId)!;
    expect(view.last).toMatchObject({ outcome: 'delivered', httpStatus: 200, test: false });
    expect(view.pending).toBe(0);
  });

  it('keeps the delivery encrypted while the server is down, retries with backoff, and delivers once when it is back', async () => {
    await receiver.stop();
    const tokens = freshTokens('down');
    const t0 = Date.now();
    await enqueueDelivery(accountId, tokens);
    await processOutbox();
    const [entry] = await outbox();
    expect(entry).toMatchObject({ state: 'pending', attempts: 1 });
    // First wait: 10 s step with jitter -> between 5 and 10 s.
    expect(entry!.nextAttemptAt - t0).toBeGreaterThanOrEqual(5000 - 50);
    expect(entry!.nextAttemptAt - t0).toBeLessThanOrEqual(10_000 + 2000);
    const alarm = await browser.alarms.get(OUTBOX_ALARM);
    expect(alarm?.scheduledTime).toBe(entry!.nextAttemptAt);
    // Nothing readable in storage: the body is sealed with the vault key.
    const text = await allStorageText();
    expect(text).not.toContain(tokens.authToken);
    expect(text).not.toContain(tokens.feedToken);
    expect(text).not.toContain(secret);
    // The outbox view masks the tokens.
    const view = (await call('delivery/overview')).outbox[0]!;
    expect(view.maskedAuthToken).toMatch(/^eyJh….*\(\d+ chars\)$/);
    expect(JSON.stringify(view)).not.toContain(tokens.authToken);

    // The alarm fires before the server is back: still pending, second step longer.
    vi.spyOn(Date, 'now').mockReturnValue(entry!.nextAttemptAt + 1);
    await fakeBrowser.alarms.onAlarm.trigger({ name: OUTBOX_ALARM, scheduledTime: entry!.nextAttemptAt });
    await processOutbox();
    const [again] = await outbox();
    expect(again).toMatchObject({ state: 'pending', attempts: 2 });
    expect(again!.nextAttemptAt - (entry!.nextAttemptAt + 1)).toBeGreaterThanOrEqual(10_000 - 50);

    await receiver.start();
    vi.spyOn(Date, 'now').mockReturnValue(again!.nextAttemptAt + 1);
    await fakeBrowser.alarms.onAlarm.trigger({ name: OUTBOX_ALARM, scheduledTime: again!.nextAttemptAt });
    await processOutbox();
    expect(receiver.journal.accepted).toHaveLength(1);
    expect(receiver.store().tokens.A123456!.auth_token).toBe(tokens.authToken);
    expect(await outbox()).toEqual([]);
    expect(await browser.alarms.get(OUTBOX_ALARM)).toBeUndefined();
  });

  it('stops on a 4xx refusal, shows it, and "Retry now" sends again after the fix', async () => {
    await receiver.setSecret('not-the-secret-the-extension-has');
    const create = vi.spyOn(browser.notifications, 'create');
    await enqueueDelivery(accountId, freshTokens('refused'));
    await processOutbox();
    const [entry] = await outbox();
    expect(entry).toMatchObject({ state: 'failed', attempts: 1, lastHttpStatus: 401 });
    expect(said(entry!.lastMessage)).toContain('signature does not match');
    expect(create).toHaveBeenCalled();
    expect(await browser.alarms.get(OUTBOX_ALARM)).toBeUndefined(); // not retried on its own

    await receiver.setSecret(secret);
    const results = await call('delivery/retry-now', { targetId });
    expect(results).toEqual([expect.objectContaining({ outcome: 'delivered', httpStatus: 200 })]);
    expect(receiver.journal.accepted).toHaveLength(1);
  });

  it('while the vault is locked nothing is sent: it notifies, and sends on unlock', async () => {
    await enqueueDelivery(accountId, freshTokens('locked'));
    // enqueue already started a pass; stop the server for it so the entry stays.
    await processOutbox();
    receiver.journal.accepted.length = 0;
    await receiver.stop();
    await enqueueDelivery(accountId, freshTokens('locked2'));
    await processOutbox();
    await receiver.start();
    await call('vault/lock');
    const create = vi.spyOn(browser.notifications, 'create');
    const [entry] = await outbox();
    vi.spyOn(Date, 'now').mockReturnValue(entry!.nextAttemptAt + 1);
    await fakeBrowser.alarms.onAlarm.trigger({ name: OUTBOX_ALARM, scheduledTime: entry!.nextAttemptAt });
    await processOutbox();
    expect(receiver.journal.accepted).toHaveLength(0);
    expect(create).toHaveBeenCalledWith(
      'delivery-locked',
      expect.objectContaining({ title: 'Token delivery is waiting' }),
    );
    expect((await call('delivery/overview')).locked).toBe(true);

    await call('vault/unlock', { password: PASSWORD });
    await vi.waitFor(async () => expect(await outbox()).toEqual([]), { timeout: 5000 });
    expect(receiver.journal.accepted).toHaveLength(1);
    expect(receiver.store().tokens.A123456!.auth_token).toContain('locked2');
  });

  it('newer tokens replace older ones still waiting', async () => {
    await receiver.stop();
    await enqueueDelivery(accountId, freshTokens('old'));
    await enqueueDelivery(accountId, freshTokens('new'));
    await processOutbox();
    expect(await outbox()).toHaveLength(1);
    await receiver.start();
    await call('delivery/retry-now', {});
    expect(receiver.journal.accepted).toHaveLength(1);
    expect(receiver.store().tokens.A123456!.auth_token).toContain('auth-new');
  });

  it('gives up at the deadline', async () => {
    await receiver.stop();
    const now = Date.now();
    await enqueueDelivery(accountId, { ...freshTokens('late'), expiresAt: now + 60_000 });
    await processOutbox();
    vi.spyOn(Date, 'now').mockReturnValue(now + 61_000);
    const [entry] = await outbox();
    await outboxItem.setValue([{ ...entry!, nextAttemptAt: now }]);
    await processOutbox();
    expect((await outbox())[0]).toMatchObject({ state: 'expired' });
    await expect(call('delivery/retry-now', { targetId })).rejects.toThrow(/expir/);
  });

  it('"Send test event" goes through the outbox, is marked, and never replaces real tokens', async () => {
    await enqueueDelivery(accountId, freshTokens('real'));
    await processOutbox();
    const result = await call('delivery/send-test', { targetId });
    expect(result).toMatchObject({ outcome: 'delivered', httpStatus: 200 });
    expect(receiver.journal.accepted.map((a) => a.test)).toEqual([false, true]);
    expect(receiver.store().tokens.A123456!.auth_token).toContain('auth-real');
    expect(receiver.store().lastTest.A123456?.event_id).toBe(result.eventId);
  });

  it('drops the targets, secrets and waiting deliveries of a deleted account', async () => {
    const other = await call('accounts/save', {
      input: {
        label: 'Second',
        clientCode: 'B654321',
        mpin: '7391',
        totpSecret: 'KRSXG5CTMVRXEZLUKRSXG5CT',
        apiKey: 'sEcOnDkEy',
        apiSecret: '',
        platform: 'SMART_API_M',
        redirectUrl: 'https://example.com/angel',
        notes: '',
        dailyLogin: false,
        autoFill: false,
      },
    });
    const secondId = other.account!.id;
    const added = await call('delivery/add-target', {
      accountId: secondId,
      kind: 'webhook',
      url: receiver.url,
    });
    await receiver.stop();
    await enqueueDelivery(secondId, freshTokens('gone'));
    await processOutbox();
    expect((await outbox()).filter((e) => e.accountId === secondId)).toHaveLength(1);
    await call('accounts/delete', { id: secondId });
    await receiver.start();
    await call('delivery/retry-now', {}).catch(() => []);
    expect(receiver.journal.accepted).toHaveLength(0);
    expect((await outbox()).filter((e) => e.accountId === secondId)).toHaveLength(0);
    const overview = await call('delivery/overview');
    expect(overview.targets.map((t) => t.id)).not.toContain(added.target.id);
    expect(overview.targets.map((t) => t.id)).toContain(targetId);
  });

  it('the polled overview only reads: nothing is written or re-encrypted', async () => {
    const local = vi.spyOn(fakeBrowser.storage.local, 'set');
    const session = vi.spyOn(fakeBrowser.storage.session, 'set');
    for (let i = 0; i < 3; i++) await call('delivery/overview');
    expect(local).not.toHaveBeenCalled();
    expect(session).not.toHaveBeenCalled();
    local.mockRestore();
    session.mockRestore();
  });

  it('keeps the signing secret in the vault only and refuses unsafe URLs', async () => {
    expect(await allStorageText()).not.toContain(secret);
    await expect(
      call('delivery/add-target', { accountId, kind: 'webhook', url: 'http://example.com/hook' }),
    ).rejects.toThrow(/https/);
    await expect(
      call('delivery/add-target', { accountId, kind: 'webhook', url: receiver.url }),
    ).rejects.toThrow(/already/);
    const rotated = await call('delivery/rotate-secret', { targetId });
    expect(rotated.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(rotated.secret).not.toBe(secret);
  });

  it('stores a refusal that echoes the request (FastAPI 422 style) with every token hidden', async () => {
    const echo = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        const parsed = JSON.parse(body) as Record<string, string>;
        // The stored message keeps the first 200 characters: the tokens come first here.
        const reply = JSON.stringify({
          token: parsed.auth_token,
          hex: Buffer.from(parsed.feed_token!).toString('hex'),
          url: encodeURIComponent(parsed.refresh_token!),
          detail: [{ type: 'missing', loc: ['body', 'x'], msg: 'Field required', input: parsed }],
          b64: Buffer.from(body).toString('base64'),
        });
        res.writeHead(422, { 'content-type': 'application/json' });
        res.end(reply);
      });
    });
    const port = await new Promise<number>((ok) =>
      echo.listen(0, '127.0.0.1', () => ok((echo.address() as AddressInfo).port)),
    );
    const added = await call('delivery/add-target', {
      accountId,
      kind: 'webhook',
      url: `http://127.0.0.1:${port}/hook`,
    });
    try {
      const tokens = freshTokens('echoed');
      await enqueueDelivery(accountId, tokens);
      await processOutbox();
      const mine = (await outbox()).find((e) => e.targetId === added.target.id)!;
      expect(mine).toMatchObject({ state: 'failed', lastHttpStatus: 422 });
      expect(said(mine.lastMessage)).toContain('[hidden]');
      expect(said(mine.lastMessage)).toContain('"hex":"[hidden]"');
      const stored = JSON.stringify(await fakeBrowser.storage.local.get(null));
      const synced = JSON.stringify(await fakeBrowser.storage.sync.get(null));
      for (const value of [tokens.authToken, tokens.feedToken, tokens.refreshToken!, added.secret!]) {
        for (const form of [value, ...secretForms(value)]) {
          expect(stored.toLowerCase()).not.toContain(form.toLowerCase());
          expect(synced.toLowerCase()).not.toContain(form.toLowerCase());
        }
      }
    } finally {
      await call('delivery/remove-target', { targetId: added.target.id });
      await new Promise((done) => echo.close(done));
    }
  });

  it("signs with the skew-corrected clock, and re-signs once with the server's time after a timestamp 401", async () => {
    // The receiver's clock is 6 minutes ahead of this device (its limit is 5 minutes).
    receiver.setClockOffset(6 * 60_000);
    try {
      await enqueueDelivery(accountId, freshTokens('skew-retry'));
      await processOutbox();
      expect(receiver.journal.rejected).toEqual([expect.objectContaining({ status: 401 })]);
      expect(receiver.journal.accepted).toHaveLength(1);
      expect(await outbox()).toEqual([]);

      // Once the extension has measured the same offset against Angel, the first try is right.
      receiver.journal.rejected.length = 0;
      receiver.journal.accepted.length = 0;
      const now = Date.now();
      await recordServerDate(new Date(now + 6 * 60_000).toUTCString(), now, now);
      await enqueueDelivery(accountId, freshTokens('skew-measured'));
      await processOutbox();
      expect(receiver.journal.rejected).toHaveLength(0);
      expect(receiver.journal.accepted).toHaveLength(1);
    } finally {
      receiver.setClockOffset(0);
      const now = Date.now();
      await recordServerDate(new Date(now).toUTCString(), now, now);
    }
  });

  it('a refusal that is not about the clock is never retried on its own', async () => {
    await receiver.setSecret('not-the-secret-the-extension-has');
    receiver.setClockOffset(6 * 60_000);
    try {
      await enqueueDelivery(accountId, freshTokens('wrong-secret-skew'));
      await processOutbox();
      // One attempt, one re-signed attempt for the clock; then it stops.
      expect(receiver.journal.rejected).toHaveLength(2);
      expect((await outbox())[0]).toMatchObject({ state: 'failed', attempts: 1 });
    } finally {
      receiver.setClockOffset(0);
    }
  });

  it('a target URL changed outside the extension sends nothing and says so until confirmed', async () => {
    const other = await startReceiver({ secret });
    try {
      await receiver.stop();
      await enqueueDelivery(accountId, freshTokens('tamper-url'));
      await processOutbox();
      // Someone with access to the profile points the webhook elsewhere.
      const raw = (await fakeBrowser.storage.local.get('delivery.targets'))['delivery.targets'] as Array<{
        id: string;
        url?: string;
      }>;
      const original = structuredClone(raw);
      await fakeBrowser.storage.local.set({
        'delivery.targets': raw.map((t) => (t.id === targetId ? { ...t, url: other.url } : t)),
      });
      await other.setSecret(secret);
      const results = await call('delivery/retry-now', { targetId });
      expect(results[0]).toMatchObject({ outcome: 'failed' });
      expect(said(results[0]!.message)).toMatch(/changed outside the extension/);
      expect(other.journal.accepted).toHaveLength(0);
      expect((await call('delivery/overview')).settings).toBe('tampered');
      // Put back as it was: trusted again, and the waiting delivery goes out.
      await fakeBrowser.storage.local.set({ 'delivery.targets': original });
      await receiver.start();
      expect((await call('delivery/overview')).settings).toBe('ok');
      await call('delivery/retry-now', { targetId });
      expect(receiver.journal.accepted).toHaveLength(1);
      expect(other.journal.accepted).toHaveLength(0);
    } finally {
      await other.dispose();
    }
  });

  it('an outbox body moved to another target no longer opens and is not sent', async () => {
    const second = await call('delivery/add-target', {
      accountId,
      kind: 'webhook',
      url: receiver.url.replace('/webhook', '/webhook?second=1'),
    });
    try {
      await receiver.stop();
      await enqueueDelivery(accountId, freshTokens('swap'));
      await processOutbox();
      const list = await outbox();
      expect(list).toHaveLength(2);
      // Swap the two bodies (their target ids stay).
      const [a, b] = list;
      await outboxItem.setValue([
        { ...a!, sealedBody: b!.sealedBody },
        { ...b!, sealedBody: a!.sealedBody },
      ]);
      await receiver.start();
      const results = await call('delivery/retry-now', {});
      expect(results.every((r) => r.outcome === 'failed' && /changed outside/.test(said(r.message)))).toBe(
        true,
      );
      expect(receiver.journal.accepted).toHaveLength(0);
    } finally {
      await call('delivery/remove-target', { targetId: second.target.id });
    }
  });

  it('targets and bodies saved by an earlier version wait for one confirmation, then go out', async () => {
    await receiver.stop();
    await enqueueDelivery(accountId, freshTokens('legacy'));
    await processOutbox();
    // As an earlier version stored them: no MAC, a body sealed without a binding.
    const [entry] = await outbox();
    const body = await openBlob(entry!.sealedBody, `outbox\n${entry!.eventId}\n${targetId}\n${receiver.url}`);
    await outboxItem.setValue([{ ...entry!, sealedBody: await sealBlob(body) }]);
    await fakeBrowser.storage.local.remove('delivery.targetsMac');
    await receiver.start();
    expect((await call('delivery/overview')).settings).toBe('unverified');
    expect((await call('delivery/retry-now', {}))[0]).toMatchObject({ outcome: 'failed' });
    expect(receiver.journal.accepted).toHaveLength(0);
    await call('delivery/confirm-targets');
    await processOutbox();
    await vi.waitFor(() => expect(receiver.journal.accepted).toHaveLength(1));
    expect(receiver.store().tokens.A123456!.auth_token).toBe(freshTokens('legacy').authToken);
    expect((await call('delivery/overview')).settings).toBe('ok');
  });

  // Last: it resets the vault the other tests share.
  it('a vault reset removes the targets, the sealed outbox and the last results', async () => {
    await receiver.stop();
    await enqueueDelivery(accountId, freshTokens('before-reset'));
    await processOutbox();
    expect(await outbox()).toHaveLength(1);
    await call('vault/reset', { confirm: 'RESET' });
    const local = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(local).filter((k) => k.startsWith('delivery.') || k.startsWith('vault'))).toEqual([
      'vaultSettings',
    ]);
    expect(await outbox()).toEqual([]);
    expect(await browser.alarms.get(OUTBOX_ALARM)).toBeUndefined();
  });
});
