/**
 * Angel allows one login per second per account, counted as logins ARRIVE. In the browser the
 * harness runs (Chromium and Firefox ESR): Validate is pressed in the last seconds of a TOTP
 * window (the extension waits for the next window before sending), then pressed again right
 * after its result. The look-alike API records when each login arrives: at least a second apart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER, launchExtension, type ExtensionSession } from './harness';
import { front } from './flows';
import { validateAccountInPage } from './validateFlows';
import { FIXTURE_API_ACCOUNT, LOGIN_PATH, angelApiLog } from '../fixtures/api/angelApi';

const PASSWORD = 'rate limit password 1';
const LABEL = 'Rate limited';
const PERIOD_MS = 30_000;

let h: ExtensionSession;

async function must<T>(type: string, data?: unknown): Promise<T> {
  const r = await h.sendMessage<T>(type, data);
  if (!r.ok) throw new Error(`${type} failed: ${r.code} ${r.message}`);
  return r.value as T;
}

/** Resolves when the current TOTP window has between `min` and `max` ms left. */
async function untilWindowLeft(min: number, max: number): Promise<void> {
  for (;;) {
    const left = PERIOD_MS - (Date.now() % PERIOD_MS);
    if (left >= min && left <= max) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  h = await launchExtension();
  await must('vault/create', { password: PASSWORD });
  const saved = await must<{ errors?: unknown }>('accounts/save', {
    input: {
      label: LABEL,
      clientCode: FIXTURE_API_ACCOUNT.clientCode,
      mpin: FIXTURE_API_ACCOUNT.mpin,
      totpSecret: FIXTURE_API_ACCOUNT.totpSecret,
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
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe(`login rate limit counted from the send (${BROWSER})`, () => {
  it('Validate late in a TOTP window, then again right after its result: the logins arrive ≥ 1 s apart', async () => {
    const popup = await h.openExtensionPage('popup.html');
    await front(popup);
    await popup.waitForSelector('[data-testid="validate-button"]');
    const logins = () =>
      angelApiLog(h.fixture.state).filter(
        (e) =>
          e.path === LOGIN_PATH && JSON.parse(e.body || '{}').clientcode === FIXTURE_API_ACCOUNT.clientCode,
      );
    expect(logins()).toHaveLength(0);

    // Under 5 s left: the extension waits for the next window before it sends.
    await untilWindowLeft(2_500, 4_000);
    const first = await validateAccountInPage(popup, LABEL, 30_000);
    expect(first.state, first.text).toBe('ok');
    const second = await validateAccountInPage(popup, LABEL, 30_000);
    expect(second.state, second.text).toBe('ok');

    const [l1, l2] = logins();
    expect(logins()).toHaveLength(2);
    // The first login went out in the new window, not when Validate was pressed.
    expect(l1!.at % PERIOD_MS).toBeLessThan(PERIOD_MS - 5_000);
    expect(l2!.at - l1!.at).toBeGreaterThanOrEqual(1_000);
    await popup.close();
  }, 120_000);
});
