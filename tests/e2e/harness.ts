/**
 * End-to-end harness: the BUILT extension in headless Chromium or Firefox ESR (system
 * browsers, puppeteer-core), with the look-alike Angel site served at Angel's real host
 * names. The browser comes from E2E_BROWSER ('chromium' | 'firefox'); `npm test` runs
 * every tests/e2e/*.e2e.ts file once per browser.
 *
 *   const h = await launchExtension();
 *   const popup = await h.openExtensionPage('popup.html');
 *   ...
 *   await h.close();
 */
import puppeteer, { type Browser, type Page, type CDPSession } from 'puppeteer-core';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findBrowser, type BrowserName } from './browsers';
import { startFixtureServer, type FixtureServer } from '../fixtures/server';

export const BROWSER: BrowserName = process.env.E2E_BROWSER === 'firefox' ? 'firefox' : 'chromium';
export const GECKO_ID = 'smartapi-companion@companion-extension.org';
/** Pinned internal UUID of the add-on in test and demo Firefox profiles. */
export const FIREFOX_UUID = '5b1e4c1e-9d7a-4f4b-8a43-6a1f1c0de001';

export function outputDir(): string {
  return resolve(process.env.SAC_OUT_DIR || '.output');
}
export function builtExtensionPath(name: BrowserName = BROWSER): string {
  const dir = join(outputDir(), name === 'firefox' ? 'firefox-mv2' : 'chrome-mv3');
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(
      `The extension is not built at ${dir}. Run "npm run build${name === 'firefox' ? ':firefox' : ''}" first.`,
    );
  }
  return dir;
}

export interface LaunchOptions {
  /** Reuse a profile folder (for restart tests); a fresh temporary one otherwise. */
  profileDir?: string;
  /** Reuse a running fixture server (for restart tests). */
  fixture?: FixtureServer;
  headless?: boolean;
  /** Extra Firefox prefs / Chromium args. */
  firefoxPrefs?: Record<string, unknown>;
  chromiumArgs?: string[];
  /** Extra environment of the browser process (Chromium on Linux takes its UI language from LANGUAGE). */
  env?: Record<string, string>;
}

export interface ExtensionSession {
  name: BrowserName;
  browser: Browser;
  fixture: FixtureServer;
  profileDir: string;
  /** chrome-extension://ID or moz-extension://UUID, without trailing slash. */
  extensionOrigin: string;
  /** Opens an extension page (popup.html, options.html, ...) in a new tab and waits for it to render. */
  openExtensionPage(path: string): Promise<Page>;
  /** Opens any URL (e.g. https://smartapi.angelone.in/create) in a new tab. */
  openPage(url: string): Promise<Page>;
  /** Runs code in an extension page (storage, runtime messaging) and returns its result. */
  inExtension<T>(fn: (...args: never[]) => T | Promise<T>, ...args: unknown[]): Promise<T>;
  /** Sends one message of the extension's protocol as an extension page would. */
  sendMessage<T = unknown>(
    type: string,
    data?: unknown,
  ): Promise<{ ok: boolean; value?: T; code?: string; message?: string }>;
  /** Dump a storage area as seen by the extension. */
  storageDump(area: 'local' | 'sync' | 'session'): Promise<Record<string, unknown>>;
  /** Chromium: stop the MV3 service worker (memory lost, storage kept). Firefox: reloads nothing; returns false. */
  stopServiceWorker(): Promise<boolean>;
  /** Close the browser and start it again on the same profile (and same fixture server). */
  restart(): Promise<ExtensionSession>;
  close(options?: { keepProfile?: boolean; keepFixture?: boolean }): Promise<void>;
}

