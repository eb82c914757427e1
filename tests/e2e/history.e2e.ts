/**
 * Wrong-PIN wording, the confirmation before reusing a refused MPIN, and the login history,
 * end to end in the browser the harness runs (Chromium and Firefox ESR), against the
 * look-alike publisher-login page:
 *  - Angel's "Invalid MPIN. 2 attempts left before your account is blocked." is shown as a
 *    wrong PIN with 2 attempts left, not as a locked account; exactly one submission;
 *  - "Log in" in the options page then asks first (keyboard: Escape cancels, nothing sent);
 *    confirmed, it logs in;
 *  - Options → History lists both logins, the filter narrows them, "Export CSV" produces a
 *    file with those rows.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BROWSER, launchExtension, type ExtensionSession } from './harness';
import { saidText } from './said';
import type { Said } from '@/utils/i18n/core';
import type { MessageKey } from '@/utils/i18n/en';
import { addAccount, buttonByName, click, createVault, front } from './flows';

const PASSWORD = 'history end to end';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const MAIN = {
  label: 'Main',
  clientCode: 'A123456',
  mpin: '1234',
  totpSecret: SECRET,
  apiKey: 'PubKey1Main',
  platform: 'SMART_API_M' as const,
  redirectUrl: 'https://webx.stocksdeveloper.in/auth/angel',
  dailyLogin: true,
  autoFill: false,
};
const ANGEL_WRONG_PIN = 'Invalid MPIN. 2 attempts left before your account is blocked.';
const CONFIRM_TEXT = 'Angel said the MPIN was wrong (2 attempts left). Log in with the same MPIN again?';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious or critical axe-core findings inside `selector`, light and (Chromium) dark. */
async function axeFindings(page: Page, selector: string): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const found: string[] = [];
  const schemes = BROWSER === 'chromium' ? (['light', 'dark'] as const) : (['light'] as const);
  for (const scheme of schemes) {
    if (BROWSER === 'chromium')
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    const v = (await page.evaluate(async (sel: string) => {
      const axe = (
        globalThis as unknown as {
          axe: {
            run(c: Element, o: object): Promise<{ violations: { id: string; impact: string | null }[] }>;
          };
        }
      ).axe;
      const r = await axe.run(document.querySelector(sel)!, { resultTypes: ['violations'] });
      return r.violations.map((x) => ({ id: x.id, impact: x.impact }));
    }, selector)) as { id: string; impact: string | null }[];
    for (const x of v)
      if (x.impact === 'serious' || x.impact === 'critical') found.push(`${scheme}: ${x.id}`);
  }
  if (BROWSER === 'chromium') await page.emulateMediaFeatures([]);
  return found;
}

function urlOf(p: Page): string {
  try {
    return p.url();
  } catch {
    return '';
  }
}

interface Result {
  ok: boolean;
  at: number;
  message: Said<MessageKey>;
  needsAttention?: boolean;
}

