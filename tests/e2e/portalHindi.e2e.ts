/**
 * The in-page controls on Angel's pages follow the chosen language: with Hindi chosen in the
 * extension, the create-app control, its fill report and the My APIs control speak Hindi, with
 * no raw catalogue key; back on English they show the English texts again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER, launchExtension, type ExtensionSession } from './harness';
import { companionButton, controlText, setProfiles, waitForControlText } from './portalFlows';

const RAW_KEY = /\b(ip|pf|portal|login)\.[a-zA-Z][\w.-]*[a-zA-Z]\b/;
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

async function setLanguage(h: ExtensionSession, lang: string): Promise<void> {
  await h.inExtension(async (value: unknown) => {
    type Api = { storage: { local: { set(v: Record<string, unknown>): Promise<void> } } };
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    await (g.browser ?? g.chrome).storage.local.set({ uiLanguage: value });
  }, lang);
}

describe(`in-page controls in Hindi (${BROWSER})`, () => {
  let h: ExtensionSession;

  beforeAll(async () => {
    h = await launchExtension();
    await setProfiles(h, [PROFILE]);
    await setLanguage(h, 'hi');
  });
  afterAll(async () => {
    if (h) await setLanguage(h, 'en').catch(() => undefined);
    await h?.close();
  });

  it('create-app form: the control and its report are in Hindi', async () => {
    const page = await h.openPage('https://smartapi.angelone.in/create?style=plain');
    const button = await companionButton(page, 'SmartAPI Companion से भरें');
    await button.click();
    const text = await waitForControlText(button, /Create बटन खुद दबाएँ/);
    expect(text).toContain('App Name (ऐप का नाम): भर दिया');
    expect(text).not.toContain(': filled');
    expect(text.match(RAW_KEY)?.[0] ?? null).toBeNull();
    await page.close();
  });

  it('My APIs: "Save to account…" is in Hindi', async () => {
    const page = await h.openPage('https://smartapi.angelone.in/myapis?style=cards');
    const button = await companionButton(page, 'खाते में सेव करें…');
    const text = await controlText(button);
    expect(text).toMatch(/[\u0900-\u097F]/);
    expect(text.match(RAW_KEY)?.[0] ?? null).toBeNull();
    await page.close();
  });

  it('back on English, a newly opened page shows the English control', async () => {
    await setLanguage(h, 'en');
    const page = await h.openPage('https://smartapi.angelone.in/create?style=plain');
    await companionButton(page, 'Fill with SmartAPI Companion');
    await page.close();
  });
});
