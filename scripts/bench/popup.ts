/**
 * Popup benchmark (Chromium): how fast the popup shows every code, against a blank extension
 * page opened in the same browser, and how long an unlock takes.
 *
 * Method (printed beside the figures by describePopupMethod):
 * - the built extension is copied to a temporary folder with one extra file, bench-blank.html
 *   (an empty extension page: no script, no style), so both pages come from the same origin;
 * - the vault is created with the production KDF (PBKDF2-SHA256, 600,000 iterations) and N
 *   accounts with TOTP secrets, unlocked;
 * - each open is a new 320×480 tab; a script injected before the page's own records
 *   performance.now() at the first animation frame after all N six-digit codes are in the DOM
 *   (the blank page: after its body is there). Time zero is the navigation start;
 * - blank and popup opens alternate (2 warm-up pairs, then `runs` pairs); medians are compared;
 * - unlock: the popup locked, the password typed, Enter pressed; from the form's submit event to
 *   the first animation frame with all N codes in the DOM.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchExtension, type ExtensionSession } from '../../tests/e2e/harness';
import { median } from './fill';

export interface PopupBenchResult {
  n: number;
  blankMs: number[];
  popupMs: number[];
  medianBlankMs: number;
  medianPopupMs: number;
  ratio: number;
}

const PASSWORD = 'bench master password';
/** A valid base32 secret per account (distinct, 32 characters). */
function secretFor(i: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let s = '';
  let x = i + 1;
  for (let k = 0; k < 32; k++) {
    s += alphabet[(x * 7 + k * 13) % 32];
    x = (x * 31 + 17) % 1021;
  }
  return s;
}

// Runs in the page before its own scripts. Plain JavaScript in a string so no build tool rewrites it.
const PROBE = `(() => {
  const want = Number(sessionStorage.getItem('__benchWant') || '0');
  window.__bench = {};
  const frameAfter = (key) => requestAnimationFrame(() => { window.__bench[key] = performance.now(); });
  const blank = location.pathname.endsWith('/bench-blank.html');
  let t0 = null;
  document.addEventListener('submit', () => { t0 = performance.now(); window.__bench.submit = t0; }, true);
  const check = () => {
    if (blank) {
      if (document.body && !window.__bench.armed) { window.__bench.armed = 1; frameAfter('done'); }
      return;
    }
    const codes = document.querySelectorAll('[data-testid="totp-code"]');
    if (codes.length >= want && want > 0 && !window.__bench.armed) {
      let ok = true;
      for (const c of codes) if (!/^\\d{3} \\d{3}$/.test(c.textContent || '')) { ok = false; break; }
      if (ok) { window.__bench.armed = 1; frameAfter('done'); }
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  document.addEventListener('DOMContentLoaded', check);
})()`;

async function openTimed(session: ExtensionSession, path: string, want: number): Promise<number> {
  const page = await session.browser.newPage();
  try {
    await page.setViewport({ width: 320, height: 480 });
    await page.evaluateOnNewDocument(`sessionStorage.setItem('__benchWant', '${want}');${PROBE}`);
    await page.goto(`${session.extensionOrigin}/${path}`, { waitUntil: 'domcontentloaded' });
    const handle = await page.waitForFunction(
      () => (window as unknown as { __bench?: { done?: number } }).__bench?.done ?? null,
      { timeout: 30_000, polling: 50 },
    );
    return (await handle.jsonValue()) as number;
  } finally {
    await page.close();
  }
}

async function send<T>(session: ExtensionSession, type: string, data?: unknown): Promise<T> {
  const reply = await session.sendMessage<T>(type, data);
  if (!reply.ok) throw new Error(`${type}: ${reply.message ?? reply.code}`);
  return reply.value as T;
}

async function addAccounts(session: ExtensionSession, from: number, to: number): Promise<void> {
  for (let i = from; i < to; i++) {
    const res = await send<{ errors?: unknown }>(session, 'accounts/save', {
      input: {
        label: `Account ${String(i + 1).padStart(3, '0')}`,
        clientCode: `B${String(100000 + i)}`,
        mpin: '4821',
        totpSecret: secretFor(i),
        apiKey: `key${i}abcdef`,
        apiSecret: '',
        platform: 'SMART_API',
        redirectUrl: '',
        notes: '',
        dailyLogin: false,
        autoFill: false,
      },
    });
    if (res.errors) throw new Error(`account ${i}: ${JSON.stringify(res.errors)}`);
  }
}

