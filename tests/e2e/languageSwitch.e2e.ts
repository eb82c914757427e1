/**
 * Stored results follow a language switch, in the browser the harness runs (Chromium and
 * Firefox ESR): a validation refused by the look-alike Angel REST API (AB1050), a login
 * refused by the look-alike login page (wrong MPIN) and a test delivery refused by a local
 * webhook (HTTP 422) are stored as messages, so after choosing Hindi in Options the same stored
 * results read in Hindi (Angel's and the server's own words stay as they wrote them), and in
 * English again after switching back. Nothing is validated, logged in or sent again in between.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startRefusingWebhook } from './refusingWebhook';
import { BROWSER, launchExtension, type ExtensionSession } from './harness';
import { addAccount, click, createVault, fieldByLabel, front } from './flows';
import { LOGIN_PATH, angelApiLog, type FixtureApiAccount } from '../fixtures/api/angelApi';
import { en } from '@/utils/i18n/en';
import { hi } from '@/utils/i18n/hi';

const PASSWORD = 'switch the language 2026';
// The vault holds an old TOTP secret; Angel (the fixture API) knows the current one: AB1050.
const OLD = {
  label: 'Old secret',
  clientCode: 'S998877',
  mpin: '2468',
  totpSecret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
  apiKey: 'Kp3nW8zR',
};
const OLD_AT_ANGEL: FixtureApiAccount = {
  ...OLD,
  totpSecret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U',
  name: 'Sita Rao',
  exchanges: ['NSE'],
};
// A publisher login whose MPIN the look-alike login page refuses.
const PUB = {
  label: 'Publisher',
  clientCode: 'A123456',
  mpin: '1234',
  totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  apiKey: 'PubKey1Main',
  platform: 'SMART_API_M' as const,
  redirectUrl: 'https://webx.stocksdeveloper.in/auth/angel',
  dailyLogin: false,
  autoFill: false,
};
const ANGEL_WRONG_PIN = 'Invalid MPIN. 2 attempts left before your account is blocked.';
const SERVER_SAID = 'signature rejected by the test server';
const WAIT = 30_000;

/** The fixed start of a catalogue text, before its first placeholder. */
const lead = (text: string) => text.split('{')[0]!;

/** A webhook that refuses every delivery (HTTP 422) with a short plain-text reason. */
const startRefusingServer = () =>
  startRefusingWebhook(() => ({ contentType: 'text/plain', text: SERVER_SAID }));

function urlOf(p: Page): string {
  try {
    return p.url();
  } catch {
    return '';
  }
}

