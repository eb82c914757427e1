/**
 * The popup's controls keep their text on one line at popup widths of 320, 360 (the popup's
 * own) and 400 px, in English and Hindi, in the browser the harness runs (Chromium and Firefox
 * ESR). Each control's text is measured as the browser laid it out: the line boxes of its text
 * (a Range's client rects, grouped by line) must be one, and no control may stick out of the
 * popup. A screenshot of each language at 320 px is written to the temp folder for a look.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BROWSER, launchExtension, type ExtensionSession } from './harness';
import { front } from './flows';
import { FIXTURE_API_ACCOUNT } from '../fixtures/api/angelApi';

const PASSWORD = 'popup layout password 1';
const WAIT = 20_000;
const WIDTHS = [320, 360, 400];

let h: ExtensionSession;

async function must<T>(type: string, data?: unknown): Promise<T> {
  const r = await h.sendMessage<T>(type, data);
  if (!r.ok) throw new Error(`${type} failed: ${r.code} ${r.message}`);
  return r.value as T;
}

function account(label: string, platform: 'SMART_API' | 'SMART_API_M', clientCode: string) {
  return {
    label,
    clientCode,
    mpin: FIXTURE_API_ACCOUNT.mpin,
    totpSecret: FIXTURE_API_ACCOUNT.totpSecret,
    apiKey: FIXTURE_API_ACCOUNT.apiKey,
    apiSecret: '',
    platform,
    redirectUrl: 'https://webx.stocksdeveloper.in/auth/angel',
    notes: '',
    dailyLogin: true,
    autoFill: false,
  };
}

interface Wrapped {
  text: string;
  lines: number;
  overflow: boolean;
}

/** Every visible control of the popup whose text takes more than one line or leaves the popup. */
async function wrappedControls(page: Page, width: number): Promise<Wrapped[]> {
  return page.evaluate(async (w: number) => {
    const popup = document.querySelector<HTMLElement>('.popup')!;
    popup.style.width = `${w}px`;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const box = popup.getBoundingClientRect();
    const out: { text: string; lines: number; overflow: boolean }[] = [];
    const controls = popup.querySelectorAll<HTMLElement>(
      'button, a[href], select, summary, [role="button"], [role="tab"], input[type="checkbox"] + span',
    );
    for (const el of Array.from(controls)) {
      const rect = el.getBoundingClientRect();
      const text = (el.innerText || '').trim();
      if (!text || rect.width === 0 || rect.height === 0) continue;
      const range = document.createRange();
      range.selectNodeContents(el);
      const tops = new Set<number>();
      for (const r of Array.from(range.getClientRects())) {
        if (r.width < 1 || r.height < 1) continue;
        // Rects on one line share (nearly) their vertical middle.
        tops.add(Math.round((r.top + r.bottom) / 2 / 4));
      }
      const overflow =
        rect.right > box.right + 0.5 || rect.left < box.left - 0.5 || el.scrollWidth > el.clientWidth + 1;
      if (tops.size > 1 || overflow) out.push({ text, lines: tops.size, overflow });
    }
    return out;
  }, width);
}

beforeAll(async () => {
  h = await launchExtension();
  await must('vault/create', { password: PASSWORD });
  // Long labels, both platforms: "Log in" (publisher) and "Validate" side by side.
  for (const [label, platform, code] of [
    ['Main trading account', 'SMART_API_M', FIXTURE_API_ACCOUNT.clientCode],
    ['Family HUF account', 'SMART_API', 'S998877'],
  ] as const) {
    const r = await must<{ errors?: unknown }>('accounts/save', { input: account(label, platform, code) });
    expect(r.errors).toBeUndefined();
  }
  // Rows as a trader sees them after a morning's work: a login badge beside each "Log in"
  // (one of them the long "needs attention"), and validation results under the buttons.
  const ids = (await must<{ id: string }[]>('accounts/list')).map((a) => a.id);
  await h.inExtension(
    async (a: string, b: string) => {
      type Api = { storage: { local: { set(v: object): Promise<void> } } };
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      const at = Date.now();
      await (g.browser ?? g.chrome).storage.local.set({
        loginResults: {
          [a]: { accountId: a, ok: true, at, message: 'Logged in' },
          [b]: { accountId: b, ok: false, at, message: 'Wrong PIN', needsAttention: true },
        },
      });
    },
    ids[0],
    ids[1],
  );
  for (const accountId of ids) await must('validate/account', { accountId });
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('popup layout', () => {
  for (const lang of ['en', 'hi'] as const) {
    it(`no control's text wraps at ${WIDTHS.join(', ')} px (${lang === 'en' ? 'English' : 'Hindi'})`, async () => {
      await h.inExtension(async (l: string) => {
        type Api = { storage: { local: { set(v: object): Promise<void> } } };
        const g = globalThis as unknown as { browser?: Api; chrome: Api };
        await (g.browser ?? g.chrome).storage.local.set({ uiLanguage: l });
      }, lang);
      const popup = await h.openExtensionPage('popup.html');
      await front(popup);
      await popup.setViewport({ width: 420, height: 700 });
      await popup.waitForFunction(
        (l: string) =>
          document.documentElement.lang === l && document.querySelectorAll('.code-row').length === 2,
        { timeout: WAIT, polling: 100 },
        lang,
      );
      await popup.waitForSelector('.code-row__actions button', { timeout: WAIT });
      const found: Record<number, Wrapped[]> = {};
      for (const w of WIDTHS) found[w] = await wrappedControls(popup, w);
      await popup.evaluate(() => {
        document.querySelector<HTMLElement>('.popup')!.style.width = '320px';
      });
      await popup.screenshot({ path: join(tmpdir(), `popup-320-${lang}-${BROWSER}.png`) });
      const buttons = await popup.$$eval('.code-row__actions button', (els) => els.map((e) => e.textContent));
      expect(buttons.length).toBeGreaterThanOrEqual(3);
      expect(found).toEqual({ 320: [], 360: [], 400: [] });
      await popup.close();
    }, 120_000);
  }
});
