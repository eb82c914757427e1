/**
 * Validation end to end, in the browser the harness runs (Chromium and Firefox ESR): the
 * background logs in to the look-alike Angel REST API at apiconnect.angelone.in, which
 * checks the API key, client code, MPIN and the TOTP against the secret it knows.
 *  - success from the popup: progress while in flight, the holder's name and exchanges,
 *    tokens kept in the vault (source rest-login);
 *  - AB1050 from the options page: a plain explanation and next step, one request, no retry;
 *  - "Validate all" fills the results table;
 *  - results in storage.local carry no secret.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BROWSER, launchExtension, type ExtensionSession } from './harness';
import { addAccount, click, createVault } from './flows';
import {
  FIXTURE_API_ACCOUNT,
  LOGIN_PATH,
  angelApiLog,
  type FixtureApiAccount,
} from '../fixtures/api/angelApi';

const PASSWORD = 'validate the accounts 2026';
const MAIN = {
  label: 'Main',
  clientCode: FIXTURE_API_ACCOUNT.clientCode,
  mpin: FIXTURE_API_ACCOUNT.mpin,
  totpSecret: FIXTURE_API_ACCOUNT.totpSecret,
  apiKey: FIXTURE_API_ACCOUNT.apiKey,
};
// The vault holds an old TOTP secret; Angel (the fixture) knows the current one.
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

interface Summary {
  id: string;
  label: string;
  tokensSource?: string;
  tokensExpireAt?: number;
  tokensCapturedAt?: number;
}

async function resultIn(page: Page, scope: string): Promise<{ state: string; text: string }> {
  const sel = `${scope} [data-testid="validation-result"]`;
  await page.waitForFunction(
    (s: string) => {
      const el = document.querySelector(s);
      return el && (el.getAttribute('data-state') === 'ok' || el.getAttribute('data-state') === 'failed');
    },
    { timeout: 30_000 },
    sel,
  );
  return page.$eval(sel, (el) => ({
    state: el.getAttribute('data-state') ?? '',
    text: (el.textContent ?? '').replace(/\s+/g, ' '),
  }));
}

describe(`validate (${BROWSER})`, () => {
  let h: ExtensionSession;
  let ids: Record<string, string> = {};
  const logins = (clientCode: string) =>
    angelApiLog(h.fixture.state).filter(
      (e) => e.path === LOGIN_PATH && JSON.parse(e.body || '{}').clientcode === clientCode,
    );

  beforeAll(async () => {
    h = await launchExtension();
    h.fixture.setFlags({ 'angel.accounts': [OLD_AT_ANGEL] });
    const options = await h.openExtensionPage('options.html');
    await createVault(options, PASSWORD);
    await addAccount(options, MAIN);
    await addAccount(options, OLD);
    await options.close();
    const list = await h.sendMessage<Summary[]>('accounts/list');
    ids = Object.fromEntries((list.value ?? []).map((a) => [a.label, a.id]));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('success from the popup: progress, then the holder and exchanges; tokens stored', async () => {
    h.fixture.setFlags({ 'angel.delayMs': 1500 });
    const popup = await h.openExtensionPage('popup.html');
    const scope = `[data-testid="validate-${ids.Main}"]`;
    await click(popup, "Validate Main with Angel's API");
    // In flight: the button says so and is marked busy.
    await popup.waitForFunction(
      (s: string) => {
        const b = document.querySelector(`${s} [data-testid="validate-button"]`);
        return b?.getAttribute('aria-busy') === 'true' && b.textContent === 'Validating…';
      },
      { timeout: 5_000 },
      scope,
    );
    const r = await resultIn(popup, scope);
    h.fixture.setFlags({ 'angel.delayMs': 0 });
    expect(r.state).toBe('ok');
    expect(r.text).toContain('Valid: Ravi Kumar');
    expect(r.text).toContain('Exchanges: NSE, BSE, NFO, MCX');
    expect(r.text).toContain('session saved');

    // The request went to the current host, once, with the API key header.
    const sent = logins(MAIN.clientCode);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.host).toBe('apiconnect.angelone.in');
    expect(sent[0]!.headers['x-privatekey']).toBe(MAIN.apiKey);
    expect(sent[0]!.headers['x-usertype']).toBe('USER');
    // The host permission lets the background call Angel without a CORS preflight.
    expect(angelApiLog(h.fixture.state).filter((e) => e.method === 'OPTIONS')).toEqual([]);

    // The tokens are in the vault, from the REST login, valid until midnight in India.
    const list = await h.sendMessage<Summary[]>('accounts/list');
    const main = list.value!.find((a) => a.id === ids.Main)!;
    expect(main.tokensSource).toBe('rest-login');
    expect(main.tokensExpireAt!).toBeGreaterThan(Date.now());
    expect(main.tokensExpireAt! - main.tokensCapturedAt!).toBeLessThanOrEqual(24 * 3600 * 1000);
    await popup.close();
  });

  it('AB1050 from the options page: plain explanation and next step, one request, no retry', async () => {
    const options = await h.openExtensionPage('options.html');
    const scope = `.account-row [data-testid="validate-${ids['Old secret']}"]`;
    await click(options, "Validate Old secret with Angel's API");
    const r = await resultIn(options, scope);
    expect(r.state).toBe('failed');
    expect(r.text).toContain('Angel refused the TOTP code.');
    expect(r.text).toContain('Next: Check that the stored TOTP secret is the one Angel showed');
    // The clock was measured from Angel's Date header: it is fine here, so the secret is the suspect.
    expect(r.text).toMatch(/clock is fine \(\d+\.\d s (behind|ahead of) Angel's clock\)/);
    expect(r.text).toContain("Angel's code AB1050");

    await new Promise((res) => setTimeout(res, 2_000));
    expect(logins(OLD.clientCode)).toHaveLength(1);
    const list = await h.sendMessage<Summary[]>('accounts/list');
    expect(list.value!.find((a) => a.id === ids['Old secret'])!.tokensSource).toBeUndefined();
    await options.close();
  });

  it('"Validate all" fills the results table: account, result, Angel\'s code, advice, time', async () => {
    const options = await h.openExtensionPage('options.html');
    const before = logins(MAIN.clientCode).length;
    await click(options, 'Validate all');
    await options.waitForFunction(
      (a: string, b: string) =>
        document.querySelector(`[data-testid="validation-row-${a}"]`)?.getAttribute('data-state') === 'ok' &&
        document.querySelector(`[data-testid="validation-row-${b}"]`)?.getAttribute('data-state') ===
          'failed' &&
        document.querySelector('[data-testid="validate-all-button"]')?.getAttribute('aria-busy') === 'false',
      { timeout: 30_000 },
      ids.Main!,
      ids['Old secret']!,
    );
    const rows = await options.$$eval('[data-testid="validation-table"] tbody tr', (trs) =>
      trs.map((tr) =>
        Array.from(tr.querySelectorAll('th, td')).map((c) =>
          (c.textContent ?? '').replace(/\s+/g, ' ').trim(),
        ),
      ),
    );
    const headers = await options.$$eval('[data-testid="validation-table"] thead th', (ths) =>
      ths.map((t) => t.textContent),
    );
    expect(headers).toEqual(['Account', 'Result', "Angel's code", 'Advice', 'Time']);
    const main = rows.find((r) => r[0]!.startsWith('Main'))!;
    const old = rows.find((r) => r[0]!.startsWith('Old secret'))!;
    expect(main[1]).toContain('Valid: Ravi Kumar');
    expect(main[2]).toBe('—');
    expect(main[4]).toMatch(/\d/);
    expect(old[1]).toContain('Angel refused the TOTP code.');
    expect(old[2]).toBe('AB1050');
    expect(old[3]).toContain('TOTP secret');
    expect(old[4]).toMatch(/\d/);
    expect(logins(MAIN.clientCode).length).toBe(before + 1);
    await options.close();
  });

  it('the stored results hold no secret', async () => {
    const local = await h.storageDump('local');
    const results = JSON.stringify(local['validation:results'] ?? null);
    expect(results).toContain(ids.Main);
    for (const secret of [MAIN.totpSecret, MAIN.apiKey, OLD.totpSecret, OLD.apiKey])
      expect(results).not.toContain(secret);
    expect(results).not.toMatch(new RegExp(`"${MAIN.mpin}"|"${OLD.mpin}"`));
    expect(results).not.toContain('eyJ'); // no JWT
  });

  it("a far-off clock: AB1050 shows the measured skew; Angel's Date header corrects the codes, so validating again works", async () => {
    h.fixture.setFlags({ 'angel.dateSkewMs': 90_000 });
    const popup = await h.openExtensionPage('popup.html');
    const scope = `[data-testid="validate-${ids.Main}"]`;
    await click(popup, "Validate Main with Angel's API");
    await popup.waitForFunction(
      (s: string) =>
        document.querySelector(`${s} [data-testid="validation-result"]`)?.textContent?.includes('TOTP code'),
      { timeout: 30_000 },
      scope,
    );
    const failed = await resultIn(popup, scope);
    expect(failed.state).toBe('failed');
    expect(failed.text).toMatch(/This computer's clock is (89|90|91) s behind Angel's clock/);

    // The same answer fed the vault's skew measurement (what the popup's codes use).
    const codes = await h.sendMessage<{ skewMs: number | null; skewWarning: boolean }>('totp/codes');
    expect(codes.value!.skewWarning).toBe(true);
    expect(Math.abs(codes.value!.skewMs! - 90_000)).toBeLessThan(2_000);

    await click(popup, "Validate Main with Angel's API");
    await popup.waitForFunction(
      (s: string) =>
        document.querySelector(`${s} [data-testid="validation-result"]`)?.getAttribute('data-state') === 'ok',
      { timeout: 30_000 },
      scope,
    );
    expect((await resultIn(popup, scope)).text).toContain('Valid: Ravi Kumar');
    await popup.close();
  });
});
