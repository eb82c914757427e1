/**
 * Daily login on the evidenced publisher-login shape (tests/fixtures/login/modes.ts), in the
 * browser the harness runs (Chromium and Firefox ESR):
 *  - two modes, password first: the extension chooses the TOTP mode, fills the unlabeled
 *    client code, #tot-pin and #tot-totp, presses the clickable LOGIN div; exactly one
 *    submission with one MPIN and one TOTP, and nothing ever typed or pressed in the
 *    password mode;
 *  - the same page with an unlabeled TOTP input: the attempt stops within seconds, naming the
 *    missing field, nothing submitted, the tab left open with "Show me" and the report;
 *  - "Teach this page" on it: the user clicks the three inputs and the LOGIN div (real clicks;
 *    the page acts on none of them), the rule is stored in the vault, the next login succeeds,
 *    and Options lists the rule and deletes it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { BROWSER, launchExtension, type ExtensionSession } from './harness';
import { addAccount, createVault } from './flows';
import { controlButton, controlButtons, controlText } from './closedShadow';

const PASSWORD = 'login modes end to end';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const MAIN = {
  label: 'Modes',
  clientCode: 'M123456',
  mpin: '4321',
  totpSecret: SECRET,
  apiKey: 'PubKeyModes1',
  platform: 'SMART_API_M' as const,
  redirectUrl: 'https://webx.stocksdeveloper.in/auth/angel',
  dailyLogin: true,
  autoFill: false,
};

interface Overview {
  attempts: {
    id: string;
    accountId: string;
    status: string;
    message?: string;
    errorKind?: string;
    startedAt: number;
    finishedAt?: number;
  }[];
  results: Record<string, { ok: boolean; at: number; message: string }>;
}

function urlOf(p: Page): string {
  try {
    return p.url();
  } catch {
    return '';
  }
}

describe(`daily login on the two-mode page (${BROWSER})`, () => {
  let h: ExtensionSession;
  let accountId = '';

  const posts = (path: string) =>
    h.fixture.state.requests.filter((r) => r.method === 'POST' && r.path.split('?')[0] === path);

  async function overview(): Promise<Overview> {
    const r = await h.sendMessage<Overview>('login/overview');
    if (!r.ok) throw new Error(`login/overview failed: ${r.message}`);
    return r.value!;
  }

  async function resultAfter(since: number, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const o = await overview();
      const r = o.results[accountId];
      if (r && r.at >= since)
        return { result: r, attempt: o.attempts.filter((a) => a.accountId === accountId).at(-1)! };
      if (Date.now() > deadline) throw new Error(`No login result within ${timeoutMs} ms`);
      await new Promise((res) => setTimeout(res, 200));
    }
  }

  async function closeLoginTabs(): Promise<void> {
    for (const p of await h.browser.pages())
      if (/publisher-login|stocksdeveloper/.test(urlOf(p))) await p.close().catch(() => {});
  }

  async function loginTab(): Promise<Page> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const p = (await h.browser.pages()).find((x) => urlOf(x).includes('/publisher-login'));
      if (p) return p;
      if (Date.now() > deadline) throw new Error('The login tab did not open.');
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  beforeAll(async () => {
    h = await launchExtension();
    const options = await h.openExtensionPage('options.html');
    await createVault(options, PASSWORD);
    await addAccount(options, MAIN);
    await options.close();
    const list = await h.sendMessage<{ id: string; label: string }[]>('accounts/list');
    accountId = list.value!.find((a) => a.label === MAIN.label)!.id;
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    await closeLoginTabs();
  });

  it('chooses the TOTP mode, fills its unlabeled fields, presses the LOGIN div; nothing goes to the password mode', async () => {
    h.fixture.reset();
    h.fixture.setFlags({
      loginStyle: 'two-modes',
      loginMpin: MAIN.mpin,
      loginTotpSecret: SECRET,
      loginClientCode: MAIN.clientCode,
    });
    const since = Date.now();
    const r = await h.sendMessage('login/start', { accountId });
    expect(r.ok).toBe(true);
    const { result } = await resultAfter(since);
    expect(result.ok, result.message).toBe(true);
    const subs = posts('/publisher-login/api/login');
    expect(subs).toHaveLength(1);
    const body = JSON.parse(subs[0]!.body) as { clientcode: string; pin: string; totp: string };
    expect(body.clientcode).toBe(MAIN.clientCode);
    expect(body.pin).toBe(MAIN.mpin);
    expect(body.totp).toMatch(/^\d{6}$/);
    // Not one input event or press in the password mode.
    expect(posts('/publisher-login/api/other-mode')).toHaveLength(0);
  });

  it('an unlabeled TOTP input: stops within seconds naming it, submits nothing, keeps the tab with help', async () => {
    h.fixture.reset();
    h.fixture.setFlags({ loginStyle: 'two-modes-missing', loginMpin: MAIN.mpin, loginTotpSecret: SECRET });
    const since = Date.now();
    await h.sendMessage('login/start', { accountId });
    const { result, attempt } = await resultAfter(since, 30_000);
    expect(result.ok).toBe(false);
    expect(attempt.errorKind).toBe('page-unreadable');
    expect(result.message).toContain('Found client code and MPIN, but no TOTP field on this page.');
    // "within seconds": well before the attempt's timeout (60 s by default)
    expect(attempt.finishedAt! - attempt.startedAt).toBeLessThan(15_000);
    expect(posts('/publisher-login/api/login')).toHaveLength(0);
    expect(posts('/publisher-login/api/other-mode')).toHaveLength(0);
    const tab = await loginTab();
    const helpButtons = () => controlButtons(tab, '[data-smartapi-companion="login-help"]');
    await expect
      .poll(helpButtons, { timeout: 10_000 })
      .toEqual(['Show me', 'Copy a diagnostic report', 'Teach this page']);
    // Nothing was typed into the page: the MPIN box is still empty.
    expect(await tab.evaluate(() => (document.getElementById('tot-pin') as HTMLInputElement).value)).toBe('');
  });

  /** A button of one of the extension's in-page controls (closed roots), as a handle for a real click. */
  const ownButton = (page: Page, kind: string, text: string): Promise<ElementHandle<HTMLButtonElement>> =>
    controlButton(page, `[data-smartapi-companion="${kind}"]`, text);

  const ownText = (page: Page, kind: string) => controlText(page, `[data-smartapi-companion="${kind}"]`);

  it('"Teach this page": the picked fields make the next login succeed; Options lists and deletes the rule', async () => {
    h.fixture.reset();
    h.fixture.setFlags({
      loginStyle: 'two-modes-missing',
      loginMpin: MAIN.mpin,
      loginTotpSecret: SECRET,
      loginClientCode: MAIN.clientCode,
    });
    let since = Date.now();
    await h.sendMessage('login/start', { accountId });
    const first = await resultAfter(since, 30_000);
    expect(first.result.ok).toBe(false);
    const tab = await loginTab();
    // The extension opens login tabs in the background; a person looks at it to teach it.
    await tab.bringToFront();
    await (await ownButton(tab, 'login-help', 'Teach this page')).click();
    await expect
      .poll(() => ownText(tab, 'teach'), { timeout: 10_000 })
      .toContain('Click the client code field.');
    await tab.click('#tot-user-id-block input');
    await expect.poll(() => ownText(tab, 'teach')).toContain('Click the MPIN field.');
    await tab.click('#tot-pin');
    await expect.poll(() => ownText(tab, 'teach')).toContain('Click the TOTP field.');
    await tab.click('#tot-block .line:nth-of-type(3) input');
    await expect.poll(() => ownText(tab, 'teach')).toContain('Click the Login button.');
    await tab.click('#totp-login .btn');
    await expect.poll(() => ownText(tab, 'teach'), { timeout: 10_000 }).toContain('Saved for this page.');
    // Picking pressed nothing on the page.
    expect(posts('/publisher-login/api/login')).toHaveLength(0);
    expect(await tab.evaluate(() => document.querySelector('.err')?.textContent ?? '')).toBe('');
    await closeLoginTabs();

    since = Date.now();
    await h.sendMessage('login/start', { accountId });
    const second = await resultAfter(since);
    expect(second.result.ok, second.result.message).toBe(true);
    const subs = posts('/publisher-login/api/login');
    expect(subs).toHaveLength(1);
    const body = JSON.parse(subs[0]!.body) as { clientcode: string; pin: string; totp: string };
    expect([body.clientcode, body.pin]).toEqual([MAIN.clientCode, MAIN.mpin]);
    expect(body.totp).toMatch(/^\d{6}$/);
    expect(posts('/publisher-login/api/other-mode')).toHaveLength(0);

    // Options lists the taught page (where, never values) and deletes it.
    const options = await h.openExtensionPage('options.html');
    const rules = () =>
      options.evaluate(() =>
        Array.from(document.querySelectorAll('[data-testid="page-rule"]')).map((li) => li.textContent ?? ''),
      );
    await expect.poll(rules, { timeout: 15_000 }).toHaveLength(1);
    const [line] = await rules();
    expect(line).toContain('smartapi.angelone.in/publisher-login');
    expect(line).toContain('TOTP');
    expect(line).not.toContain(MAIN.mpin);
    await options.click('[data-testid="page-rule"] button');
    await expect.poll(rules, { timeout: 10_000 }).toHaveLength(0);
    const stored = await h.sendMessage<unknown[]>('pageRules/list');
    expect(stored.value).toEqual([]);
    await options.close();
  });
});
