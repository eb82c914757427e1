/**
 * What is stored at rest, in real browsers: no secret readable in storage.local or
 * storage.sync after any flow (including a webhook that refuses and echoes the request),
 * auto-lock with a forgotten options tab, delivery settings changed outside the extension,
 * a receiver whose clock is 6 minutes off, and a reset that leaves no copy behind.
 * After a daily login and portal captures as well, every file of the browser profile is
 * searched byte by byte, while the browser runs and again after it has closed
 * (tests/e2e/profileScan.ts). storage.session holds the unlocked vault key by design and is
 * not searched as an area; its key is searched for in the profile's files (memory only).
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRefusingWebhook } from './refusingWebhook';
import { BROWSER, launchExtension, type ExtensionSession } from './harness';
import { connectWebhook, startReceiver, type RunningReceiver } from './receiver';
import { FIXTURE_API_ACCOUNT } from '../fixtures/api/angelApi';
import { FIXTURE_APPS, FIXTURE_TOTP_SECRET } from '../fixtures/portal/routes';
import { chooseAccountAndSave, companionButton, waitForControlText } from './portalFlows';
import { isBrowserPageRecord, needlesFor, scanProfile, type ProfileHit } from './profileScan';
import { saidText } from './said';
import type { Said } from '@/utils/i18n/core';
import type { MessageKey } from '@/utils/i18n/en';

const PASSWORD = 'secrets-e2e-master-pw';
const LABEL = 'Secrets e2e';
const WAIT_MS = 60_000;
/**
 * The account logged in daily (publisher login) and given the portal captures. Angel's MPIN
 * is 4 digits, so any 4-digit test MPIN also occurs by chance in binary files: it is looked
 * for only as a stored or submitted PIN would be written (see needlesFor), and this one is
 * not the fixture's default 1234.
 */
const LOGIN = {
  label: 'Dump login',
  clientCode: 'D482913',
  mpin: '9173',
  totpSecret: 'KRUGKIDROVUWG2ZAMJZG653OEBTG66BA',
  apiKey: 'PubDumpKey7x',
  apiSecret: 'pub-api-secret-dump-4c2e',
};
/**
 * Values Angel's own pages show or carry in their URLs (the login page's api_key, the tokens
 * in the redirect, the key on My APIs, the secret on enable-totp): the browser's record of
 * those pages (history, HTTP cache, session) may hold them; the extension's files may not.
 */
const SHOWN_BY_ANGEL = new Set([
  'login API key',
  'login auth token',
  'login feed token',
  'login refresh token',
  'captured API key',
  'captured TOTP secret',
]);

async function must<T>(h: ExtensionSession, type: string, data?: unknown): Promise<T> {
  const r = await h.sendMessage<T>(type, data);
  if (!r.ok) throw new Error(`${type} failed: ${r.code} ${r.message}`);
  return r.value as T;
}

/** A webhook that refuses every delivery with a 422 echoing the request, as FastAPI does. */
const startEchoServer = () =>
  startRefusingWebhook((body) => {
    const parsed = JSON.parse(body) as Record<string, string>;
    return {
      contentType: 'application/json',
      text: JSON.stringify({
        token: parsed.auth_token,
        hex: Buffer.from(parsed.feed_token ?? '').toString('hex'),
        url: encodeURIComponent(parsed.refresh_token ?? ''),
        detail: [{ type: 'missing', loc: ['body', 'x'], msg: 'Field required', input: parsed }],
        b64: Buffer.from(body).toString('base64'),
      }),
    };
  });

