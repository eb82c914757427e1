/**
 * Steps on Angel's portal pages with the portal assistant, shared by tests/e2e/portal.e2e.ts
 * and the demo: find the extension's in-page controls (closed shadow roots, also in
 * same-origin iframes) by their accessible names, read what they say, drive the pickers.
 */
import type { ElementHandle, Frame, JSHandle, Page } from 'puppeteer-core';
import type { ExtensionSession } from './harness';
import { shadowRootOf } from './closedShadow';

/** Every button of the extension's in-page UI in `frame` with accessible name `name`. */
async function buttonsInFrame(frame: Frame, name: string): Promise<ElementHandle<HTMLButtonElement>[]> {
  const out: ElementHandle<HTMLButtonElement>[] = [];
  // `pierce/` walks the page's own open shadow roots; the extension's roots are closed and
  // reached through the automation protocol (closedShadow.ts).
  const hosts = await frame.$$('pierce/smartapi-companion').catch(() => []);
  for (const host of hosts) {
    const root = await shadowRootOf(host).catch(() => null);
    if (!root) continue;
    const found: JSHandle<unknown> = await root.evaluateHandle((r: ShadowRoot, n: string) => {
      for (const b of Array.from(r.querySelectorAll('button'))) {
        const accName = (b.getAttribute('aria-label') ?? b.textContent ?? '').trim();
        if (accName === n && !b.disabled) {
          // Remember the root: the button may leave it when the control re-renders.
          (b as HTMLButtonElement & { __sacRoot?: ShadowRoot }).__sacRoot = r;
          return b;
        }
      }
      return null;
    }, name);
    if (await found.evaluate((b: unknown) => b !== null).catch(() => false))
      out.push(found as unknown as ElementHandle<HTMLButtonElement>);
    else await found.dispose().catch(() => {});
  }
  return out;
}

/**
 * A button of the extension's in-page UI, by its accessible name: searched in every frame
 * (same-origin iframes included), frame by frame so that Firefox can hand the element back.
 */
export async function companionButton(
  page: Page,
  name: string,
  timeout = 20_000,
): Promise<ElementHandle<HTMLButtonElement>> {
  return (await companionButtons(page, name, timeout))[0]!;
}