const CHROMIUM_BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable',
];

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const fixture = options.fixture ?? (await startFixtureServer());
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), `sac-${BROWSER}-`));
  const headless = options.headless ?? true;
  const executablePath = findBrowser(BROWSER);
  const extPath = builtExtensionPath();

  // A browser that starts but never shows the extension (a slow service worker on a loaded
  // CI machine) is closed and started once more; a second failure is the test's failure.
  let started: { browser: Browser; extensionOrigin: string };
  try {
    started = await startBrowser();
  } catch (err) {
    console.warn(
      `[harness] ${BROWSER} did not start the extension (${(err as Error).message}); trying once more.`,
    );
    started = await startBrowser();
  }
  const { browser, extensionOrigin } = started;

  async function startBrowser(): Promise<{ browser: Browser; extensionOrigin: string }> {
    let launched: Browser | undefined;
    try {
      return await launchBrowser((b) => (launched = b));
    } catch (err) {
      await launched?.close().catch(() => {});
      throw err;
    }
  }

  async function launchBrowser(
    onLaunched: (b: Browser) => void,
  ): Promise<{ browser: Browser; extensionOrigin: string }> {
    let browser: Browser;
    let extensionOrigin: string;

    if (BROWSER === 'chromium') {
      browser = await puppeteer.launch({
        executablePath,
        headless,
        pipe: true,
        userDataDir: profileDir,
        acceptInsecureCerts: true,
        enableExtensions: [extPath],
        defaultViewport: null,
        ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
        args: [
          ...CHROMIUM_BASE_ARGS,
          // Every https host name goes to the local look-alike site; loopback stays loopback
          // so local backends (token receivers) are reached directly.
          `--host-resolver-rules=MAP * 127.0.0.1:${fixture.httpsPort}, EXCLUDE 127.0.0.1, EXCLUDE localhost`,
          '--ignore-certificate-errors',
          ...(options.chromiumArgs ?? []),
        ],
      });
      onLaunched(browser);
      const worker = await browser.waitForTarget(
        (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
        { timeout: 20_000 },
      );
      // URL.origin is "null" for chrome-extension: in Node; cut the scheme and host by hand.
      extensionOrigin = /^chrome-extension:\/\/[^/]+/.exec(worker.url())![0];
    } else {
      browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath,
        headless,
        userDataDir: profileDir,
        acceptInsecureCerts: true,
        defaultViewport: null,
        args: ['--remote-allow-system-access'],
        extraPrefsFirefox: {
          'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
          // Keep the add-on's storage and UUID across the reinstall that follows a restart
          // (temporary add-ons are uninstalled when Firefox quits).
          'extensions.webextensions.keepStorageOnUninstall': true,
          'extensions.webextensions.keepUuidOnUninstall': true,
          'network.proxy.type': 1,
          'network.proxy.ssl': '127.0.0.1',
          'network.proxy.ssl_port': fixture.proxyPort,
          'network.proxy.allow_hijacking_localhost': true,
          'network.proxy.no_proxies_on': '',
          'dom.security.https_only_mode': false,
          'browser.shell.checkDefaultBrowser': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'toolkit.telemetry.enabled': false,
          'app.update.enabled': false,
          'extensions.update.enabled': false,
          ...(options.firefoxPrefs ?? {}),
        },
      });
      onLaunched(browser);
      await browser.installExtension(extPath);
      extensionOrigin = `moz-extension://${FIREFOX_UUID}`;
    }
    return { browser, extensionOrigin };
  }

  let helperPage: Page | undefined;
  const extensionPage = async (): Promise<Page> => {
    if (helperPage && !helperPage.isClosed()) return helperPage;
    helperPage = await openExtensionPage('_blank_helper');
    return helperPage;
  };

  async function openExtensionPage(path: string): Promise<Page> {
    const page = await browser.newPage();
    const target = path === '_blank_helper' ? 'popup.html?harness=1' : path;
    const url = `${extensionOrigin}/${target}`;
    // Firefox may never resolve goto() on moz-extension pages although they load, and an
    // evaluate racing the navigation can throw: poll until the page is there.
    void page.goto(url).catch(() => {});
    const deadline = Date.now() + 20_000;
    for (;;) {
      const ready = await page
        .evaluate((u: string) => location.href === u && document.readyState === 'complete', url)
        .catch(() => false);
      if (ready) break;
      if (Date.now() > deadline) throw new Error(`The extension page ${url} did not load within 20 s.`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return page;
  }

  async function openPage(url: string): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  const session: ExtensionSession = {
    name: BROWSER,
    browser,
    fixture,
    profileDir,
    extensionOrigin,
    openExtensionPage,
    openPage,
    async inExtension(fn, ...args) {
      const page = await extensionPage();
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- puppeteer's evaluate typing cannot express the variadic form
      return page.evaluate(fn as any, ...args) as any;
    },
    async sendMessage(type, data) {
      const page = await extensionPage();
      return page.evaluate(
        async (t: string, d: unknown) => {
          const api =
            (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
          return (await api.runtime.sendMessage({ __sac: 1, type: t, data: d })) as never;
        },
        type,
        data as never,
      );
    },
    async storageDump(area) {
      const page = await extensionPage();
      return page.evaluate(async (a: string) => {
        const api =
          (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
        const store = (api.storage as unknown as Record<string, chrome.storage.StorageArea | undefined>)[a];
        return store ? ((await store.get(null)) as Record<string, unknown>) : {};
      }, area);
    },
    async stopServiceWorker() {
      if (BROWSER !== 'chromium') return false;
      const page = await browser.newPage();
      let cdp: CDPSession | undefined;
      try {
        cdp = await page.createCDPSession();
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
      } finally {
        await cdp?.detach().catch(() => {});
        await page.close().catch(() => {});
      }
      return true;
    },
    async restart() {
      await session.close({ keepProfile: true, keepFixture: true });
      return launchExtension({ ...options, profileDir, fixture });
    },
    async close(opts = {}) {
      await browser.close().catch(() => {});
      if (!opts.keepFixture && !options.fixture) await fixture.close();
      if (!opts.keepProfile && !options.profileDir) rmSync(profileDir, { recursive: true, force: true });
    },
  };
  return session;
}