describe(`secrets at rest, auto-lock, delivery settings, reset (${BROWSER})`, () => {
  let h: ExtensionSession;
  let receiver: RunningReceiver;
  let accountId: string;
  let targetId: string;
  /** name -> value of everything that must never be found in storage.local / storage.sync. */
  const secrets = new Map<string, string>();
  let closed = false;

  beforeAll(async () => {
    h = await launchExtension();
    await must(h, 'vault/create', { password: PASSWORD });
    const saved = await must<{ account?: { id: string } }>(h, 'accounts/save', {
      input: {
        label: LABEL,
        clientCode: FIXTURE_API_ACCOUNT.clientCode,
        mpin: FIXTURE_API_ACCOUNT.mpin,
        totpSecret: FIXTURE_API_ACCOUNT.totpSecret,
        apiKey: FIXTURE_API_ACCOUNT.apiKey,
        apiSecret: 'api-secret-e2e-77f1',
        platform: 'SMART_API',
        redirectUrl: 'https://example.com/angel',
        notes: '',
        dailyLogin: false,
        autoFill: false,
      },
    });
    accountId = saved.account!.id;
    receiver = await startReceiver();
    const connected = await connectWebhook(h, receiver, accountId);
    targetId = connected.targetId;
    secrets.set('master password', PASSWORD);
    secrets.set('MPIN', FIXTURE_API_ACCOUNT.mpin);
    secrets.set('TOTP secret', FIXTURE_API_ACCOUNT.totpSecret);
    secrets.set('API key', FIXTURE_API_ACCOUNT.apiKey);
    secrets.set('API secret', 'api-secret-e2e-77f1');
    secrets.set('webhook secret', connected.secret);
  });

  afterAll(async () => {
    if (!closed) await h?.close();
    await receiver?.dispose();
  });

  async function expectNoSecretAtRest(after: string): Promise<void> {
    const dumps = {
      local: JSON.stringify(await h.storageDump('local')).toLowerCase(),
      sync: JSON.stringify(await h.storageDump('sync')).toLowerCase(),
    };
    const found: string[] = [];
    for (const [name, value] of secrets) {
      for (const [area, text] of Object.entries(dumps)) {
        for (const f of needlesFor(name, value))
          if (text.includes(f)) found.push(`${name} (${f}) in ${area}`);
      }
    }
    expect(found, `after ${after}`).toEqual([]);
  }

  /** Put a marker in storage.local: the file scan must find it, or it proves nothing. */
  async function setCanary(): Promise<string> {
    const canary = `dump-canary-${randomBytes(6).toString('hex')}`;
    await h.inExtension(async (c: string) => {
      const api =
        (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
      await api.storage.local.set({ 'dump.canary': c });
    }, canary);
    return canary;
  }

  /**
   * Every file of the profile folder, raw bytes: no secret outside what Angel's pages showed.
   * Waits first until the marker just written to storage.local is on disk (LevelDB log,
   * sqlite WAL), so what the browser held in memory has been written too.
   */
  async function expectNoSecretInProfile(after: string, canary: string, closed = false): Promise<void> {
    if (!closed)
      await expect
        .poll(() => scanProfile(h.profileDir, new Map([['canary', canary]])).hits.length, {
          timeout: WAIT_MS,
        })
        .toBeGreaterThan(0);
    const started = Date.now();
    const { hits, files, bytes } = scanProfile(h.profileDir, new Map([...secrets, ['canary', canary]]));
    const fmt = (x: ProfileHit) => `${x.secret} (${x.form}, ${x.encoding}) in ${x.file}`;
    const record = (x: ProfileHit) => isBrowserPageRecord(BROWSER, x.file);
    console.info(
      `[${BROWSER}] profile scan after ${after}: ${files} files, ${(bytes / 1e6).toFixed(1)} MB, ${Date.now() - started} ms; ` +
        `storage.local marker in: ${hits
          .filter((x) => x.secret === 'canary')
          .map((x) => `${x.file} (${x.encoding})`)
          .join(
            ', ',
          )}; in the browser's record of visited pages: ${hits.filter(record).map(fmt).join('; ') || 'nothing'}`,
    );
    // The marker written through storage.local is found: the scan reads the extension's files.
    expect(
      hits.filter((x) => x.secret === 'canary' && !record(x)).map((x) => x.file),
      `after ${after}: the storage.local marker was not found in the profile`,
    ).not.toEqual([]);
    const secretHits = hits.filter((x) => x.secret !== 'canary');
    expect(secretHits.filter((x) => !record(x)).map(fmt), `after ${after}`).toEqual([]);
    expect(
      secretHits.filter((x) => record(x) && !SHOWN_BY_ANGEL.has(x.secret)).map(fmt),
      `after ${after}: in the browser's record of pages`,
    ).toEqual([]);
  }

  async function captureTokens(): Promise<void> {
    const result = await must<{ tokensStored?: boolean; delivery?: string }>(h, 'validate/account', {
      accountId,
    });
    expect(result.tokensStored, JSON.stringify(result)).toBe(true);
  }

  function resetJournal(): void {
    receiver.journal.accepted.length = 0;
    receiver.journal.duplicates.length = 0;
    receiver.journal.rejected.length = 0;
  }

  it('no secret in storage.local or storage.sync after each flow, a refusing echoing webhook included', async () => {
    await expectNoSecretAtRest('creating the vault and adding an account and a webhook');
    resetJournal();
    await captureTokens();
    await expect.poll(() => receiver.journal.accepted.length, { timeout: WAIT_MS }).toBe(1);
    const stored = receiver.store().tokens[FIXTURE_API_ACCOUNT.clientCode]!;
    secrets.set('auth token', stored.auth_token);
    if (stored.feed_token) secrets.set('feed token', stored.feed_token);
    if (stored.refresh_token) secrets.set('refresh token', stored.refresh_token);
    await expectNoSecretAtRest('validation and a delivery');

    const echo = await startEchoServer();
    const added = await must<{ target: { id: string }; secret: string }>(h, 'delivery/add-target', {
      accountId,
      kind: 'webhook',
      url: echo.url,
    });
    secrets.set('echo webhook secret', added.secret);
    try {
      await captureTokens();
      await expect.poll(() => echo.hits(), { timeout: WAIT_MS }).toBeGreaterThan(0);
      await expect
        .poll(
          async () =>
            (
              ((await h.storageDump('local'))['delivery.outbox'] as Array<{
                targetId: string;
                state: string;
              }>) ?? []
            )
              .filter((e) => e.targetId === added.target.id)
              .map((e) => e.state),
          { timeout: WAIT_MS },
        )
        .toEqual(['failed']);
      const outbox = (await h.storageDump('local'))['delivery.outbox'] as Array<{
        targetId: string;
        lastMessage?: Said<MessageKey>;
      }>;
      const refused = outbox.find((e) => e.targetId === added.target.id)!;
      expect(saidText(refused.lastMessage)).toContain('422');
      expect(saidText(refused.lastMessage)).toContain('[hidden]');
      // The tokens of this second capture are new: take them from the receiver that accepted them.
      await expect.poll(() => receiver.journal.accepted.length, { timeout: WAIT_MS }).toBe(2);
      const second = receiver.store().tokens[FIXTURE_API_ACCOUNT.clientCode]!;
      secrets.set('auth token 2', second.auth_token);
      if (second.feed_token) secrets.set('feed token 2', second.feed_token);
      if (second.refresh_token) secrets.set('refresh token 2', second.refresh_token);
      await expectNoSecretAtRest('a refused delivery whose answer echoes the request');
    } finally {
      await must(h, 'delivery/remove-target', { targetId: added.target.id });
      await echo.close();
    }
    await must(h, 'vault/lock');
    await must(h, 'vault/unlock', { password: PASSWORD });
    await expectNoSecretAtRest('lock and unlock');
    await expectNoSecretInProfile('validation, deliveries and a refused echoing webhook', await setCanary());
  });

  it('a daily login and portal captures: no secret in storage or in any file of the profile', async () => {
    const saved = await must<{ account?: { id: string } }>(h, 'accounts/save', {
      input: {
        label: LOGIN.label,
        clientCode: LOGIN.clientCode,
        mpin: LOGIN.mpin,
        totpSecret: LOGIN.totpSecret,
        apiKey: LOGIN.apiKey,
        apiSecret: LOGIN.apiSecret,
        platform: 'SMART_API_M',
        redirectUrl: 'https://webx.stocksdeveloper.in/auth/angel',
        notes: '',
        dailyLogin: false,
        autoFill: false,
      },
    });
    const loginId = saved.account!.id;
    secrets.set('login MPIN', LOGIN.mpin);
    secrets.set('login TOTP secret', LOGIN.totpSecret);
    secrets.set('login API key', LOGIN.apiKey);
    secrets.set('login API secret', LOGIN.apiSecret);

    // The daily login: Angel's look-alike publisher-login page checks the PIN and the code and
    // redirects with fresh tokens, which the extension captures from the redirect.
    h.fixture.setFlags({
      loginStyle: 'one-page',
      loginClientCode: LOGIN.clientCode,
      loginMpin: LOGIN.mpin,
      loginTotpSecret: LOGIN.totpSecret,
    });
    const since = Date.now();
    await must(h, 'login/start', { accountId: loginId });
    await expect
      .poll(
        async () => {
          const o = await must<{ results: Record<string, { ok: boolean; at: number; message: string }> }>(
            h,
            'login/overview',
          );
          const r = o.results[loginId];
          return r && r.at >= since ? `${r.ok} ${r.message}` : 'running';
        },
        { timeout: 90_000, interval: 500 },
      )
      .toMatch(/^true /);
    const landing = h.fixture.state.requests.find(
      (r) => r.host === 'webx.stocksdeveloper.in' && r.at >= since && r.path.includes('auth_token='),
    );
    expect(landing, 'the redirect with the tokens').toBeDefined();
    const q = new URLSearchParams(landing!.path.split('?')[1]);
    secrets.set('login auth token', q.get('auth_token')!);
    secrets.set('login feed token', q.get('feed_token')!);
    secrets.set('login refresh token', q.get('refresh_token')!);
    const list = await must<Array<{ id: string; tokensSource?: string }>>(h, 'accounts/list');
    expect(list.find((a) => a.id === loginId)!.tokensSource).toBe('publisher-login');
    await expectNoSecretAtRest('a daily login');

    // Portal captures: the API key shown on My APIs, the TOTP secret shown on enable-totp.
    const myApis = await h.openPage('https://smartapi.angelone.in/myapis?style=cards');
    const save = await chooseAccountAndSave(await companionButton(myApis, 'Save to account…'), loginId);
    await waitForControlText(save, /hidden/);
    await myApis.evaluate(() => document.querySelector<HTMLButtonElement>('button.reveal')!.click());
    await save.click();
    await waitForControlText(save, /Saved the API key/);
    await myApis.close();
    secrets.set('captured API key', FIXTURE_APPS[0]!.apiKey);
    const totp = await h.openPage('https://smartapi.angelone.in/enable-totp?style=text');
    const done = await chooseAccountAndSave(
      await companionButton(totp, 'Save TOTP secret to account…'),
      loginId,
    );
    await waitForControlText(done, /Type this code/);
    await totp.close();
    secrets.set('captured TOTP secret', FIXTURE_TOTP_SECRET);
    const after = await must<Array<{ id: string; apiKeyLast4: string }>>(h, 'accounts/list');
    expect(after.find((a) => a.id === loginId)!.apiKeyLast4).toBe(FIXTURE_APPS[0]!.apiKey.slice(-4));
    await expectNoSecretAtRest('portal captures');

    // storage.session (the unlocked vault's key) is kept in memory only in both browsers, as
    // their documentation says: the file scans look for the key too, and find it nowhere.
    const vaultKey = (await h.storageDump('session')).vaultKey;
    expect(typeof vaultKey).toBe('string');
    secrets.set('vault key (storage.session)', vaultKey as string);

    await expectNoSecretInProfile('every flow, browser running', await setCanary());
  }, 240_000);

  it('a receiver whose clock is 6 minutes ahead still gets the delivery (one re-signed attempt)', async () => {
    receiver.setClockOffset(6 * 60_000);
    try {
      resetJournal();
      await captureTokens();
      await expect.poll(() => receiver.journal.accepted.length, { timeout: WAIT_MS }).toBe(1);
      expect(receiver.journal.rejected.map((r) => r.status)).toEqual([401]);
      expect(receiver.journal.rejected[0]!.reason).toMatch(/timestamp/);
    } finally {
      receiver.setClockOffset(0);
    }
  });

  it('delivery settings changed outside the extension: nothing is sent, Options says so', async () => {
    const other = await startReceiver();
    try {
      const overview = await must<{ targets: Array<{ id: string; url?: string }> }>(h, 'delivery/overview');
      const secret = secrets.get('webhook secret')!;
      await other.setSecret(secret);
      const original = await h.inExtension(async () => {
        const api =
          (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
        return (await api.storage.local.get('delivery.targets'))['delivery.targets'] as unknown;
      });
      expect(overview.targets.map((t) => t.id)).toContain(targetId);
      // Point the webhook somewhere else, as a program with access to the profile could.
      await h.inExtension(
        async (id: string, url: string) => {
          const api =
            (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
          const list = (await api.storage.local.get('delivery.targets'))['delivery.targets'] as Array<{
            id: string;
            url?: string;
          }>;
          await api.storage.local.set({
            'delivery.targets': list.map((t) => (t.id === id ? { ...t, url } : t)),
          });
        },
        targetId,
        other.url,
      );
      const page = await h.openExtensionPage('options.html');
      await page.waitForFunction(
        () => document.body.innerText.includes('Delivery settings were changed outside the extension'),
        { timeout: 20_000, polling: 200 },
      );
      resetJournal();
      await captureTokens();
      await expect
        .poll(
          async () =>
            ((await h.storageDump('local'))['delivery.outbox'] as unknown[] | undefined)?.length ?? 0,
          { timeout: 20_000 },
        )
        .toBeGreaterThan(0);
      const results = await must<Array<{ outcome: string; message: Said<MessageKey> }>>(
        h,
        'delivery/retry-now',
        {},
      );
      expect(results.every((r) => /changed outside the extension/.test(saidText(r.message)))).toBe(true);
      expect(other.journal.accepted).toHaveLength(0);
      expect(receiver.journal.accepted).toHaveLength(0);

      // Put back as it was: trusted again.
      await h.inExtension(async (list: unknown) => {
        const api =
          (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
        await api.storage.local.set({ 'delivery.targets': list });
      }, original);
      await page.waitForFunction(
        () => !document.body.innerText.includes('Delivery settings were changed outside the extension'),
        { timeout: 20_000, polling: 200 },
      );
      // What was queued meanwhile was sealed for the changed address and stays unsendable; the
      // next capture replaces it and goes to the real receiver.
      await captureTokens();
      await expect.poll(() => receiver.journal.accepted.length, { timeout: WAIT_MS }).toBe(1);
      expect(other.journal.accepted).toHaveLength(0);
      await page.close();
    } finally {
      await other.dispose();
    }
  });

  it('an options tab left open longer than the auto-lock time ends locked', async () => {
    await must(h, 'vault/set-auto-lock', { minutes: 1 });
    const page = await h.openExtensionPage('options.html');
    await page.waitForFunction(
      (label: string) => document.body.innerText.includes(label),
      {
        timeout: 20_000,
        polling: 500,
      },
      LABEL,
    );
    // Nobody touches the page: its sections stay open and follow storage, but that is not activity.
    await expect
      .poll(async () => (await must<{ state: string }>(h, 'vault/status')).state, {
        timeout: 150_000,
        interval: 2000,
      })
      .toBe('locked');
    // The open page notices and shows the unlock form.
    await page.waitForFunction(() => document.body.innerText.includes('Unlock'), {
      timeout: 30_000,
      polling: 500,
    });
    await page.close();
    await must(h, 'vault/unlock', { password: PASSWORD });
    await must(h, 'vault/set-auto-lock', { minutes: 30 });
  }, 240_000);

  it('a damaged vault set aside by a restore is listed with Export and Delete; reset leaves no copy', async () => {
    const file = await must<{ content: string }>(h, 'backup/export', { password: 'backup-pw-e2e-1' });
    await h.inExtension(async () => {
      const api =
        (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
      await api.storage.local.set({ vault: 'damaged beyond reading' });
    });
    expect((await must<{ state: string }>(h, 'vault/status')).state).toBe('corrupt');
    await must(h, 'backup/import', { content: file.content, password: 'backup-pw-e2e-1', mode: 'replace' });
    const page = await h.openExtensionPage('options.html');
    await page.waitForFunction(() => document.body.innerText.includes('Kept copies of an earlier vault'), {
      timeout: 20_000,
      polling: 200,
    });
    const labels = await page.$$eval('#kept-copies button', (bs) =>
      bs.map((b) => b.getAttribute('aria-label') ?? ''),
    );
    expect(labels.some((l) => l.startsWith('Export the copy kept on'))).toBe(true);
    expect(labels.some((l) => l.startsWith('Delete the copy kept on'))).toBe(true);
    await page.close();
    expect(await must<unknown[]>(h, 'vault/kept-copies')).toHaveLength(1);

    await must(h, 'vault/reset', { confirm: 'RESET' });
    const local = await h.storageDump('local');
    const left = Object.keys(local).filter((k) => /^vault(?!Settings)|^delivery\./.test(k));
    expect(left).toEqual([]);
    expect(JSON.stringify(local)).not.toContain('damaged beyond reading');
    expect((await h.sendMessage('vault/unlock', { password: PASSWORD })).code).toBe('no-vault');
    expect((await h.sendMessage('vault/unlock', { password: 'backup-pw-e2e-1' })).code).toBe('no-vault');
  });

  it('after the browser has closed (logs flushed), no file of the profile holds a secret', async () => {
    const canary = await setCanary();
    await h.close({ keepProfile: true });
    closed = true;
    try {
      await expectNoSecretInProfile('the browser closed', canary, true);
    } finally {
      rmSync(h.profileDir, { recursive: true, force: true });
    }
  });
});
