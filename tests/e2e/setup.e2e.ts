/**
 * The guided setup end to end, in the browser the harness runs (Chromium and Firefox ESR):
 *  - the setup page opens by itself on first install, and from the popup;
 *  - one account is walked from "nothing done" to "all steps done" through the real features:
 *    vault and account in Options, the TOTP secret captured on the look-alike enable-totp page,
 *    the API key saved, static IP in the app profile (a private address is a problem first),
 *    the checklist's own "Validate" button against the look-alike REST API, a
 *    webhook target and its test event to the example receiver. Every step's state is read
 *    from the page, which computes it from those results, never from a tick box;
 *  - the Hindi UI shows no raw message key on the setup, options and popup pages;
 *  - the keyboard command copies the default account's code, and "Fill TOTP here" fills the
 *    focused field of an Angel page.
 *
 * Headless browsers do not deliver extension keyboard shortcuts (tried: Alt+Shift+Y pressed in
 * a focused page reaches the page, not the browser's command dispatcher, in both browsers) and
 * cannot open a context menu. Those two checks drive the background through the page messages
 * "shortcuts/copy-default" and "shortcuts/fill-focused", which run the very functions the
 * command listener and the menu's onClicked call; the copied code is then pasted with Ctrl+V
 * into a page, so the clipboard itself is checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BROWSER, launchExtension, type ExtensionSession } from './harness';
import { addAccount, buttonByName, createVault, fieldByLabel, front } from './flows';
import { chooseAccountAndSave, companionButton, setProfiles, waitForControlText } from './portalFlows';
import { connectWebhook, startReceiver, type RunningReceiver } from './receiver';
import { FIXTURE_API_ACCOUNT, fixtureTotp } from '../fixtures/api/angelApi';
import { en } from '../../utils/i18n/en';

const PASSWORD = 'setup checklist 2026';
const LABEL = 'Setup e2e';
const WAIT = 20_000;
/** Every message key of the extension: none may ever show up as text. */
const KEYS = Object.keys(en);

async function must<T>(h: ExtensionSession, type: string, data?: unknown): Promise<T> {
  const r = await h.sendMessage<T>(type, data);
  if (!r.ok) throw new Error(`${type} failed: ${r.code} ${r.message}`);
  return r.value as T;
}

/** The state of each step of the account's checklist, as the page shows it. */
async function stepStates(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const li of Array.from(document.querySelectorAll<HTMLElement>('.setup-account .step'))) {
      out[li.dataset.step!] = li.dataset.state!;
    }
    return out;
  });
}

async function waitForStep(page: Page, step: string, state: string, timeout = WAIT): Promise<void> {
  await page
    .waitForFunction(
      (s: string, st: string) =>
        document.querySelector(`.setup-account .step[data-step="${s}"]`)?.getAttribute('data-state') === st,
      { timeout, polling: 200 },
      step,
      state,
    )
    .catch(async () => {
      throw new Error(`step ${step} never became ${state}: ${JSON.stringify(await stepStates(page))}`);
    });
}

async function waitForText(page: Page, text: string, timeout = WAIT): Promise<void> {
  await page.waitForFunction(
    (t: string) => document.body.innerText.includes(t),
    { timeout, polling: 200 },
    text,
  );
}

/** Paste the clipboard into a fresh textarea of `page` with the keyboard and return what arrived. */
async function pasteClipboard(page: Page): Promise<string> {
  await front(page);
  await page.evaluate(() => {
    document.getElementById('sac-paste')?.remove();
    const area = document.createElement('textarea');
    area.id = 'sac-paste';
    area.setAttribute('aria-label', 'paste here');
    document.body.append(area);
    area.focus();
  });
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyV', BROWSER === 'chromium' ? { commands: ['Paste'] } : {});
  await page.keyboard.up('Control');
  return page.$eval('#sac-paste', (e) => (e as HTMLTextAreaElement).value);
}

/** The open tab showing this extension page, found by asking each page where it is. */
async function findPage(h: ExtensionSession, path: string): Promise<Page | undefined> {
  for (const p of await h.browser.pages()) {
    const href = await p.evaluate(() => location.href).catch(() => '');
    if (href.startsWith(`${h.extensionOrigin}/${path}`)) return p;
  }
  return undefined;
}

function codesAround(secret: string): Set<string> {
  const now = Date.now();
  return new Set([-30_000, 0, 30_000].map((d) => fixtureTotp(secret, now + d)));
}