/** Time from the unlock form's submit to all N codes on screen, in one popup tab. */
async function timedUnlock(session: ExtensionSession, want: number): Promise<number> {
  await send(session, 'vault/lock');
  const page: Page = await session.browser.newPage();
  try {
    await page.setViewport({ width: 320, height: 480 });
    await page.evaluateOnNewDocument(`sessionStorage.setItem('__benchWant', '${want}');${PROBE}`);
    await page.goto(`${session.extensionOrigin}/popup.html`, { waitUntil: 'domcontentloaded' });
    const field = await page.waitForSelector('input[type="password"]', { timeout: 30_000 });
    await field!.type(PASSWORD);
    await field!.press('Enter');
    const handle = await page.waitForFunction(
      () => {
        const b = (window as unknown as { __bench?: { done?: number; submit?: number } }).__bench;
        return b?.done && b.submit ? b.done - b.submit : null;
      },
      { timeout: 30_000, polling: 50 },
    );
    return (await handle.jsonValue()) as number;
  } finally {
    await page.close();
  }
}

export interface PopupBench {
  sizes: PopupBenchResult[];
  unlockMs: number[];
  medianUnlockMs: number;
  unlockN: number;
}

/**
 * Run the popup benchmark against the built Chrome extension in `outDir` (its chrome-mv3
 * folder is copied, never changed).
 */
export async function runPopupBench(
  outDir: string,
  runs: number,
  log: (line: string) => void = console.log,
  counts: number[] = [50, 150],
  unlockRuns = 5,
): Promise<PopupBench> {
  const copy = mkdtempSync(join(tmpdir(), 'sac-bench-'));
  cpSync(join(outDir, 'chrome-mv3'), join(copy, 'chrome-mv3'), { recursive: true });
  writeFileSync(
    join(copy, 'chrome-mv3', 'bench-blank.html'),
    '<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>blank</title></head><body></body></html>',
  );
  const previous = process.env.SAC_OUT_DIR;
  process.env.SAC_OUT_DIR = copy;
  let session: ExtensionSession | null = null;
  try {
    session = await launchExtension();
    await send(session, 'vault/create', { password: PASSWORD });
    const sizes: PopupBenchResult[] = [];
    let unlockMs: number[] = [];
    let have = 0;
    for (const n of [...counts].sort((a, b) => a - b)) {
      log(`adding accounts ${have + 1}–${n}…`);
      await addAccounts(session, have, n);
      have = n;
      const blankMs: number[] = [];
      const popupMs: number[] = [];
      for (let i = 0; i < runs + 2; i++) {
        // Alternate which goes first, so neither always gets the warmer browser.
        const first = i % 2 === 0;
        const b1 = first ? await openTimed(session, 'bench-blank.html', 0) : null;
        const p = await openTimed(session, 'popup.html', n);
        const b = b1 ?? (await openTimed(session, 'bench-blank.html', 0));
        if (i >= 2) {
          blankMs.push(b);
          popupMs.push(p);
        }
      }
      const r: PopupBenchResult = {
        n,
        blankMs,
        popupMs,
        medianBlankMs: median(blankMs),
        medianPopupMs: median(popupMs),
        ratio: median(popupMs) / median(blankMs),
      };
      log(
        `N=${n}: popup median ${r.medianPopupMs.toFixed(1)} ms, blank median ${r.medianBlankMs.toFixed(1)} ms, ratio ${r.ratio.toFixed(2)}×`,
      );
      sizes.push(r);
      if (n === 50 && unlockRuns > 0) {
        await timedUnlock(session, n); // warm-up
        unlockMs = [];
        for (let i = 0; i < unlockRuns; i++) unlockMs.push(await timedUnlock(session, n));
        log(
          `unlock at N=50: median ${median(unlockMs).toFixed(0)} ms (${unlockMs.map((x) => x.toFixed(0)).join(', ')})`,
        );
      }
    }
    return { sizes, unlockMs, medianUnlockMs: unlockMs.length ? median(unlockMs) : NaN, unlockN: 50 };
  } finally {
    await session?.close();
    if (previous === undefined) delete process.env.SAC_OUT_DIR;
    else process.env.SAC_OUT_DIR = previous;
    rmSync(copy, { recursive: true, force: true });
  }
}

export function describePopupMethod(runs: number): string {
  return [
    `Method: headless Chromium, popup.html opened as a 320×480 tab, vault unlocked (PBKDF2-SHA256 600k), N accounts;`,
    `time from navigation start to the first animation frame after all N six-digit codes are in the DOM, over the same`,
    `time for a blank extension page (no script) in the same run; 2 warm-ups, ${runs} interleaved opens each, medians.`,
    `Unlock: password typed in the locked popup, Enter; submit → first frame with all N codes, median of 5.`,
  ].join('\n');
}
