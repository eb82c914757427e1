/**
 * README screenshots: the popup and the setup page, light and dark, taken in headless Chromium
 * with the built extension (SAC_OUT_DIR or .output) and the look-alike Angel site.
 *   npm run build && npx tsx scripts/screenshots.ts   (Chromium; the harness default)
 * Writes docs/screenshots/{popup,setup}-{light,dark}.png. With --store: the store screenshots
 * (1280×800, store/screenshots/), see scripts/screenshots-store.ts.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { launchExtension, type ExtensionSession } from '../tests/e2e/harness';
import { FIXTURE_API_ACCOUNT } from '../tests/fixtures/api/angelApi';

const OUT = 'docs/screenshots';

async function must<T>(h: ExtensionSession, type: string, data?: unknown): Promise<T> {
  const r = await h.sendMessage<T>(type, data);
  if (!r.ok) throw new Error(`${type} failed: ${r.code} ${r.message}`);
  return r.value as T;
}

function input(over: Record<string, unknown>) {
  return {
    label: '',
    clientCode: '',
    mpin: '',
    totpSecret: '',
    apiKey: '',
    apiSecret: '',
    platform: 'SMART_API',
    redirectUrl: 'https://webx.stocksdeveloper.in/auth/angel',
    notes: '',
    dailyLogin: false,
    autoFill: false,
    ...over,
  };
}

async function shoot(page: Page, name: string, fullPage: boolean): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await new Promise((r) => setTimeout(r, 400));
    await page.screenshot({ path: `${OUT}/${name}-${scheme}.png`, fullPage });
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const h = await launchExtension();
  try {
    await must(h, 'vault/create', { password: 'screenshot vault 2026' });
    const main = await must<{ account: { id: string } }>(h, 'accounts/save', {
      input: input({
        label: 'Main',
        clientCode: FIXTURE_API_ACCOUNT.clientCode,
        mpin: FIXTURE_API_ACCOUNT.mpin,
        totpSecret: FIXTURE_API_ACCOUNT.totpSecret,
        apiKey: FIXTURE_API_ACCOUNT.apiKey,
      }),
    });
    await must(h, 'accounts/save', {
      input: input({
        label: 'Family',
        clientCode: 'F778899',
        mpin: '2468',
        totpSecret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
        platform: 'SMART_API_M',
      }),
    });
    await must(h, 'validate/account', { accountId: main.account.id });
    await h.inExtension(async () => {
      type Api = { storage: { local: { set(v: Record<string, unknown>): Promise<void> } } };
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      await (g.browser ?? g.chrome).storage.local.set({
        portalProfiles: {
          selectedId: 'autotrader-web',
          profiles: [
            {
              id: 'autotrader-web',
              name: 'AutoTrader Web',
              builtIn: true,
              appName: 'MyTradingApp',
              redirectUrl: 'https://webx.stocksdeveloper.in/auth/angel',
              postbackUrl: 'https://apix.stocksdeveloper.in/postback/angel',
              apiType: 'trading',
              clientId: '',
              primaryIp: '49.36.12.7',
              secondaryIp: '',
            },
          ],
        },
      });
    });

    const popup = await h.openExtensionPage('popup.html');
    await popup.setViewport({ width: 380, height: 430 });
    await popup.waitForSelector('[data-testid="totp-code"]');
    await popup.bringToFront();
    await shoot(popup, 'popup', false);

    const setup = await h.openExtensionPage('setup.html');
    await setup.setViewport({ width: 980, height: 900 });
    await setup.waitForSelector('.setup-account .step[data-step="verified"][data-state="done"]', {
      timeout: 20_000,
    });
    await setup.bringToFront();
    await shoot(setup, 'setup', true);
  } finally {
    await h.close();
  }
}

if (process.argv.includes('--store')) {
  // Store-sized screenshots (1280×800): scripts/screenshots-store.ts.
  void import('./screenshots-store')
    .then(({ storeScreenshots }) => storeScreenshots())
    .then(
      (files) => console.log(`Store screenshots written: ${files.join(', ')}`),
      (err: unknown) => {
        console.error(err);
        process.exitCode = 1;
      },
    );
} else {
  void main().then(
    () => console.log(`Screenshots written to ${OUT}/`),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