describe(`guided setup (${BROWSER})`, () => {
  let h: ExtensionSession;
  let receiver: RunningReceiver;
  let setup: Page;
  let options: Page;
  let accountId: string;

  beforeAll(async () => {
    h = await launchExtension();
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await h?.close();
    await receiver?.dispose();
  });

  it('opens the setup page on first install, asking for the vault first', async () => {
    // Firefox's WebDriver BiDi reports moz-extension tabs as about:blank: ask each page.
    await expect
      .poll(async () => (setup = (await findPage(h, 'setup.html'))!), { timeout: WAIT })
      .toBeTruthy();
    expect(setup).toBeTruthy();
    await waitForText(setup, 'Set up your Angel accounts');
    await waitForText(setup, 'Which platform?');
    await buttonByName(setup, 'Create the vault in Options');
  });

  it('walks one account from nothing to all steps done', async () => {
    options = await h.openExtensionPage('options.html');
    await createVault(options, PASSWORD);
    // Only what a trader knows before visiting Angel's portal.
    await addAccount(options, {
      label: LABEL,
      clientCode: FIXTURE_API_ACCOUNT.clientCode,
      mpin: FIXTURE_API_ACCOUNT.mpin,
      totpSecret: '',
      apiKey: '',
      platform: 'SMART_API',
    });
    const accounts = await must<{ id: string; label: string }[]>(h, 'accounts/list');
    accountId = accounts.find((a) => a.label === LABEL)!.id;

    await front(setup);
    await waitForStep(setup, 'signup', 'todo');
    expect(await stepStates(setup)).toEqual({
      signup: 'todo',
      createApp: 'todo',
      apiKey: 'todo',
      totp: 'todo',
      staticIp: 'todo',
      verified: 'todo',
      platform: 'todo',
      delivery: 'todo',
    });
    expect(await setup.$eval('.setup-summary', (e) => e.textContent)).toContain('0 of 8 steps done');
    // The create-app step links to the portal's form, where the assistant fills it.
    const links = await setup.$$eval('.setup-account a', (as) =>
      as.map((a) => (a as HTMLAnchorElement).href),
    );
    expect(links).toContain('https://smartapi.angelone.in/new/apps');
    expect(links).toContain('https://smartapi.angelone.in/');

    // The TOTP secret, captured on Angel's enable-totp page with the portal assistant.
    const totpPage = await h.openPage(
      `https://smartapi.angelone.in/enable-totp?style=text&secret=${FIXTURE_API_ACCOUNT.totpSecret}`,
    );
    const save = await chooseAccountAndSave(
      await companionButton(totpPage, 'Save TOTP secret to account…'),
      accountId,
    );
    await waitForControlText(save, /Type this code into Angel’s form to finish/);
    await totpPage.close();
    await front(setup);
    await waitForStep(setup, 'totp', 'done');
    expect((await stepStates(setup)).apiKey).toBe('todo');

    // The API key of the app Angel's REST look-alike knows, typed as in the options form
    // (the same message; '' keeps the MPIN and the TOTP secret just captured).
    const saved = await must<{ errors?: unknown }>(h, 'accounts/save', {
      id: accountId,
      input: {
        label: LABEL,
        clientCode: FIXTURE_API_ACCOUNT.clientCode,
        mpin: '',
        totpSecret: '',
        apiKey: FIXTURE_API_ACCOUNT.apiKey,
        apiSecret: '',
        platform: 'SMART_API',
        redirectUrl: 'https://webx.stocksdeveloper.in/auth/angel',
        notes: '',
        dailyLogin: false,
        autoFill: false,
      },
    });
    expect(saved.errors).toBeUndefined();
    await waitForStep(setup, 'apiKey', 'done');
    await waitForStep(setup, 'totp', 'done');
    await waitForStep(setup, 'signup', 'done');
    await waitForStep(setup, 'createApp', 'done');

    // A home-network address can never be registered: a problem, with the reason.
    const profile = {
      id: 'autotrader-web',
      name: 'AutoTrader Web',
      builtIn: true,
      appName: 'MyTradingApp',
      redirectUrl: 'https://webx.stocksdeveloper.in/auth/angel',
      postbackUrl: 'https://apix.stocksdeveloper.in/postback/angel',
      apiType: 'trading',
      clientId: '',
      primaryIp: '192.168.1.20',
      secondaryIp: '',
    };
    await setProfiles(h, [profile]);
    await waitForStep(setup, 'staticIp', 'problem');
    await waitForText(setup, 'BYOIP');
    await setProfiles(h, [{ ...profile, primaryIp: '49.36.12.7' }]);
    await waitForStep(setup, 'staticIp', 'done');

    // The checklist's own Validate button (the same control as in Options), against the
    // look-alike REST API.
    await front(setup);
    await (await buttonByName(setup, `Validate ${LABEL} with Angel's API`)).click();
    await waitForStep(setup, 'verified', 'done', 60_000);

    // A delivery target, then its test event to the example receiver.
    const { targetId } = await connectWebhook(h, receiver, accountId);
    await waitForStep(setup, 'delivery', 'todo');
    await waitForText(setup, 'Send test event');
    const sent = await must<{ outcome: string }>(h, 'delivery/send-test', { targetId });
    expect(sent.outcome).toBe('delivered');
    await waitForStep(setup, 'delivery', 'done');
    // The platform's own list showed the account after a fill (that path: platform.e2e.ts).
    await h.inExtension(async (id: string) => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      const origin = 'https://webx.stocksdeveloper.in';
      await api.storage.local.set({
        platformProgress: { [id]: { origin, filledAt: 1, listedAt: Date.now() } },
      });
    }, accountId);
    await waitForStep(setup, 'platform', 'done');
    await waitForText(setup, 'All steps done: this account is ready.');
    expect(Object.values(await stepStates(setup)).every((s) => s === 'done')).toBe(true);
    expect(await setup.$eval('.setup-summary', (e) => e.textContent)).toContain('8 of 8 steps done');
  }, 180_000);

  it('opens from the popup', async () => {
    const popup = await h.openExtensionPage('popup.html');
    await front(popup);
    const setupTabs = () =>
      h.inExtension(async () => {
        type Api = { tabs: { query(q: object): Promise<{ url?: string }[]> } };
        const g = globalThis as unknown as { browser?: Api; chrome: Api };
        const tabs = await (g.browser ?? g.chrome).tabs.query({});
        return tabs.filter((t) => (t.url ?? '').includes('/setup.html')).length;
      });
    const before = await setupTabs();
    await (await buttonByName(popup, 'Open setup')).click();
    await expect.poll(setupTabs, { timeout: WAIT }).toBe(before + 1);
  });

  it('the keyboard command copies the default account\'s code, and says "Unlock to copy" when locked', async () => {
    const page = await h.openPage('https://smartapi.angelone.in/enable-totp');
    const r = await must<{ ok: boolean; label?: string }>(h, 'shortcuts/copy-default');
    expect(r).toEqual({ ok: true, label: LABEL });
    const pasted = await pasteClipboard(page);
    expect(codesAround(FIXTURE_API_ACCOUNT.totpSecret).has(pasted), `pasted "${pasted}"`).toBe(true);

    await must(h, 'vault/lock');
    expect(await must(h, 'shortcuts/copy-default')).toEqual({ ok: false, reason: 'locked' });
    await must(h, 'vault/unlock', { password: PASSWORD });
    await page.close();
  });

  it('"Fill TOTP here" fills the focused field of an Angel page', async () => {
    const page = await h.openPage('https://smartapi.angelone.in/enable-totp');
    await front(page);
    await page.waitForSelector('#confirm-totp');
    await page.evaluate(() => {
      const el = document.getElementById('confirm-totp') as HTMLInputElement;
      (window as unknown as { sacInputs: number }).sacInputs = 0;
      el.addEventListener('input', () => (window as unknown as { sacInputs: number }).sacInputs++);
      el.focus();
    });
    const tabId = await h.inExtension(async () => {
      type Api = { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      const tabs = await (g.browser ?? g.chrome).tabs.query({
        url: 'https://smartapi.angelone.in/enable-totp*',
      });
      return tabs[0]?.id ?? -1;
    });
    expect(tabId).toBeGreaterThan(0);
    const r = await must<{ ok: boolean; label?: string }>(h, 'shortcuts/fill-focused', { tabId, frameId: 0 });
    expect(r).toEqual({ ok: true, label: LABEL });
    const value = await page.$eval('#confirm-totp', (e) => (e as HTMLInputElement).value);
    expect(codesAround(FIXTURE_API_ACCOUNT.totpSecret).has(value), `filled "${value}"`).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { sacInputs: number }).sacInputs)).toBeGreaterThan(
      0,
    );

    // Nothing focused: nothing filled, and the user is told to click into the box.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    expect(await must(h, 'shortcuts/fill-focused', { tabId, frameId: 0 })).toEqual({
      ok: false,
      reason: 'no-field',
    });
    await page.close();
  });

  it('the Hindi UI has no missing text on the setup, options and popup pages', async () => {
    await front(options);
    const select = await fieldByLabel(options, 'Language of the extension');
    await select.select('hi');
    // Every open page follows the stored choice.
    for (const page of [options, setup]) {
      await front(page);
      await page.waitForFunction(() => document.documentElement.lang === 'hi', { timeout: WAIT });
    }
    await front(setup);
    await waitForText(setup, 'अपने Angel खाते सेट करें');
    await waitForText(setup, 'सभी कदम पूरे');
    const popup = await h.openExtensionPage('popup.html');
    await popup.waitForFunction(
      () => document.documentElement.lang === 'hi' && document.body.innerText.length > 20,
      {
        timeout: WAIT,
      },
    );
    for (const page of [setup, options, popup]) {
      const text = await page.evaluate(() => {
        const attrs = Array.from(document.querySelectorAll('[aria-label],[title],[placeholder]')).map((e) =>
          ['aria-label', 'title', 'placeholder'].map((a) => e.getAttribute(a) ?? '').join(' '),
        );
        return `${document.body.innerText}\n${attrs.join('\n')}`;
      });
      expect(text).toMatch(/[\u0900-\u097F]/);
      expect(
        KEYS.filter((k) => text.includes(k)),
        page.url(),
      ).toEqual([]);
    }
    await popup.close();
    // Back to English for anything that runs after.
    await h.inExtension(async () => {
      type Api = { storage: { local: { set(v: Record<string, unknown>): Promise<void> } } };
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      await (g.browser ?? g.chrome).storage.local.set({ uiLanguage: 'en' });
    });
  });
});
