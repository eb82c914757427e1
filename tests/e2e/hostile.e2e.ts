/**
 * A hostile script on each of Angel's pages where the extension shows a control (create-app
 * form, My APIs, enable-totp, the publisher-login page's "Log in as"):
 *  - it looks for the extension: no marker attribute, no id in the DOM, no started event or
 *    posted message it could listen for; the controls' shadow roots are closed (null);
 *  - it presses every control it can get hold of with click(), MouseEvent, pointer and key
 *    events (untrusted), the way an injected tag would;
 *  - it dispatches WXT's content-script-started event to switch the content script off.
 * Nothing is typed, saved, filled or revealed, and the controls stay (and still obey a real click).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Frame, JSHandle, Page } from 'puppeteer-core';
import { BROWSER, GECKO_ID, launchExtension, type ExtensionSession } from './harness';
import { shadowRootOf } from './closedShadow';
import { companionButton, pageState, setProfiles, waitForControlText } from './portalFlows';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const PROFILE = {
  id: 'autotrader-web',
  name: 'AutoTrader Web',
  builtIn: true,
  appName: 'MyTradingApp',
  redirectUrl: 'https://webx.stocksdeveloper.in/auth/angel',
  postbackUrl: 'https://apix.stocksdeveloper.in/postback/angel',
  apiType: 'publisher',
  clientId: '',
  primaryIp: '49.36.12.7',
  secondaryIp: '',
};
const account = (label: string, extra: Record<string, unknown>) => ({
  label,
  clientCode: 'A1234567',
  mpin: '1234',
  totpSecret: '',
  apiKey: '',
  apiSecret: '',
  platform: 'SMART_API_M',
  redirectUrl: 'https://webx.stocksdeveloper.in/auth/angel',
  notes: '',
  dailyLogin: false,
  autoFill: false,
  ...extra,
});

/** Installed before any page script: records what the page could learn about the extension. */
function spyOnExtension(eventNames: string[]): void {
  const seen: string[] = [];
  (window as unknown as { __seen: string[] }).__seen = seen;
  for (const name of eventNames) {
    document.addEventListener(name, () => seen.push(`document:${name}`), true);
    window.addEventListener(name, () => seen.push(`window:${name}`), true);
  }
  window.addEventListener('message', (e) => {
    const text = (() => {
      try {
        return JSON.stringify(e.data);
      } catch {
        return String(e.data);
      }
    })();
    if (/wxt|smartapi|companion|extension/i.test(text)) seen.push(`message:${text}`);
  });
}

