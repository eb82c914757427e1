/**
 * "Fill TOTP here" inside iframes of Angel's portal pages, in the browser the harness runs
 * (Chromium and Firefox ESR): a portal page framing a same-origin page and a page of the other
 * Angel portal host (cross-origin), each with a code box. The menu click is driven through
 * the page message "shortcuts/fill-focused", which runs the very function the context menu's
 * onClicked runs with the clicked frame's id (headless browsers cannot open a context menu).
 * The code lands in the focused box of that frame only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { launchExtension, type ExtensionSession } from './harness';
import { front } from './flows';
import { FIXTURE_API_ACCOUNT, fixtureTotp } from '../fixtures/api/angelApi';
import { FRAMES_INNER_PATH, FRAMES_OUTER_PATH } from '../fixtures/frames/routes';

const PASSWORD = 'frames e2e password 1';
const LABEL = 'Frames e2e';
const WAIT = 20_000;

let h: ExtensionSession;

async function must<T>(type: string, data?: unknown): Promise<T> {
  const r = await h.sendMessage<T>(type, data);
  if (!r.ok) throw new Error(`${type} failed: ${r.code} ${r.message}`);
  return r.value as T;
}

/** The codes of the windows around now (the fill may happen near a window's edge). */
function codesAround(secret: string): Set<string> {
  const now = Date.now();
  return new Set([-30_000, 0, 30_000].map((d) => fixtureTotp(secret, now + d)));
}

async function waitForFrame(page: Page, name: string): Promise<Frame> {
  const deadline = Date.now() + WAIT;
  for (;;) {
    const frame = page.frames().find((f) => f.url().includes(`${FRAMES_INNER_PATH}?name=${name}`));
    if (frame) {
      await frame.waitForSelector('#code', { timeout: WAIT });
      return frame;
    }
    if (Date.now() > deadline) throw new Error(`frame ${name} never loaded`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The tab's id and each frame's id, as the browser (and so the context menu) knows them. */
async function tabFrames(): Promise<{ tabId: number; frames: { frameId: number; url: string }[] }> {
  return h.inExtension(async (path: string) => {
    type Api = {
      tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
      webNavigation: { getAllFrames(q: object): Promise<{ frameId: number; url: string }[] | null> };
    };
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const api = g.browser ?? g.chrome;
    const tabs = await api.tabs.query({ url: `https://smartapi.angelone.in${path}*` });
    const tabId = tabs[0]?.id ?? -1;
    const frames = tabId > 0 ? ((await api.webNavigation.getAllFrames({ tabId })) ?? []) : [];
    return { tabId, frames: frames.map((f) => ({ frameId: f.frameId, url: f.url })) };
  }, FRAMES_OUTER_PATH);
}

/** Choose "Fill TOTP here" in a frame; the frame's script may still be starting, so ask until it answers. */
async function fillIn(tabId: number, frameId: number): Promise<{ ok: boolean; reason?: string }> {
  const deadline = Date.now() + WAIT;
  for (;;) {
    const r = await must<{ ok: boolean; reason?: string }>('shortcuts/fill-focused', { tabId, frameId });
    if (r.ok || r.reason !== 'failed' || Date.now() > deadline) return r;
    await new Promise((res) => setTimeout(res, 200));
  }
}

const valueIn = (f: Frame | Page, sel: string) => f.$eval(sel, (e) => (e as HTMLInputElement).value);

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

describe('"Fill TOTP here" inside frames', () => {
  it('fills the focused box of a same-origin and of a cross-origin Angel frame, and only there', async () => {
    const page = await h.openPage(`https://smartapi.angelone.in${FRAMES_OUTER_PATH}`);
    await front(page);
    const same = await waitForFrame(page, 'same');
    const cross = await waitForFrame(page, 'cross');
    expect(new URL(cross.url()).hostname).toBe('smartapi.angelbroking.com');

    const { tabId, frames } = await tabFrames();
    expect(tabId).toBeGreaterThan(0);
    const idOf = (name: string) => frames.find((f) => f.url.includes(`?name=${name}`))?.frameId ?? -1;
    const sameId = idOf('same');
    const crossId = idOf('cross');
    expect(sameId).toBeGreaterThan(0);
    expect(crossId).toBeGreaterThan(0);
    const codes = codesAround(FIXTURE_API_ACCOUNT.totpSecret);

    await same.focus('#code');
    expect(await fillIn(tabId, sameId)).toEqual({ ok: true, label: LABEL });
    const sameValue = await valueIn(same, '#code');
    expect(codes.has(sameValue), `same-origin frame got "${sameValue}"`).toBe(true);
    expect(await same.evaluate(() => (window as unknown as { inputs: number }).inputs)).toBeGreaterThan(0);
    expect(await valueIn(cross, '#code')).toBe('');
    expect(await valueIn(page, '#outer-code')).toBe('');

    await cross.focus('#code');
    expect(await fillIn(tabId, crossId)).toEqual({ ok: true, label: LABEL });
    const crossValue = await valueIn(cross, '#code');
    expect(codes.has(crossValue), `cross-origin frame got "${crossValue}"`).toBe(true);
    expect(await cross.evaluate(() => (window as unknown as { inputs: number }).inputs)).toBeGreaterThan(0);
    expect(await valueIn(page, '#outer-code')).toBe('');

    // The top frame keeps its own fill (one script answers there, not two).
    await page.focus('#outer-code');
    expect(await fillIn(tabId, 0)).toEqual({ ok: true, label: LABEL });
    expect(codes.has(await valueIn(page, '#outer-code'))).toBe(true);

    // A frame with nothing focused: nothing filled, the user is told to click into the box.
    await cross.evaluate(() => {
      const el = document.getElementById('code') as HTMLInputElement;
      el.value = '';
      el.blur();
    });
    expect(await fillIn(tabId, crossId)).toEqual({ ok: false, reason: 'no-field' });
    expect(await valueIn(cross, '#code')).toBe('');
    await page.close();
  }, 120_000);
});