describe(`wrong PIN and login history (${BROWSER})`, () => {
  let h: ExtensionSession;
  let options: Page;
  let accountId = '';

  const submissions = () =>
    h.fixture.state.requests.filter(
      (r) => r.method === 'POST' && r.path.split('?')[0] === '/publisher-login',
    );

  async function resultAfter(since: number, timeoutMs = 75_000): Promise<Result> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const o = await h.sendMessage<{ results: Record<string, Result> }>('login/overview');
      const r = o.value?.results[accountId];
      if (r && r.at >= since) return r;
      if (Date.now() > deadline) throw new Error(`No login result within ${timeoutMs} ms`);
      await new Promise((res) => setTimeout(res, 250));
    }
  }

  async function closeLoginTabs(): Promise<void> {
    for (const p of await h.browser.pages())
      if (/publisher-login|stocksdeveloper/.test(urlOf(p))) await p.close().catch(() => {});
  }

  /** The History table's rows as [kind, result, step, message] texts. */
  async function historyRows(): Promise<string[][]> {
    return options.evaluate(() =>
      Array.from(document.querySelectorAll('[data-testid="history-table"] tbody tr')).map((tr) =>
        Array.from(tr.querySelectorAll('td')).map((td) => (td.textContent ?? '').trim()),
      ),
    );
  }

  async function waitForRows(n: number): Promise<string[][]> {
    await options.waitForFunction(
      (count: number) => document.querySelectorAll('[data-testid="history-table"] tbody tr').length === count,
      { timeout: 20_000, polling: 100 },
      n,
    );
    return historyRows();
  }

  async function choose(testId: string, value: string): Promise<void> {
    await options.select(`[data-testid="${testId}"]`, value);
  }

  beforeAll(async () => {
    h = await launchExtension();
    options = await h.openExtensionPage('options.html');
    await createVault(options, PASSWORD);
    await addAccount(options, MAIN);
    accountId = (await h.sendMessage<{ id: string }[]>('accounts/list')).value![0]!.id;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a wrong PIN with attempts left says so, is not called locked, and is sent once', async () => {
    h.fixture.reset();
    h.fixture.setFlags({
      loginStyle: 'one-page',
      loginMpin: '9999',
      loginTotpSecret: SECRET,
      loginWrongPinMessage: ANGEL_WRONG_PIN,
    });
    const since = Date.now();
    await front(options);
    await click(options, `Log in ${MAIN.label} on Angel`);
    const r = await resultAfter(since);
    expect(r.ok).toBe(false);
    expect(r.needsAttention).toBe(true);
    expect(saidText(r.message)).toContain('2 attempts left before Angel blocks the account');
    expect(saidText(r.message)).toContain('The account is not locked.');
    expect(saidText(r.message)).not.toMatch(/reports the account as locked/);
    expect(submissions()).toHaveLength(1);
    await front(options);
    await options.waitForFunction(
      (text: string) =>
        document.querySelector('[data-testid="login-last-message"]')?.textContent?.includes(text),
      { timeout: 20_000, polling: 100 },
      '2 attempts left',
    );
  });

  it('"Log in" again asks first; Escape cancels without a submission; confirmed, it logs in', async () => {
    await closeLoginTabs();
    h.fixture.reset();
    h.fixture.setFlags({ loginStyle: 'one-page', loginMpin: MAIN.mpin, loginTotpSecret: SECRET });
    await front(options);
    await click(options, `Log in ${MAIN.label} on Angel`);
    const dialog = await options.waitForSelector('[role="alertdialog"][data-testid="same-pin-confirm"]', {
      timeout: 20_000,
    });
    expect(await dialog!.evaluate((d) => d.textContent)).toContain(CONFIRM_TEXT);
    // Its accessible name and focus: the safe choice (Cancel) has the focus.
    const labelled = await dialog!.evaluate((d) => {
      const id = d.getAttribute('aria-labelledby');
      return id ? document.getElementById(id)?.textContent : null;
    });
    expect(labelled).toBe('Log in again with the same MPIN?');
    expect(await options.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    expect(await axeFindings(options, '[data-testid="same-pin-confirm"]')).toEqual([]);
    await options.keyboard.press('Escape');
    await options.waitForFunction(() => !document.querySelector('[data-testid="same-pin-confirm"]'), {
      timeout: 10_000,
    });
    expect(submissions()).toHaveLength(0);
    expect((await h.browser.pages()).filter((p) => urlOf(p).includes('/publisher-login')).length).toBe(0);

    await click(options, `Log in ${MAIN.label} on Angel`);
    const since = Date.now();
    await (await buttonByName(options, 'Log in with the same MPIN')).click();
    const r = await resultAfter(since);
    expect(r.ok).toBe(true);
    expect(r.needsAttention).toBeUndefined();
    expect(submissions()).toHaveLength(1);
  });

  it('History lists both logins; the filters narrow them; Export CSV holds the rows shown', async () => {
    await closeLoginTabs();
    await front(options);
    // The section follows the stored history by itself: no reload needed.
    await options.waitForSelector('[data-testid="history-kind"]', { timeout: 20_000 });
    const rows = await waitForRows(2);
    // Newest first: the success, then the refused PIN with its step and Angel's words.
    expect(rows[0]!.slice(1, 4)).toEqual(['Main', 'Daily login', 'Succeeded']);
    expect(rows[1]!.slice(1, 5)).toEqual(['Main', 'Daily login', 'Failed', 'PIN']);
    expect(rows[1]![5]).toContain(ANGEL_WRONG_PIN);
    // No secret: the client code's digits and the PIN never show.
    expect(rows.flat().join(' ')).not.toMatch(/123456|\b1234\b/);
    expect(await axeFindings(options, '[data-testid="history"]')).toEqual([]);

    await choose('history-result', 'failure');
    expect((await waitForRows(1))[0]![3]).toBe('Failed');
    await choose('history-kind', 'delivery');
    await options.waitForFunction(() => !document.querySelector('[data-testid="history-table"]'), {
      timeout: 10_000,
    });
    await choose('history-kind', 'login');
    await waitForRows(1);
    await choose('history-account', accountId);
    await waitForRows(1);

    // Catch the download the page starts: its file name and its text.
    await options.evaluate(() => {
      const w = window as unknown as { __csv?: { name: string; text: string } };
      const orig = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        if (!this.download) return orig.call(this);
        const name = this.download;
        void fetch(this.href)
          .then((r) => r.text())
          .then((text) => (w.__csv = { name, text }));
      };
    });
    await click(options, 'Export CSV');
    const csv = (await (
      await options.waitForFunction(() => (window as unknown as { __csv?: unknown }).__csv, {
        timeout: 10_000,
        polling: 100,
      })
    ).jsonValue()) as { name: string; text: string };
    expect(csv.name).toMatch(/^smartapi-companion-history-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Time,Account,Kind,Result,Failed step,What was said');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z,Main,Daily login,Failed,PIN,"/);
    expect(lines[1]).toContain(ANGEL_WRONG_PIN);

    // All results again: both rows in the file.
    await choose('history-result', '');
    await waitForRows(2);
    await options.evaluate(() => delete (window as unknown as { __csv?: unknown }).__csv);
    await click(options, 'Export CSV');
    const all = (await (
      await options.waitForFunction(() => (window as unknown as { __csv?: unknown }).__csv, {
        timeout: 10_000,
        polling: 100,
      })
    ).jsonValue()) as { name: string; text: string };
    expect(all.text.trimEnd().split('\r\n')).toHaveLength(3);
    expect(all.text).toContain(',Main,Daily login,Succeeded,,');
  });
});
