/**
 * Portal assistant end to end, in the built extension: the create-app form in every markup
 * style on both portal hosts (in-page control by its accessible name, read-back report, no
 * submission, bad profiles refused), "Fill this page" relayed by the background, My APIs key
 * capture into a vault account, enable-totp secret capture (text, QR only, after the OTP steps).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, JSHandle } from 'puppeteer-core';
import { BROWSER, launchExtension, type ExtensionSession } from './harness';
import {
  chooseAccountAndSave,
  companionButton,
  companionButtons,
  controlText,
  pageState,
  plainValues,
  setProfiles,
  waitForControlText,
} from './portalFlows';
import { FIXTURE_APPS, FIXTURE_TOTP_SECRET, SUBMIT_PATH } from '../fixtures/portal/routes';
import { totpCode } from '@/utils/vault/totp';
import { DEFAULT_TOTP } from '@/utils/vault/types';

const HOSTS = ['smartapi.angelone.in', 'smartapi.angelbroking.com'] as const;
const PROFILE = {
  id: 'autotrader-web',
  name: 'AutoTrader Web',
  builtIn: true,
  appName: 'MyTradingApp',
  redirectUrl: 'https://webx.stocksdeveloper.in/auth/angel',
  postbackUrl: 'https://apix.stocksdeveloper.in/postback/angel',
  apiType: 'publisher',
  clientId: 'A1234567',
  primaryIp: '49.36.12.7',
  secondaryIp: '49.36.12.8',
};
const EXPECTED_STATE = {
  appName: 'MyTradingApp',
  redirectUrl: 'https://webx.stocksdeveloper.in/auth/angel',
  postbackUrl: 'https://apix.stocksdeveloper.in/postback/angel',
  clientId: 'A1234567',
  primaryIp: '49.36.12.7',
  secondaryIp: '49.36.12.8',
  apiType: 'PUBLISHER',
};

function submissions(h: ExtensionSession) {
  return h.fixture.state.requests.filter((r) => r.path.startsWith(SUBMIT_PATH));
}

describe(`portal assistant (${BROWSER})`, () => {
  let h: ExtensionSession;
  let accountId = '';

  beforeAll(async () => {
    h = await launchExtension();
    await setProfiles(h, [PROFILE]);
  });
  afterAll(async () => {
    await h?.close();
  });

  describe('create-app form', () => {
    const cases: [string, string][] = [];
    for (const host of HOSTS)
      for (const style of ['plain', 'react', 'late', 'shadow', 'iframe']) cases.push([host, style]);

    it.each(cases)(
      '%s /create?style=%s: fills every field and the API type, reports, never submits',
      async (host, style) => {
        h.fixture.reset();
        const page = await h.openPage(`https://${host}/create?style=${style}`);
        const button = await companionButton(page, 'Fill with SmartAPI Companion');
        if (BROWSER === 'chromium' && style !== 'iframe') {
          // The accessibility tree (what a screen reader sees) names the control too.
          const byAria = await page.waitForSelector(
            '::-p-aria([name="Fill with SmartAPI Companion"][role="button"])',
            {
              timeout: 5_000,
            },
          );
          expect(byAria).not.toBeNull();
        }
        if (style === 'iframe') {
          // By keyboard (the driver cannot mouse-click this frame's control in Firefox); also
          // proves the control works without a mouse.
          await button.evaluate((b) => b.focus());
          await page.keyboard.press('Enter');
        } else {
          await button.click();
        }
        const text = await waitForControlText(button, /press the page’s own Create button yourself/);
        for (const label of [
          'App Name',
          'Redirect URL',
          'Postback URL',
          'Angel Client ID',
          'Primary Static IP',
          'Secondary Static IP',
          'API type',
        ]) {
          expect(text).toContain(`${label}: filled`);
        }
        if (style === 'plain') {
          expect(await plainValues(page)).toEqual({
            app_name: 'MyTradingApp',
            redirect_url: EXPECTED_STATE.redirectUrl,
            postback_url: EXPECTED_STATE.postbackUrl,
            client_id: 'A1234567',
            primary_ip: '49.36.12.7',
            secondary_ip: '49.36.12.8',
            api_type: 'PUBLISHER',
          });
        } else {
          // The page's own state (what its submit would send) holds the values.
          expect(await pageState(page)).toMatchObject(EXPECTED_STATE);
        }
        await new Promise((r) => setTimeout(r, 300));
        expect(submissions(h)).toEqual([]);
        await page.close();
      },
    );

    for (const host of HOSTS) {
      it(`${host} /new/apps: the form opens in a modal after "+ ADD APP"; the control appears then`, async () => {
        h.fixture.reset();
        const page = await h.openPage(`https://${host}/new/apps`);
        // No form yet: no control.
        await new Promise((r) => setTimeout(r, 500));
        const before = await page.evaluate(() => document.querySelectorAll('smartapi-companion').length);
        expect(before).toBe(0);
        await page.evaluate(() => (document.getElementById('add-app') as HTMLButtonElement).click());
        const button = await companionButton(page, 'Fill with SmartAPI Companion');
        await button.click();
        await waitForControlText(button, /API type: filled/);
        expect(await pageState(page)).toMatchObject(EXPECTED_STATE);
        // The page's own validation is satisfied: its submit would now go through (we never press it).
        expect(submissions(h)).toEqual([]);
        await page.close();
      });
    }

    it('bad profile values are refused with the stated messages and nothing is filled', async () => {
      await setProfiles(
        h,
        [
          PROFILE,
          {
            ...PROFILE,
            id: 'bad',
            name: 'Bad',
            builtIn: false,
            primaryIp: '10.0.0.5',
            secondaryIp: '2001:db8::1',
            redirectUrl: 'http://webx.stocksdeveloper.in/auth/angel',
            appName: 'ABCDEFGHIJKLMNOPQRSTU',
          },
        ],
        'bad',
      );
      try {
        const page = await h.openPage('https://smartapi.angelone.in/create?style=react');
        const button = await companionButton(page, 'Fill with SmartAPI Companion');
        await button.click();
        const text = await waitForControlText(button, /Nothing was filled/);
        expect(text).toContain('The app name is 21 characters long; Angel allows at most 20.');
        expect(text).toContain(
          'The redirect URL starts with http://; Angel only accepts secure https:// addresses.',
        );
        expect(text).toContain('The primary static IP 10.0.0.5 is a private address (10.0.0.0/8)');
        expect(text).toContain(
          'The secondary static IP "2001:db8::1" is an IPv6 address; Angel accepts IPv4 addresses only.',
        );
        const state = await pageState(page);
        expect(state).toMatchObject({ appName: '', redirectUrl: '', primaryIp: '', apiType: '' });
        await page.close();
      } finally {
        await setProfiles(h, [PROFILE]);
      }
    });

    it('several profiles: the in-page control offers a profile picker', async () => {
      const custom = {
        ...PROFILE,
        id: 'mine',
        name: 'My backend',
        builtIn: false,
        appName: 'MyBackendApp',
        redirectUrl: 'https://api.example.com/angel/callback',
        postbackUrl: '',
        apiType: 'trading',
      };
      await setProfiles(h, [PROFILE, custom], 'autotrader-web');
      try {
        const page = await h.openPage('https://smartapi.angelone.in/create?style=react');
        const button = await companionButton(page, 'Fill with SmartAPI Companion');
        // The picker is rendered once the profiles are loaded.
        await button.evaluate(async (b) => {
          const root = b.getRootNode() as ShadowRoot;
          for (let i = 0; i < 50 && !root.querySelector('select[aria-label="Registration profile"]'); i++)
            await new Promise((r) => setTimeout(r, 100));
          const select = root.querySelector<HTMLSelectElement>('select[aria-label="Registration profile"]')!;
          select.value = 'mine';
        });
        await button.click();
        await waitForControlText(button, /API type: filled/);
        expect(await pageState(page)).toMatchObject({
          appName: 'MyBackendApp',
          redirectUrl: 'https://api.example.com/angel/callback',
          postbackUrl: '',
          apiType: 'TRADING',
        });
        await page.close();
      } finally {
        await setProfiles(h, [PROFILE]);
      }
    });

    it('"Fill this page": the background relays the fill to the portal tab and returns the report', async () => {
      h.fixture.reset();
      const page = await h.openPage('https://smartapi.angelbroking.com/create?style=react&relay=1');
      await companionButton(page, 'Fill with SmartAPI Companion');
      const tabId = await h.inExtension(async () => {
        type Api = { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
        const g = globalThis as unknown as { browser?: Api; chrome: Api };
        const tabs = await (g.browser ?? g.chrome).tabs.query({});
        return tabs.find((t) => (t.url ?? '').includes('relay=1'))?.id ?? -1;
      });
      const reply = await h.sendMessage<{ blocked: boolean; outcomes: { field: string; status: string }[] }>(
        'portal/fill-tab',
        {
          tabId,
          profileId: 'autotrader-web',
        },
      );
      expect(reply.ok).toBe(true);
      expect(reply.value!.blocked).toBe(false);
      expect(reply.value!.outcomes.every((o) => o.status === 'filled')).toBe(true);
      expect(await pageState(page)).toMatchObject(EXPECTED_STATE);
      expect(submissions(h)).toEqual([]);
      await page.close();
    });

    it('a web page cannot trigger a fill: the content script only obeys the extension', async () => {
      const page = await h.openPage('https://smartapi.angelone.in/create?style=react');
      await companionButton(page, 'Fill with SmartAPI Companion');
      // A page script posting the internal request shape gets nowhere.
      await page.evaluate(() =>
        window.postMessage({ __sacPortal: 'fill', profileId: 'autotrader-web' }, '*'),
      );
      // Nor does a page script pressing the in-page control (untrusted click); it cannot even
      // reach it (closed shadow root), so press it through the handle from the protocol.
      expect(await page.evaluate(() => document.querySelector('smartapi-companion')?.shadowRoot)).toBeNull();
      const fill = await companionButton(page, 'Fill with SmartAPI Companion');
      await fill.evaluate((b) => b.click());
      await new Promise((r) => setTimeout(r, 500));
      expect(await pageState(page)).toMatchObject({ appName: '', apiType: '' });
      await page.close();
    });
  });

  describe('vault captures', () => {
    beforeAll(async () => {
      const created = await h.sendMessage('vault/create', { password: 'portal e2e password' });
      expect(created.ok).toBe(true);
      const saved = await h.sendMessage<{ account: { id: string } }>('accounts/save', {
        input: {
          label: 'Main account',
          clientCode: 'A1234567',
          mpin: '1234',
          totpSecret: '',
          apiKey: 'OldKey00',
          apiSecret: '',
          platform: 'SMART_API_M',
          redirectUrl: 'https://webx.stocksdeveloper.in/auth/angel',
          notes: '',
          dailyLogin: false,
          autoFill: false,
        },
      });
      expect(saved.ok).toBe(true);
      accountId = saved.value!.account.id;
    });

    async function apiKeyLast4(): Promise<string> {
      const list = await h.sendMessage<{ id: string; apiKeyLast4: string }[]>('accounts/list');
      return list.value!.find((a) => a.id === accountId)!.apiKeyLast4;
    }

    it('popup: "Fill this page" appears for a create-app tab and fills it', async () => {
      h.fixture.reset();
      const page = await h.openPage('https://smartapi.angelone.in/create?style=react&popup=1');
      await companionButton(page, 'Fill with SmartAPI Companion');
      const popup = await h.openExtensionPage('popup.html');
      // The popup asks which page the active tab shows: make the portal tab active, then
      // render the popup again (it stays a background tab, as the real popup never is a tab).
      await page.bringToFront();
      await popup.evaluate(() => location.reload());
      const fill: JSHandle<unknown> = await popup.waitForFunction(
        () =>
          Array.from(document.querySelectorAll('button')).find((b) => b.textContent === 'Fill this page') ??
          null,
        { timeout: 20_000, polling: 100 },
      );
      await fill.evaluate((b) => (b as HTMLButtonElement).click());
      const report = await popup.waitForFunction(
        () => {
          const list = document.querySelector('ul[aria-label="Fill report"]');
          return list && /API type: filled/.test(list.textContent ?? '') ? list.textContent : null;
        },
        { timeout: 20_000, polling: 100 },
      );
      expect(await report.jsonValue()).toContain('App Name: filled');
      expect(await pageState(page)).toMatchObject(EXPECTED_STATE);
      expect(submissions(h)).toEqual([]);
      await popup.close();
      await page.close();
    });

    it('options: registration profiles explain bad values before any fill and save good ones', async () => {
      const options = await h.openExtensionPage('options.html');
      const ip = (await options.waitForFunction(
        () => {
          const label = Array.from(document.querySelectorAll('label')).find(
            (l) => l.textContent === 'Primary Static IP',
          );
          return (label?.control as HTMLInputElement | null) ?? null;
        },
        { timeout: 20_000, polling: 100 },
      )) as unknown as ElementHandle<HTMLInputElement>;
      const typeIp = async (value: string) => {
        await ip.evaluate((el) => {
          (el as HTMLInputElement).focus();
          (el as HTMLInputElement).select();
        });
        await options.keyboard.press('Backspace');
        await ip.type(value);
      };
      await typeIp('100.64.1.2');
      await options.waitForFunction(
        () => /carrier-grade NAT address \(100\.64\.0\.0\/10\)/.test(document.body.textContent ?? ''),
        { timeout: 10_000, polling: 100 },
      );
      expect(await ip.evaluate((el) => (el as HTMLInputElement).getAttribute('aria-invalid'))).toBe('true');
      await typeIp('49.36.12.9');
      await options.waitForFunction(() => !/carrier-grade NAT/.test(document.body.textContent ?? ''), {
        timeout: 10_000,
        polling: 100,
      });
      await options.evaluate(() =>
        Array.from(document.querySelectorAll('button'))
          .find((b) => b.textContent === 'Save profile')!
          .click(),
      );
      await options.waitForFunction(() => /Profile saved\./.test(document.body.textContent ?? ''), {
        timeout: 10_000,
        polling: 100,
      });
      const stored = (await h.storageDump('local')).portalProfiles as {
        profiles: { id: string; primaryIp: string; appName: string }[];
      };
      expect(stored.profiles[0]).toMatchObject({
        id: 'autotrader-web',
        primaryIp: '49.36.12.9',
        appName: 'MyTradingApp',
      });
      await options.close();
      await setProfiles(h, [PROFILE]);
    });

    const apiCases: [string, string, number][] = [];
    for (const host of HOSTS)
      for (const [style, index] of [
        ['cards', 0],
        ['table', 1],
        ['react', 0],
      ] as const)
        apiCases.push([host, style, index]);

    it.each(apiCases)(
      '%s /myapis?style=%s: "Save to account…" stores the shown API key',
      async (host, style, index) => {
        const app = FIXTURE_APPS[index]!;
        const page = await h.openPage(`https://${host}/myapis?style=${style}`);
        await companionButton(page, 'Save to account…');
        const buttons = await companionButtons(page, 'Save to account…');
        expect(buttons).toHaveLength(2);
        const button = buttons[index]!;
        // Key still hidden: the extension says so and saves nothing.
        const save = await chooseAccountAndSave(button, accountId);
        await waitForControlText(save, /The API key is hidden/);
        // The user reveals the key with the page's own button, then saves again.
        await page.evaluate(
          (i, s) => {
            const rows =
              s === 'table'
                ? document.querySelectorAll('tbody tr')
                : document.querySelectorAll('.app, .app-card');
            const reveal = rows[i]!.querySelector<HTMLButtonElement>(
              'button.reveal, button.eye, button[aria-label="View API key"]',
            )!;
            reveal.click();
          },
          index,
          style,
        );
        await save.click();
        await waitForControlText(save, new RegExp(`Saved the API key \\(ending ${app.apiKey.slice(-4)}\\)`));
        expect(await apiKeyLast4()).toBe(app.apiKey.slice(-4));
        await page.close();
      },
    );

    it('a page script cannot press the extension’s capture buttons (only real clicks count)', async () => {
      const page = await h.openPage('https://smartapi.angelone.in/myapis?style=cards');
      const button = await companionButton(page, 'Save to account…');
      // The page cannot reach the buttons at all (closed shadow roots)...
      expect(
        await page.evaluate(() =>
          Array.from(document.querySelectorAll('smartapi-companion')).map((host) => host.shadowRoot),
        ),
      ).toEqual([null, null]);
      // ...and even a script holding them (here: through the automation protocol) only makes
      // untrusted clicks, which are ignored.
      for (const b of await companionButtons(page, 'Save to account…')) await b.evaluate((x) => x.click());
      await new Promise((r) => setTimeout(r, 700));
      const text = await controlText(button);
      expect(text).not.toMatch(/Loading your accounts|Save toMain/);
      expect(text).not.toContain('Main account');
      await page.close();
    });

    it('a locked vault: the control says so and nothing is read', async () => {
      await h.sendMessage('vault/lock');
      try {
        const page = await h.openPage('https://smartapi.angelone.in/myapis?style=cards');
        const button = await companionButton(page, 'Save to account…');
        await button.click();
        await waitForControlText(button, /The vault is locked/);
        await page.close();
      } finally {
        const r = await h.sendMessage('vault/unlock', { password: 'portal e2e password' });
        expect(r.ok).toBe(true);
      }
    });

    const totpCases: [string, string][] = [];
    for (const host of HOSTS) for (const style of ['text', 'qr', 'react']) totpCases.push([host, style]);

    it.each(totpCases)(
      '%s /enable-totp?style=%s: saves the TOTP secret and shows the current code',
      async (host, style) => {
        // A different secret per case proves each capture really came from that page.
        const secret =
          style === 'text'
            ? FIXTURE_TOTP_SECRET
            : style === 'qr'
              ? 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
              : 'MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK';
        const page = await h.openPage(`https://${host}/enable-totp?style=${style}&secret=${secret}`);
        if (style === 'react') {
          // Angel's steps first: client id and PIN, then the OTP; only then the secret appears.
          await page.evaluate(() => (document.getElementById('otp') as HTMLButtonElement).click());
          await page.evaluate(() => (document.getElementById('verify') as HTMLButtonElement).click());
        }
        const button = await companionButton(page, 'Save TOTP secret to account…');
        const save = await chooseAccountAndSave(button, accountId);
        const text = await waitForControlText(save, /Type this code into Angel’s form to finish/);
        const shown = /(\d{3}) (\d{3})/.exec(text);
        expect(shown).not.toBeNull();
        const now = Date.now();
        const expected = [now - 30_000, now, now + 30_000].map((t) => totpCode(secret, DEFAULT_TOTP, t));
        expect(expected).toContain(`${shown![1]}${shown![2]}`);
        // The popup's live codes now come from the captured secret too.
        const codes = await h.sendMessage<{ codes: { accountId: string; code: string }[] }>('totp/codes');
        expect(expected).toContain(codes.value!.codes.find((c) => c.accountId === accountId)!.code);
        await page.close();
      },
    );
  });
});
