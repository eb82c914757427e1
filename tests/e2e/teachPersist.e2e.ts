/**
 * A taught login rule lasts, in the browser the harness runs (Chromium and Firefox ESR): the
 * user teaches the unlabeled login page once; after a browser restart on the same profile
 * (vault unlocked again) the rule is still listed and the next login succeeds; an encrypted
 * backup carries it to a new profile, where it is listed and the login on the same page
 * succeeds without teaching again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BROWSER, launchExtension, type ExtensionSession } from './harness';
import { addAccount, createVault } from './flows';
import { controlButton, controlText } from './closedShadow';

const PASSWORD = 'taught rules last';
const BACKUP_PASSWORD = 'taught rules backup';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const MAIN = {
  label: 'Taught',
  clientCode: 'T123456',
  mpin: '2468',
  totpSecret: SECRET,
  apiKey: 'PubKeyTaught1',
  platform: 'SMART_API_M' as const,
  redirectUrl: 'https://webx.stocksdeveloper.in/auth/angel',
  dailyLogin: true,
  autoFill: false,
};

const tmp = mkdtempSync(join(tmpdir(), 'sac-taught-'));
let h: ExtensionSession | null = null;

afterAll(async () => {
  await h?.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function must<T>(s: ExtensionSession, type: string, data?: unknown): Promise<T> {
  const r = await s.sendMessage<T>(type, data);
  if (!r.ok) throw new Error(`${type} failed: ${r.code} ${r.message}`);
  return r.value as T;
}

function urlOf(p: Page): string {
  try {
    return p.url();
  } catch {
    return '';
  }
}

async function accountIdOf(s: ExtensionSession): Promise<string> {
  const list = await must<{ id: string; label: string }[]>(s, 'accounts/list');
  return list.find((a) => a.label === MAIN.label)!.id;
}

/** The unlabeled-TOTP login page, with the fixture accepting this account's values. */
function missingTotpPage(s: ExtensionSession): void {
  s.fixture.reset();
  s.fixture.setFlags({
    loginStyle: 'two-modes-missing',
    loginMpin: MAIN.mpin,
    loginTotpSecret: SECRET,
    loginClientCode: MAIN.clientCode,
  });
}

/** Start a login and wait for its result (recorded at or after the start). */
async function login(s: ExtensionSession): Promise<{ ok: boolean; message: string }> {
  const accountId = await accountIdOf(s);
  const since = Date.now();
  await must(s, 'login/start', { accountId });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const o = await must<{ results: Record<string, { ok: boolean; at: number; message: string }> }>(
      s,
      'login/overview',
    );
    const r = o.results[accountId];
    if (r && r.at >= since) return r;
    if (Date.now() > deadline) throw new Error('No login result within 60 s');
    await new Promise((res) => setTimeout(res, 200));
  }
}

async function closeLoginTabs(s: ExtensionSession): Promise<void> {
  for (const p of await s.browser.pages())
    if (/publisher-login|stocksdeveloper/.test(urlOf(p))) await p.close().catch(() => {});
}

async function ruleLines(s: ExtensionSession): Promise<string[]> {
  const options = await s.openExtensionPage('options.html');
  const rules = () =>
    options.evaluate(() =>
      Array.from(document.querySelectorAll('[data-testid="page-rule"]')).map((li) => li.textContent ?? ''),
    );
  await expect.poll(rules, { timeout: 15_000 }).toHaveLength(1);
  const lines = await rules();
  await options.close();
  return lines;
}

const logins = (s: ExtensionSession) =>
  s.fixture.state.requests.filter((r) => r.method === 'POST' && r.path === '/publisher-login/api/login');

describe(`a taught login rule lasts (${BROWSER})`, () => {
  it('survives a browser restart and an encrypted backup to a new profile', async () => {
    h = await launchExtension();
    const options = await h.openExtensionPage('options.html');
    await createVault(options, PASSWORD);
    await addAccount(options, MAIN);
    await options.close();

    // Teach the page once.
    missingTotpPage(h);
    expect((await login(h)).ok).toBe(false);
    const tab = (await h.browser.pages()).find((p) => urlOf(p).includes('/publisher-login'))!;
    await tab.bringToFront();
    await (await controlButton(tab, '[data-smartapi-companion="login-help"]', 'Teach this page')).click();
    const teach = () => controlText(tab, '[data-smartapi-companion="teach"]');
    await expect.poll(teach, { timeout: 10_000 }).toContain('Click the client code field.');
    await tab.click('#tot-user-id-block input');
    await expect.poll(teach).toContain('Click the MPIN field.');
    await tab.click('#tot-pin');
    await expect.poll(teach).toContain('Click the TOTP field.');
    await tab.click('#tot-block .line:nth-of-type(3) input');
    await expect.poll(teach).toContain('Click the Login button.');
    await tab.click('#totp-login .btn');
    await expect.poll(teach, { timeout: 10_000 }).toContain('Saved for this page.');
    await closeLoginTabs(h);

    // A browser restart on the same profile: the rule is still there and used.
    h = await h.restart();
    await must(h, 'vault/unlock', { password: PASSWORD });
    expect((await ruleLines(h))[0]).toContain('smartapi.angelone.in/publisher-login');
    missingTotpPage(h);
    const afterRestart = await login(h);
    expect(afterRestart.ok, afterRestart.message).toBe(true);
    expect(logins(h)).toHaveLength(1);
    await closeLoginTabs(h);

    // An encrypted backup, imported into a new profile.
    const file = await must<{ fileName: string; content: string }>(h, 'backup/export', {
      password: BACKUP_PASSWORD,
    });
    await h.close();
    h = null;
    h = await launchExtension();
    const fresh = await h.openExtensionPage('options.html');
    await createVault(fresh, PASSWORD);
    await fresh.close();
    expect(await must<unknown[]>(h, 'pageRules/list')).toEqual([]);
    await must(h, 'backup/import', { content: file.content, password: BACKUP_PASSWORD, mode: 'replace' });
    const [line] = await ruleLines(h);
    expect(line).toContain('smartapi.angelone.in/publisher-login');
    expect(line).toContain('TOTP');
    expect(line).not.toContain(MAIN.mpin);
    missingTotpPage(h);
    const afterImport = await login(h);
    expect(afterImport.ok, afterImport.message).toBe(true);
    const subs = logins(h);
    expect(subs).toHaveLength(1);
    const body = JSON.parse(subs[0]!.body) as { clientcode: string; pin: string; totp: string };
    expect([body.clientcode, body.pin]).toEqual([MAIN.clientCode, MAIN.mpin]);
  }, 240_000);
});
