/**
 * The platform fill end to end on the AutoTrader Web look-alike (tests/fixtures/platform):
 * nothing runs before the user turns the platform on in Options (a real click that asks the
 * browser for site access); then the Create form (selects by visible text, React-like
 * controlled inputs whose own model must see the values), SMART_API_M, an account missing
 * values, the accounts list after the user's own Save (the setup checklist), the Edit form in
 * a modal after an SPA route change, and a form that cannot be read. Validate and Save are
 * never pressed by the extension, and a page script clicking the control does nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, JSHandle, Page } from 'puppeteer-core';
import { rmSync } from 'node:fs';
import { BROWSER, launchExtension, type ExtensionSession } from './harness';
import { companionButton, controlRoot, controlText, waitForControlText } from './portalFlows';
import { rootIn } from './closedShadow';
import { chromiumBuildWithPlatformAllowed, FIREFOX_ALLOW_OPTIONAL_PERMISSIONS } from './platformFlows';
import { PLATFORM_ORIGIN, PRESS_PATH } from '../fixtures/platform/routes';

const PASSWORD = 'correct horse battery staple';
const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const OPEN = 'Fill from SmartAPI Companion…';
const CREATE = `${PLATFORM_ORIGIN}/accounts/trading/create`;

async function must<T>(h: ExtensionSession, type: string, data?: unknown): Promise<T> {
  const r = await h.sendMessage<T>(type, data);
  if (!r.ok) throw new Error(`${type}: ${r.code} ${r.message}`);
  return r.value as T;
}

function account(label: string, clientCode: string, over: Record<string, unknown> = {}) {
  return {
    label,
    clientCode,
    mpin: '4321',
    totpSecret: SECRET,
    apiKey: `Key${clientCode}`,
    apiSecret: '',
    platform: 'SMART_API',
    redirectUrl: 'https://webx.stocksdeveloper.in/auth/angel',
    notes: '',
    dailyLogin: false,
    autoFill: false,
    ...over,
  };
}

type Model = Record<string, string>;
const model = (page: Page) => page.evaluate(() => ({ ...(window as unknown as { __model: Model }).__model }));
const presses = (page: Page) =>
  page.evaluate(() => [...(window as unknown as { __presses: string[] }).__presses]);

/** A button of the platform's own page by its text (never one of the extension's). */
async function pageButton(page: Page, text: string): Promise<ElementHandle<HTMLButtonElement>> {
  await page.waitForFunction(
    (t) => Array.from(document.querySelectorAll('button')).some((b) => b.textContent === t),
    { timeout: 15_000 },
    text,
  );
  const b = await page.evaluateHandle(
    (t) => Array.from(document.querySelectorAll('button')).find((x) => x.textContent === t)!,
    text,
  );
  return b as unknown as ElementHandle<HTMLButtonElement>;
}

