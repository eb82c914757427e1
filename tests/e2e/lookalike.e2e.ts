/**
 * The daily login against look-alike sites: the login tab is sent to a look-alike host in the
 * middle of the flow (Angel's server answering with a 302, or a script's location.replace),
 * and the look-alike page then navigates to the app's Redirect URL with forged tokens and the
 * right `state`. Nothing is typed there, nothing stored, nothing delivered, and the attempt
 * says why ("the login tab left Angel's site").
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BROWSER, launchExtension, type ExtensionSession } from './harness';
import { FORGED_AUTH, LOOKALIKE_HOST } from '../fixtures/security/routes';
import { saidText } from './said';
import type { Said } from '@/utils/i18n/core';
import type { MessageKey } from '@/utils/i18n/en';

const PASSWORD = 'look-alike sites end to end';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const ACCOUNT = {
  label: 'Main',
  clientCode: 'A123456',
  mpin: '1234',
  totpSecret: SECRET,
  apiKey: 'PubKey1Main',
  apiSecret: '',
  platform: 'SMART_API_M',
  redirectUrl: 'https://webx.stocksdeveloper.in/auth/angel',
  notes: '',
  dailyLogin: true,
  autoFill: false,
};

interface Overview {
  attempts: {
    id: string;
    accountId: string;
    status: string;
    steps: Record<string, number>;
    errorKind?: string;
  }[];
  results: Record<string, { ok: boolean; at: number; message: Said<MessageKey> }>;
}

function urlOf(p: Page): string {
  try {
    return p.url();
  } catch {
    return '';
  }
}

describe(`look-alike sites (${BROWSER})`, () => {
  let h: ExtensionSession;
  let accountId = '';

  async function must<T>(type: string, data?: unknown): Promise<T> {
    const r = await h.sendMessage<T>(type, data);
    if (!r.ok) throw new Error(`${type}: ${r.code} ${r.message}`);
    return r.value as T;
  }
  const overview = () => must<Overview>('login/overview');
  const tokensCapturedAt = async () =>
    (await must<{ id: string; tokensCapturedAt?: number }[]>('accounts/list')).find((a) => a.id === accountId)
      ?.tokensCapturedAt;

  async function resultAfter(since: number) {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const o = await overview();
      const r = o.results[accountId];
      if (r && r.at >= since)
        return { result: r, attempt: o.attempts.filter((a) => a.accountId === accountId).at(-1)! };
      if (Date.now() > deadline) throw new Error(`no result: ${JSON.stringify(o.attempts.at(-1))}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async function loginTab(): Promise<Page> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const p = (await h.browser.pages()).find((x) =>
        urlOf(x).includes('smartapi.angelone.in/publisher-login'),
      );
      if (p) return p;
      if (Date.now() > deadline) throw new Error('The login tab did not open.');
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** The forged redirect reached the Redirect URL's host (the look-alike did its part). */
  async function forgedRedirectArrived(): Promise<void> {
    await expect
      .poll(() => h.fixture.requestsTo('webx.stocksdeveloper.in').some((r) => r.path.includes(FORGED_AUTH)), {
        timeout: 20_000,
      })
      .toBe(true);
  }

  /** What the look-alike page's inputs held when it reported them. */
  async function typedOnLookalike(): Promise<Record<string, string>> {
    await expect
      .poll(() => h.fixture.requestsTo(LOOKALIKE_HOST, '/typed').length, { timeout: 20_000 })
      .toBeGreaterThan(0);
    return JSON.parse(h.fixture.requestsTo(LOOKALIKE_HOST, '/typed').at(-1)!.body) as Record<string, string>;
  }

  async function expectNothingKept(before: number | undefined, attemptId: string): Promise<void> {
    // Let every navigation event of the forged redirect reach the background first.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await tokensCapturedAt()).toBe(before);
    const a = (await overview()).attempts.find((x) => x.id === attemptId)!;
    expect(a.status).toBe('failed');
    expect(a.steps.redirected).toBeUndefined();
    expect(a.steps.delivered).toBeUndefined();
    for (const area of ['local', 'sync', 'session'] as const)
      expect(JSON.stringify(await h.storageDump(area))).not.toContain(FORGED_AUTH);
  }

  beforeAll(async () => {
    h = await launchExtension();
    await must('vault/create', { password: PASSWORD });
    const saved = await must<{ account?: { id: string } }>('accounts/save', { input: ACCOUNT });
    accountId = saved.account!.id;
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    for (const p of await h.browser.pages())
      if (/publisher-login|stocksdeveloper|login-help/.test(urlOf(p))) await p.close().catch(() => {});
    h.fixture.reset();
  });

  it("Angel's server 302s to a look-alike, which forwards forged tokens with the right state: refused", async () => {
    h.fixture.setFlags({
      loginStyle: 'one-page',
      loginClientCode: ACCOUNT.clientCode,
      loginMpin: ACCOUNT.mpin,
      loginTotpSecret: SECRET,
      loginRedirect: `https://${LOOKALIKE_HOST}/publisher-login?go=1&wait=300`,
    });
    const before = await tokensCapturedAt();
    const since = Date.now();
    const { attemptId } = await must<{ attemptId: string }>('login/start', { accountId });
    const { result, attempt } = await resultAfter(since);
    expect(result.ok).toBe(false);
    expect(attempt.errorKind).toBe('left-angel');
    expect(saidText(result.message)).toContain("left Angel's site");
    expect(saidText(result.message)).toContain(LOOKALIKE_HOST);
    expect(await typedOnLookalike()).toEqual({ clientcode: '', pin: '', totp: '' });
    await forgedRedirectArrived();
    await expectNothingKept(before, attemptId);
  });

  it('a script on the login page sends the tab to a look-alike mid-flow (location.replace): nothing typed there', async () => {
    h.fixture.setFlags({
      loginStyle: 'three-step',
      loginStepDelayMs: 6000,
      loginClientCode: ACCOUNT.clientCode,
      loginMpin: ACCOUNT.mpin,
      loginTotpSecret: SECRET,
    });
    const before = await tokensCapturedAt();
    const since = Date.now();
    const { attemptId } = await must<{ attemptId: string }>('login/start', { accountId });
    const tab = await loginTab();
    // Mid-flow: the client code was handed out and typed; the PIN screen is not there yet.
    await expect
      .poll(async () => (await overview()).attempts.find((a) => a.id === attemptId)?.steps.clientCode ?? 0, {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);
    await tab.evaluate((host: string) => {
      const state = new URLSearchParams(location.search).get('state') ?? '';
      location.replace(`https://${host}/publisher-login?go=1&wait=1500&state=${state}`);
    }, LOOKALIKE_HOST);
    const { result, attempt } = await resultAfter(since);
    expect(result.ok).toBe(false);
    expect(attempt.errorKind).toBe('left-angel');
    expect(attempt.steps.pin).toBeUndefined();
    expect(attempt.steps.totp).toBeUndefined();
    expect(await typedOnLookalike()).toEqual({ clientcode: '', pin: '', totp: '' });
    await forgedRedirectArrived();
    await expectNothingKept(before, attemptId);
  });
});