describe(`hostile page scripts (${BROWSER})`, () => {
  let h: ExtensionSession;
  let extensionId = '';
  let started = '';
  let pageEvents: string[] = [];

  async function must<T>(type: string, data?: unknown): Promise<T> {
    const r = await h.sendMessage<T>(type, data);
    if (!r.ok) throw new Error(`${type}: ${r.code} ${r.message}`);
    return r.value as T;
  }
  const accounts = () => must<unknown[]>('accounts/list');

  async function open(url: string): Promise<Page> {
    const page = await h.browser.newPage();
    await page.evaluateOnNewDocument(spyOnExtension, pageEvents);
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  /** Every control the extension shows in a frame, through the protocol (the page cannot). */
  async function controlsIn(frame: Frame): Promise<JSHandle<ShadowRoot>[]> {
    const out: JSHandle<ShadowRoot>[] = [];
    for (const host of await frame.$$('pierce/smartapi-companion, smartapi-companion-login')) {
      const root = await shadowRootOf(host as ElementHandle<Element>);
      if (root) out.push(root);
    }
    return out;
  }

  /** The page's own view: what it can find and learn, then every attack it can make. */
  async function attack(page: Page): Promise<void> {
    const found = await page.evaluate(
      (name: string, id: string) => {
        // What the extension's start told the page (before the page's own events below).
        const seen = [...(window as unknown as { __seen: string[] }).__seen];
        const hosts = Array.from(document.querySelectorAll('smartapi-companion, smartapi-companion-login'));
        const detail = { contentScriptName: 'portal', messageId: 'page-script' };
        // Switch the content script off, the way WXT tells an old copy to stop.
        document.dispatchEvent(new CustomEvent(name, { detail }));
        document.body.dispatchEvent(new CustomEvent(name, { detail, bubbles: true }));
        window.postMessage({ type: name, contentScriptName: 'portal', messageId: 'page-script' }, '*');
        // Press whatever it can reach: the hosts (their content is closed to it).
        for (const el of hosts as HTMLElement[]) {
          el.click();
          el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
          el.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
          el.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true }));
          for (const key of ['Enter', ' '])
            el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
        }
        return {
          seen,
          hosts: hosts.length,
          openRoots: hosts.filter((x) => x.shadowRoot !== null).length,
          markers: Array.from(document.documentElement.attributes, (a) => a.name).filter((n) =>
            /smartapi|companion/i.test(n),
          ),
          idInDom: document.documentElement.outerHTML.includes(id),
        };
      },
      started,
      extensionId,
    );
    expect(found.seen).toEqual([]);
    expect(found.hosts).toBeGreaterThan(0);
    expect(found.openRoots).toBe(0);
    expect(found.markers).toEqual([]);
    expect(found.idInDom).toBe(false);
    // A script that got hold of the controls themselves (here: handed over by the test)
    // still makes only untrusted events.
    for (const frame of page.frames())
      for (const root of await controlsIn(frame))
        await root.evaluate((r) => {
          for (const el of Array.from(r.querySelectorAll<HTMLElement>('button, select, option'))) {
            el.click();
            el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
            el.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
            el.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
            el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
            el.dispatchEvent(new KeyboardEvent('keyup', { key: ' ', bubbles: true }));
            if (el instanceof HTMLSelectElement) el.dispatchEvent(new Event('change', { bubbles: true }));
          }
        });
    await new Promise((r) => setTimeout(r, 800));
  }

  async function expectControlsStay(page: Page): Promise<void> {
    let n = 0;
    for (const frame of page.frames()) n += (await controlsIn(frame)).length;
    expect(n).toBeGreaterThan(0);
  }

  beforeAll(async () => {
    h = await launchExtension();
    extensionId = BROWSER === 'chromium' ? h.extensionOrigin.replace('chrome-extension://', '') : GECKO_ID;
    started = `${extensionId}:portal:wxt:content-script-started`;
    pageEvents = [started, `${extensionId}:portal:wxt:locationchange`];
    await setProfiles(h, [PROFILE]);
    await must('vault/create', { password: 'hostile pages end to end' });
    await must('accounts/save', { input: account('Main', { totpSecret: SECRET, apiKey: 'PubKey1Main' }) });
    await must('accounts/save', { input: account('Blank', {}) });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('create-app form: nothing filled; the control stays and still obeys a real click', async () => {
    const page = await open('https://smartapi.angelone.in/new/apps');
    await page.evaluate(() => (document.getElementById('add-app') as HTMLButtonElement).click());
    await companionButton(page, 'Fill with SmartAPI Companion');
    await attack(page);
    expect(await pageState(page)).toMatchObject({ appName: '' });
    await expectControlsStay(page);
    const fill = await companionButton(page, 'Fill with SmartAPI Companion');
    await fill.click();
    await waitForControlText(fill, /press the page’s own Create button yourself/);
    expect(await pageState(page)).toMatchObject({ appName: 'MyTradingApp' });
    await page.close();
  });

  it('My APIs: no account picker, nothing saved', async () => {
    const before = JSON.stringify(await accounts());
    const page = await open('https://smartapi.angelone.in/myapis?style=cards');
    await page.evaluate(() => document.querySelectorAll<HTMLButtonElement>('button.reveal')[0]?.click());
    await companionButton(page, 'Save to account…');
    await attack(page);
    for (const root of await controlsIn(page.mainFrame()))
      expect(await root.evaluate((r) => r.querySelector('select') === null)).toBe(true);
    expect(JSON.stringify(await accounts())).toBe(before);
    await expectControlsStay(page);
    await page.close();
  });

  it('enable-totp: nothing saved, no code revealed', async () => {
    const before = JSON.stringify(await accounts());
    const page = await open(`https://smartapi.angelone.in/enable-totp?style=text&secret=${SECRET}`);
    await companionButton(page, 'Save TOTP secret to account…');
    await attack(page);
    for (const root of await controlsIn(page.mainFrame()))
      expect(await root.evaluate((r) => r.querySelector('.code, select') === null)).toBe(true);
    expect(JSON.stringify(await accounts())).toBe(before);
    await expectControlsStay(page);
    await page.close();
  });

  it('publisher login: "Log in as" pressed by the page starts nothing and types nothing', async () => {
    h.fixture.reset();
    h.fixture.setFlags({ loginStyle: 'one-page', loginMpin: '1234', loginTotpSecret: SECRET });
    const page = await open(
      'https://smartapi.angelone.in/publisher-login?api_key=PubKey1Main&state=page-state',
    );
    const panelButtons = async () => {
      const [root] = await controlsIn(page.mainFrame());
      return root ? root.evaluate((r) => Array.from(r.querySelectorAll('button'), (b) => b.textContent)) : [];
    };
    await expect.poll(panelButtons, { timeout: 15_000 }).toContain('Log in as Main');
    await attack(page);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await must<{ attempts: unknown[] }>('login/overview')).attempts).toEqual([]);
    expect(await page.evaluate(() => Array.from(document.querySelectorAll('input'), (i) => i.value))).toEqual(
      expect.arrayContaining(['']),
    );
    expect(
      (await page.evaluate(() => Array.from(document.querySelectorAll('input'), (i) => i.value))).every(
        (v) => v === '',
      ),
    ).toBe(true);
    expect(
      h.fixture.state.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/publisher-login')),
    ).toEqual([]);
    expect(await panelButtons()).toContain('Log in as Main');
    await expectControlsStay(page);
    await page.close();
  });
});
