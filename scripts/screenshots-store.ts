/**
 * Store screenshots, 1280×800, light and dark, from the demo's fixtures: the demo's walk-through
 * (vault, two sample accounts, validation, daily login, portal assistant) runs in headless
 * Chromium against the look-alike Angel site, then each screen is taken:
 *   popup (live TOTP codes), create-app (the form filled by the assistant), daily-login (the
 *   popup's login steps), setup (the setup checklist).
 * Small pages (the popup) are centred on a 1280×800 canvas of the theme's background.
 *   npm run build && npx tsx scripts/screenshots.ts --store
 * Writes store/screenshots/<screen>-<light|dark>.png.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'puppeteer-core';

const OUT = 'store/screenshots';
const SIZE = { width: 1280, height: 800 };
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];
const CANVAS: Record<Scheme, { bg: string; fg: string }> = {
  light: { bg: '#eef1f5', fg: '#1b1f24' },
  dark: { bg: '#0d1014', fg: '#e6e9ee' },
};

async function scheme(page: Page, s: Scheme): Promise<void> {
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: s }]);
  // Wait for the page to have painted with the new colours.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

export async function storeScreenshots(): Promise<string[]> {
  process.env.E2E_BROWSER = 'chromium';
  const { launchExtension } = await import('../tests/e2e/harness');
  const { startReceiver } = await import('../tests/e2e/receiver');
  const { DEMO_ACCOUNTS, DEMO_STEPS } = await import('./demo/steps');
  const { loginInPopup, knownToLoginFixture } = await import('../tests/e2e/loginFlows');
  const { companionButton, waitForControlText } = await import('../tests/e2e/portalFlows');
  mkdirSync(OUT, { recursive: true });
  const written: string[] = [];
  const receiver = await startReceiver({ port: 0 });
  const h = await launchExtension();
  try {
    for (const step of DEMO_STEPS) {
      await step.run({ session: h, receiver, headless: true, log: () => {} });
    }

    // A small page (the popup) on a full-size canvas of the same theme.
    const canvas = await h.browser.newPage();
    await canvas.setViewport(SIZE);
    const framed = async (page: Page, name: string, caption: string) => {
      for (const s of SCHEMES) {
        await page.bringToFront();
        await scheme(page, s);
        const shot = Buffer.from(await page.screenshot({ type: 'png' })).toString('base64');
        const c = CANVAS[s];
        await canvas.setContent(
          `<body style="margin:0;height:800px;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:24px;background:${c.bg};color:${c.fg};font:600 28px system-ui,'Noto Sans',sans-serif">` +
            `<div>${caption}</div><img alt="" style="border-radius:12px;box-shadow:0 8px 32px rgba(0,0,0,.35)" src="data:image/png;base64,${shot}"></body>`,
        );
        await canvas.bringToFront();
        const path = `${OUT}/${name}-${s}.png`;
        await canvas.screenshot({ path });
        written.push(path);
      }
    };
    const full = async (page: Page, name: string) => {
      await page.setViewport(SIZE);
      for (const s of SCHEMES) {
        await page.bringToFront();
        await scheme(page, s);
        const path = `${OUT}/${name}-${s}.png`;
        await page.screenshot({ path });
        written.push(path);
      }
    };

    const popup = await h.openExtensionPage('popup.html');
    await popup.setViewport({ width: 380, height: 520 });
    await popup.waitForSelector('[data-testid="totp-code"]');
    await framed(popup, 'popup', 'Live TOTP codes for every Angel One account');

    const publisher = DEMO_ACCOUNTS.find((a) => a.platform === 'SMART_API_M')!;
    knownToLoginFixture(h, publisher);
    const loginPopup = await h.openExtensionPage('popup.html');
    await loginPopup.setViewport({ width: 380, height: 640 });
    const r = await loginInPopup(loginPopup, publisher.label);
    if (!r.ok) throw new Error(`The daily login failed: ${r.text}`);
    await framed(loginPopup, 'daily-login', 'Daily login on Angel’s page, step by step');

    const apps = await h.openPage('https://smartapi.angelone.in/new/apps');
    await apps.setViewport(SIZE);
    await apps.evaluate(() => (document.getElementById('add-app') as HTMLButtonElement).click());
    const fill = await companionButton(apps, 'Fill with SmartAPI Companion');
    await fill.click();
    await waitForControlText(fill, /press the page’s own Create button yourself/);
    await full(apps, 'create-app');

    const setup = await h.openExtensionPage('setup.html');
    await setup.waitForSelector('.setup-account .step[data-step="verified"][data-state="done"]', {
      timeout: 20_000,
    });
    await full(setup, 'setup');
  } finally {
    await h.close();
    await receiver.dispose();
  }
  return written;
}