describe(`stored results follow a language switch (${BROWSER})`, () => {
  let h: ExtensionSession;
  let options: Page;
  let ids: Record<string, string> = {};
  let language: Awaited<ReturnType<typeof fieldByLabel>>;
  let webhook: Awaited<ReturnType<typeof startRefusingServer>>;

  const validationText = () =>
    options.$eval(
      `.account-row [data-testid="validate-${ids[OLD.label]}"] [data-testid="validation-result"]`,
      (el) => (el.textContent ?? '').replace(/\s+/g, ' '),
    );
  const loginText = () =>
    options.$eval('[data-testid="login-last-message"]', (el) => (el.textContent ?? '').replace(/\s+/g, ' '));
  // The target's last result and the outbox row of the refused test delivery.
  const deliveryText = () =>
    options.$$eval('.delivery__last, .delivery__table', (els) =>
      els.map((el) => (el.textContent ?? '').replace(/\s+/g, ' ')).join(' | '),
    );

  async function waitFor(read: () => Promise<string>, part: string): Promise<string> {
    const deadline = Date.now() + WAIT;
    for (;;) {
      const text = await read().catch(() => '');
      if (text.includes(part)) return text;
      if (Date.now() > deadline) throw new Error(`"${part}" not shown; the page shows: ${text}`);
      await new Promise((res) => setTimeout(res, 200));
    }
  }

  async function choose(lang: 'en' | 'hi'): Promise<void> {
    await front(options);
    await language.select(lang);
    await options.waitForFunction(
      (l: string) => document.documentElement.lang === l,
      { timeout: WAIT },
      lang,
    );
  }

  beforeAll(async () => {
    h = await launchExtension();
    h.fixture.setFlags({ 'angel.accounts': [OLD_AT_ANGEL] });
    options = await h.openExtensionPage('options.html');
    await createVault(options, PASSWORD);
    await addAccount(options, OLD);
    await addAccount(options, PUB);
    const list = await h.sendMessage<{ id: string; label: string }[]>('accounts/list');
    ids = Object.fromEntries((list.value ?? []).map((a) => [a.label, a.id]));
    language = await fieldByLabel(options, en['lang.label']);
    webhook = await startRefusingServer();
  });
  afterAll(async () => {
    await h?.close();
    await webhook?.close();
  });

  it('a refused validation and a refused login are stored, shown in English', async () => {
    await front(options);
    await click(options, `Validate ${OLD.label} with Angel's API`);
    await waitFor(validationText, en['adv.totpExpl']);

    h.fixture.setFlags({
      loginStyle: 'one-page',
      loginMpin: '9999',
      loginTotpSecret: PUB.totpSecret,
      loginWrongPinMessage: ANGEL_WRONG_PIN,
    });
    await front(options);
    await click(options, `Log in ${PUB.label} on Angel`);
    await waitFor(loginText, '2 attempts left before Angel blocks the account');
    for (const p of await h.browser.pages())
      if (/publisher-login|stocksdeveloper/.test(urlOf(p))) await p.close().catch(() => {});

    // A test delivery the webhook refuses: its result is stored (target status and outbox).
    const added = await h.sendMessage<{ target: { id: string } }>('delivery/add-target', {
      accountId: ids[PUB.label],
      kind: 'webhook',
      url: webhook.url,
    });
    expect(added.ok).toBe(true);
    const sent = await h.sendMessage<{ outcome: string; httpStatus?: number }>('delivery/send-test', {
      targetId: added.value!.target.id,
    });
    expect(sent.value).toMatchObject({ outcome: 'failed', httpStatus: 422 });
    expect(webhook.hits()).toBe(1);
    await front(options);
    const d = await waitFor(deliveryText, en['dlv.refused'].replace('{status}', '422'));
    expect(d).toContain(SERVER_SAID);
    expect(d).toContain(en['dlv.refusedNext']);
  });

  it('choosing Hindi shows the same stored results in Hindi, with Angel’s words as Angel wrote them', async () => {
    const validations = angelApiLog(h.fixture.state).filter((e) => e.path === LOGIN_PATH).length;
    await choose('hi');

    const v = await waitFor(validationText, hi['adv.totpExpl']);
    expect(v).not.toContain(en['adv.totpExpl']);
    expect(v).toContain(lead(hi['adv.totpNext']));

    const l = await waitFor(loginText, lead(hi['ip.errWrongPinLeft']));
    expect(l).toContain('2');
    expect(l).toContain(`"${ANGEL_WRONG_PIN}"`);
    expect(l).not.toContain('Nothing was retried');

    const d = await waitFor(deliveryText, hi['dlv.refused'].replace('{status}', '422'));
    expect(d).toContain(SERVER_SAID);
    expect(d).toContain(hi['dlv.refusedNext']);
    expect(d).not.toContain(en['dlv.refusedNext']);

    // Re-rendered, not redone: no new request to Angel or to the webhook.
    expect(angelApiLog(h.fixture.state).filter((e) => e.path === LOGIN_PATH)).toHaveLength(validations);
    expect(webhook.hits()).toBe(1);
  });

  it('and English again after switching back', async () => {
    await choose('en');
    await waitFor(validationText, en['adv.totpExpl']);
    const l = await waitFor(loginText, '2 attempts left before Angel blocks the account');
    expect(l).not.toContain(lead(hi['ip.errWrongPinLeft']));
    const d = await waitFor(deliveryText, en['dlv.refusedNext']);
    expect(d).not.toContain(hi['dlv.refusedNext']);
  });
});