describe(`platform fill (${BROWSER})`, () => {
  let h: ExtensionSession;
  const ids: Record<string, string> = {};

  let chromiumCopy = '';
  const outDirBefore = process.env.SAC_OUT_DIR;

  beforeAll(async () => {
    if (BROWSER === 'chromium') {
      // Headless Chromium cannot answer its permission prompt. This copy of the build has the
      // platform's site access granted at install ("Allow" answered in advance), so the real
      // "Turn on" click's permissions.request resolves at once; the content script is still
      // registered only by that click (the first test proves nothing runs before).
      chromiumCopy = chromiumBuildWithPlatformAllowed();
      process.env.SAC_OUT_DIR = chromiumCopy;
    }
    h = await launchExtension({
      // Firefox grants optional permissions without a doorhanger with this pref, so the real
      // "Turn on" click (permissions.request) is driven as a user would.
      firefoxPrefs: FIREFOX_ALLOW_OPTIONAL_PERMISSIONS,
    });
    await must(h, 'vault/create', { password: PASSWORD });
    for (const [label, code, over] of [
      ['Main', 'A1234567', {}],
      ['OAuth', 'B7654321', { platform: 'SMART_API_M', mpin: '', totpSecret: '' }],
      ['Half', 'C1111111', { totpSecret: '', apiKey: '' }],
    ] as const) {
      const saved = await must<{ account: { id: string } }>(h, 'accounts/save', {
        input: account(label, code, over),
      });
      ids[label] = saved.account.id;
    }
  });
  afterAll(async () => {
    await h?.close();
    if (chromiumCopy) {
      if (outDirBefore === undefined) delete process.env.SAC_OUT_DIR;
      else process.env.SAC_OUT_DIR = outDirBefore;
      rmSync(chromiumCopy, { recursive: true, force: true });
    }
  });

  async function pick(
    button: ElementHandle<HTMLButtonElement>,
    label: string,
  ): Promise<ElementHandle<HTMLButtonElement>> {
    await button.click();
    await waitForControlText(button, /Will fill|Missing|Not found/);
    const root = await controlRoot(button);
    await root.evaluate((r, id) => {
      const s = r.querySelector('select')!;
      s.value = id;
      s.dispatchEvent(new Event('change'));
    }, ids[label]!);
    const fill = await root.evaluateHandle((r) =>
      Array.from(r.querySelectorAll('button')).find((b) => b.textContent === 'Fill')!,
    );
    return fill as unknown as ElementHandle<HTMLButtonElement>;
  }

  function pressRequests() {
    return h.fixture.state.requests.filter((r) => r.path === PRESS_PATH);
  }

  it('does nothing on the platform before the user turns it on', async () => {
    const page = await h.openPage(CREATE);
    await page.waitForSelector('select');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await page.$('smartapi-companion')).toBeNull();
    await page.close();
    const list = await must<{ id: string; enabled: boolean }[]>(h, 'platform/list');
    expect(list).toEqual([expect.objectContaining({ id: 'autotrader-web', enabled: false })]);
  });

  it('turning AutoTrader Web on asks for that one site from the click in Options', async () => {
    const options = await h.openExtensionPage('options.html');
    const on = await options.waitForSelector('::-p-aria([name="Turn on: AutoTrader Web"][role="button"])', {
      timeout: 20_000,
    });
    await on!.click();
    await options.waitForFunction(
      () => document.body.textContent?.includes('On: the extension runs on https://webx.stocksdeveloper.in'),
      { timeout: 15_000 },
    );
    const granted = await h.inExtension(async (pattern: string) => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      return api.permissions.contains({ origins: [pattern] });
    }, `${PLATFORM_ORIGIN}/*`);
    expect(granted).toBe(true);
    await options.close();
  });

  it('fills the Create form for a SMART_API account; the page model sees every value; nothing pressed', async () => {
    h.fixture.reset();
    const page = await h.openPage(CREATE);
    const button = await companionButton(page, OPEN);
    // A page script cannot see into the control nor drive it.
    const pageSees = await page.evaluate(() => {
      const host = document.querySelector('smartapi-companion') as HTMLElement;
      host.click();
      return host.shadowRoot;
    });
    expect(pageSees).toBeNull();
    await button.evaluate((b) => b.click()); // untrusted: ignored
    await new Promise((r) => setTimeout(r, 500));
    expect(await controlText(button)).not.toMatch(/Will fill|Loading/);

    const fill = await pick(button, 'Main');
    expect(await controlText(button)).toContain(
      'Will fill: Broker, Platform, Login id / client id, MPIN, TOTP key, API key.',
    );
    await fill.click();
    await waitForControlText(button, /press Validate and Save yourself/);
    expect(await model(page)).toMatchObject({
      broker: '7',
      platform: 'SA',
      loginId: 'A1234567',
      mpin: '4321',
      totpKey: SECRET,
      apiKey: 'KeyA1234567',
    });
    // The fields show them too (the page re-rendered from its own model).
    const shown = await page.$$eval('input', (els) => els.map((e) => (e as HTMLInputElement).value));
    expect(shown).toEqual(['A1234567', '4321', SECRET, 'KeyA1234567']);
    expect(await presses(page)).toEqual([]);
    expect(pressRequests()).toEqual([]);
    await page.close();
  });

  it('SMART_API_M: sets the platform and fills only the API key, and says so', async () => {
    const page = await h.openPage(CREATE);
    const button = await companionButton(page, OPEN);
    const fill = await pick(button, 'OAuth');
    await fill.click();
    const text = await waitForControlText(button, /press Validate and Save yourself/);
    expect(text).toContain('SMART_API_M: only the API key is filled');
    expect(await model(page)).toMatchObject({
      broker: '7',
      platform: 'SAM',
      loginId: '',
      mpin: '',
      totpKey: '',
      apiKey: 'KeyB7654321',
    });
    expect(await presses(page)).toEqual([]);
    await page.close();
  });

  it('an account without TOTP secret and API key: fills what it has and names what is missing', async () => {
    const page = await h.openPage(CREATE);
    const button = await companionButton(page, OPEN);
    const fill = await pick(button, 'Half');
    expect(await controlText(button)).toContain('Missing from this account: TOTP key, API key.');
    await fill.click();
    const text = await waitForControlText(button, /press Validate and Save yourself/);
    expect(text).toContain('Missing from this account: TOTP key, API key.');
    expect(await model(page)).toMatchObject({ loginId: 'C1111111', mpin: '4321', totpKey: '', apiKey: '' });
    await page.close();
  });

  it('after the user saves, the accounts list shows the account (setup step); Edit in a modal fills the TOTP Secret Key', async () => {
    h.fixture.reset();
    const page = await h.openPage(CREATE);
    const button = await companionButton(page, OPEN);
    await (await pick(button, 'Main')).click();
    await waitForControlText(button, /press Validate and Save yourself/);
    // The user presses Save (the look-alike then shows the list: an SPA route change).
    await (await pageButton(page, 'Save')).click();
    await page.waitForFunction(() => location.pathname === '/accounts/trading');
    await expect
      .poll(
        async () => (await must<Record<string, { listedAt?: number }>>(h, 'platform/progress'))[ids.Main!],
        {
          timeout: 15_000,
        },
      )
      .toMatchObject({ origin: PLATFORM_ORIGIN, listedAt: expect.any(Number) });
    expect(await rootIn(page, 'smartapi-companion')).toBeNull(); // no form, no control

    await (await pageButton(page, 'EDIT')).click();
    await page.waitForSelector('[role=dialog]');
    const inModal = await companionButton(page, OPEN);
    expect(
      await inModal.evaluate((b) => (b.getRootNode() as ShadowRoot).host.closest('[role=dialog]') !== null),
    ).toBe(true);
    const fill = await pick(inModal, 'Main');
    await fill.click();
    await waitForControlText(inModal, /press Validate and Save yourself/);
    expect((await model(page)).totpSecretKey).toBe(SECRET);
    // Only the Save the test pressed as the user; "Validate & Save" untouched.
    expect(await presses(page)).toEqual(['Save']);
    expect(pressRequests().map((r) => r.body)).toEqual(['Save']);
    await page.close();
  });

  it('a form it cannot read: says so at once', async () => {
    const page = await h.openPage(`${PLATFORM_ORIGIN}/accounts/trading/odd`);
    await expect
      .poll(
        async () => {
          const root = await rootIn(page, 'smartapi-companion');
          return root ? root.evaluate((r) => r.textContent ?? '') : '';
        },
        { timeout: 15_000 },
      )
      .toContain('could not be read');
    await page.close();
  });

  it('popup: "Fill this AutoTrader Web form" opens the picker in the platform tab', async () => {
    const page = await h.openPage(CREATE);
    const button = await companionButton(page, OPEN);
    const popup = await h.openExtensionPage('popup.html');
    // The popup asks about the active tab: make the platform tab active, then render the popup
    // again (it stays a background tab, as the real popup never is a tab).
    await page.bringToFront();
    await popup.evaluate(() => location.reload());
    const open: JSHandle<unknown> = await popup.waitForFunction(
      () =>
        Array.from(document.querySelectorAll('button')).find(
          (b) => b.textContent === 'Fill this AutoTrader Web form from the vault…',
        ) ?? null,
      { timeout: 20_000, polling: 100 },
    );
    await open.evaluate((b) => (b as HTMLButtonElement).click());
    const said = await popup
      .waitForFunction(() => document.querySelector('.portal-actions [role=status]')?.textContent ?? null, {
        timeout: 15_000,
        polling: 100, // a background tab gets no animation frames
      })
      .then((x) => x.jsonValue());
    expect(said).toContain('Pick the account in the page');
    await waitForControlText(button, /Will fill: Broker, Platform/);
    expect(await presses(page)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('turning it off takes the site access back and the control goes', async () => {
    const options = await h.openExtensionPage('options.html');
    const off = await options.waitForSelector('::-p-aria([name="Turn off: AutoTrader Web"][role="button"])', {
      timeout: 20_000,
    });
    await off!.click();
    await options.waitForFunction(
      () =>
        document.body.textContent?.includes(
          'Off: the extension does not run on https://webx.stocksdeveloper.in',
        ),
      { timeout: 15_000 },
    );
    await options.close();
    if (BROWSER === 'firefox') {
      // (The Chromium copy has the access from install, which no extension can give back.)
      const still = await h.inExtension(async (pattern: string) => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        return api.permissions.contains({ origins: [pattern] });
      }, `${PLATFORM_ORIGIN}/*`);
      expect(still).toBe(false);
    }
    const page = await h.openPage(CREATE);
    await page.waitForSelector('select');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await page.$('smartapi-companion')).toBeNull();
    await page.close();
  });
});