/** All such buttons (in document order of their controls), waiting for at least one. */
export async function companionButtons(
  page: Page,
  name: string,
  timeout = 20_000,
): Promise<ElementHandle<HTMLButtonElement>[]> {
  const start = Date.now();
  while (Date.now() - start < timeout) {
    for (const frame of page.frames()) {
      const found = await buttonsInFrame(frame, name);
      if (found.length) return found;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No "${name}" control appeared in the page`);
}

/** The (closed) shadow root a button of the in-page UI belongs to. */
export async function controlRoot(button: ElementHandle<HTMLButtonElement>): Promise<JSHandle<ShadowRoot>> {
  return button.evaluateHandle((b) => {
    const x = b as HTMLButtonElement & { __sacRoot?: ShadowRoot };
    x.__sacRoot ??= b.getRootNode() as ShadowRoot;
    return x.__sacRoot;
  });
}

/** Text of the in-page UI a button belongs to (report lines, status), even after re-renders. */
export async function controlText(button: ElementHandle<HTMLButtonElement>): Promise<string> {
  const root = await controlRoot(button);
  return root.evaluate((r) => (r.querySelector('.box')?.textContent ?? '').replace(/\s+/g, ' '));
}

export async function waitForControlText(
  button: ElementHandle<HTMLButtonElement>,
  pattern: RegExp,
  timeout = 15_000,
): Promise<string> {
  const start = Date.now();
  let text = '';
  while (Date.now() - start < timeout) {
    text = await controlText(button);
    if (pattern.test(text)) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`In-page control never showed ${pattern}; it shows: ${text}`);
}

export async function pageState(page: Page): Promise<Record<string, unknown>> {
  const frames: Frame[] = [page.mainFrame(), ...page.mainFrame().childFrames()];
  for (const f of frames) {
    const state = await f.evaluate(
      () => (window as unknown as { __state?: Record<string, unknown> }).__state ?? null,
    );
    if (state) return state;
  }
  throw new Error('The fixture form has no state');
}

export async function plainValues(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const el of Array.from(document.querySelectorAll<HTMLInputElement>('#create-app input[type=text]')))
      out[el.name] = el.value;
    out.api_type =
      document.querySelector<HTMLInputElement>('#create-app input[name=api_type]:checked')?.value ?? '';
    return out;
  });
}

export async function setProfiles(
  h: ExtensionSession,
  profiles: unknown[],
  selectedId = 'autotrader-web',
): Promise<void> {
  await h.inExtension(
    async (value: unknown) => {
      type Api = { storage: { local: { set(v: Record<string, unknown>): Promise<void> } } };
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      await (g.browser ?? g.chrome).storage.local.set({ portalProfiles: value });
    },
    { profiles, selectedId },
  );
}

/** Click a "Save … to account…" control, pick the account, press Save; returns the Save button. */
export async function chooseAccountAndSave(
  button: ElementHandle<HTMLButtonElement>,
  accountId: string,
): Promise<ElementHandle<HTMLButtonElement>> {
  await controlText(button);
  await button.click();
  const save = await button.evaluateHandle(async (b) => {
    // The start button leaves the shadow root when the picker replaces it: go through the root.
    const root = (b as HTMLButtonElement & { __sacRoot: ShadowRoot }).__sacRoot;
    for (let i = 0; i < 100; i++) {
      const select = root.querySelector<HTMLSelectElement>('select[aria-label="Account"]');
      const s = Array.from(root.querySelectorAll('button')).find((x) => x.textContent === 'Save');
      if (select && s) {
        (s as HTMLButtonElement & { __sacRoot: ShadowRoot }).__sacRoot = root;
        return s;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('no account picker; the control shows: ' + root.textContent);
  });
  await controlText(save as ElementHandle<HTMLButtonElement>);
  await save.evaluate((s, id) => {
    const select = (
      s as HTMLButtonElement & { __sacRoot: ShadowRoot }
    ).__sacRoot.querySelector<HTMLSelectElement>('select[aria-label="Account"]')!;
    select.value = id;
  }, accountId);
  await (save as ElementHandle<HTMLButtonElement>).click();
  return save as ElementHandle<HTMLButtonElement>;
}

interface StepContext {
  session: ExtensionSession;
  headless: boolean;
  log(line: string): void;
}

/** Every line the in-page control shows as a list item (the fill report). */
async function reportItems(button: ElementHandle<HTMLButtonElement>): Promise<string[]> {
  const root = await controlRoot(button);
  return root.evaluate((r) =>
    Array.from(r.querySelectorAll('li')).map((li) => (li.textContent ?? '').trim()),
  );
}

/**
 * The demo's portal step: fill the "+ ADD APP" form, refuse a private IP, capture an API
 * key on My APIs and the TOTP secret from a QR-only enable-totp page.
 */
export function portalDemoStep(
  accounts: readonly { label: string; totpSecret: string; platform: 'SMART_API' | 'SMART_API_M' }[],
) {
  return {
    title: 'Portal assistant: fill the create-app form, capture the API key and the TOTP secret',
    async run({ session, headless, log }: StepContext): Promise<void> {
      const profile = {
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
      };
      const privateIp = {
        ...profile,
        id: 'demo-private-ip',
        name: 'Office network (wrong IP)',
        builtIn: false,
        appName: 'OfficeApp',
        primaryIp: '192.168.1.20',
      };
      await setProfiles(session, [profile, privateIp]);
      log(
        'profiles: "AutoTrader Web" with sample static IP 49.36.12.7, and "Office network" with 192.168.1.20',
      );

      const apps = await session.openPage('https://smartapi.angelone.in/new/apps');
      await apps.evaluate(() => (document.getElementById('add-app') as HTMLButtonElement).click());
      const fill = await companionButton(apps, 'Fill with SmartAPI Companion');
      await fill.click();
      await waitForControlText(fill, /press the page’s own Create button yourself/);
      for (const line of await reportItems(fill)) log(`create-app: ${line}`);

      await fill.evaluate(async (b) => {
        const root = (b as HTMLButtonElement & { __sacRoot: ShadowRoot }).__sacRoot;
        for (let i = 0; i < 50 && !root.querySelector('select[aria-label="Registration profile"]'); i++)
          await new Promise((r) => setTimeout(r, 100));
        root.querySelector<HTMLSelectElement>('select[aria-label="Registration profile"]')!.value =
          'demo-private-ip';
      });
      await fill.click();
      await waitForControlText(fill, /Nothing was filled/);
      for (const line of await reportItems(fill)) log(`wrong profile: ${line}`);
      await (
        await controlRoot(fill)
      ).evaluate((r) => {
        const select = r.querySelector<HTMLSelectElement>('select[aria-label="Registration profile"]');
        if (select) select.value = 'autotrader-web';
      });
      if (headless) await apps.close();

      const list =
        await session.sendMessage<{ id: string; label: string; apiKeyLast4: string }[]>('accounts/list');
      const publisher = accounts.find((a) => a.platform === 'SMART_API_M') ?? accounts[0];
      const trading = accounts.find((a) => a.platform === 'SMART_API') ?? accounts[0];
      const publisherId = list.value?.find((a) => a.label === publisher?.label)?.id;
      const tradingId = list.value?.find((a) => a.label === trading?.label)?.id;
      if (!publisherId || !tradingId || !trading)
        throw new Error('the demo accounts are missing from the vault');

      const myApis = await session.openPage('https://smartapi.angelone.in/myapis');
      // Second app (PublisherApp): show only its secret key first.
      await myApis.evaluate(() => document.querySelectorAll<HTMLButtonElement>('button.reveal')[3]?.click());
      const saveKey = (await companionButtons(myApis, 'Save to account…'))[1]!;
      const saved = await chooseAccountAndSave(saveKey, publisherId);
      log(
        `My APIs, key still hidden: ${(await waitForControlText(saved, /hidden/)).replace(/^.*?Cancel/, '').trim()}`,
      );
      await myApis.evaluate(() => document.querySelectorAll<HTMLButtonElement>('button.reveal')[2]?.click());
      await saved.click();
      const keyText = await waitForControlText(saved, /Saved the API key/);
      log(`My APIs: ${keyText.replace(/^.*?(Saved)/, '$1')}`);
      if (headless) await myApis.close();

      const totp = await session.openPage(
        `https://smartapi.angelone.in/enable-totp?style=qr&secret=${trading.totpSecret}`,
      );
      const saveTotp = await companionButton(totp, 'Save TOTP secret to account…');
      const done = await chooseAccountAndSave(saveTotp, tradingId);
      const text = await waitForControlText(done, /Type this code/);
      log(`enable-totp (QR code only, decoded in the page): ${text.replace(/^.*?(Saved)/, '$1')}`);
      if (headless) await totp.close();
    },
  };
}
