/**
 * Test-only access to the extension's CLOSED shadow roots. Page scripts get `null` for
 * `host.shadowRoot`; the browser's automation protocol still sees every root:
 * - Chromium (CDP): DOM.describeNode with `pierce` lists the host's shadow roots, and
 *   DOM.resolveNode turns one into an object of the page's main world;
 * - Firefox (WebDriver BiDi): script.callFunction with `includeShadowTree: 'all'` serializes
 *   the host with its shadow root, which puppeteer can then wrap as a handle.
 * Both go through puppeteer internals (not part of its public API), so they live here only.
 */
import type { ElementHandle, JSHandle, Page } from 'puppeteer-core';
import { BROWSER } from './harness';

interface CdpRealm {
  client: { send(method: string, params: object): Promise<Record<string, unknown>> };
  adoptBackendNode(id: number): Promise<JSHandle<Node>>;
}
interface BidiRemote {
  type: string;
  sharedId?: string;
  value?: { shadowRoot?: BidiRemote | null };
}
interface BidiRealm {
  realm: {
    callFunction(
      fn: string,
      awaitPromise: boolean,
      opts: Record<string, unknown>,
    ): Promise<{ type: string; result: BidiRemote }>;
  };
  createHandle(value: BidiRemote): JSHandle<unknown>;
}

/** The shadow root (open or closed) of `host`, or null when it has none. */
export async function shadowRootOf(host: ElementHandle<Element>): Promise<JSHandle<ShadowRoot> | null> {
  const h = host as unknown as {
    realm: unknown;
    remoteObject?: () => { objectId?: string };
    remoteValue?: () => BidiRemote;
  };
  if (BROWSER === 'chromium') {
    const realm = h.realm as CdpRealm;
    const objectId = (h.remoteObject as () => { objectId?: string })().objectId;
    const { node } = (await realm.client.send('DOM.describeNode', { objectId, depth: 1, pierce: true })) as {
      node: { shadowRoots?: { backendNodeId: number }[] };
    };
    const root = node.shadowRoots?.[0];
    if (!root) return null;
    return (await realm.adoptBackendNode(root.backendNodeId)) as unknown as JSHandle<ShadowRoot>;
  }
  const realm = h.realm as BidiRealm;
  const remote = (h.remoteValue as () => BidiRemote)();
  const res = await realm.realm.callFunction('(e) => e', false, {
    arguments: [{ sharedId: remote.sharedId }],
    resultOwnership: 'none',
    serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
  });
  const root = res.result.value?.shadowRoot;
  if (!root?.sharedId) return null;
  return realm.createHandle({ type: 'node', sharedId: root.sharedId }) as JSHandle<ShadowRoot>;
}

/** The root of the first `selector` host in the page (e.g. the login page's panel), or null. */
export async function rootIn(page: Page, selector: string): Promise<JSHandle<ShadowRoot> | null> {
  const host = await page.$(selector).catch(() => null);
  return host ? shadowRootOf(host).catch(() => null) : null;
}

/** Text of the login page's panel ('' while it is not there). */
export async function loginPanelText(page: Page): Promise<string> {
  const root = await rootIn(page, 'smartapi-companion-login');
  return root ? ((await root.evaluate((r) => r.textContent ?? '').catch(() => '')) as string) : '';
}

/** Names of the login panel's buttons (Close excluded). */
export async function loginPanelButtons(page: Page): Promise<string[]> {
  const root = await rootIn(page, 'smartapi-companion-login');
  if (!root) return [];
  return root
    .evaluate((r) =>
      Array.from(r.querySelectorAll('button'))
        .map((b) => b.textContent ?? '')
        .filter((t) => t !== 'Close'),
    )
    .catch(() => []);
}

/** A button of the login panel by its text, as a handle puppeteer can click for real. */
export async function loginPanelButton(page: Page, text: string): Promise<ElementHandle<HTMLButtonElement>> {
  const root = await rootIn(page, 'smartapi-companion-login');
  if (!root) throw new Error('no login panel');
  const b: JSHandle<unknown> = await root.evaluateHandle(
    (r, t) => Array.from(r.querySelectorAll('button')).find((x) => x.textContent === t) ?? null,
    text,
  );
  if (!(await b.evaluate((x: unknown) => x !== null)))
    throw new Error(`no "${text}" button in the login panel`);
  return b as unknown as ElementHandle<HTMLButtonElement>;
}

/** Names of the buttons of the first `selector` control ([] while it is not there). */
export async function controlButtons(page: Page, selector: string): Promise<string[]> {
  const root = await rootIn(page, selector);
  if (!root) return [];
  return root
    .evaluate((r) => Array.from(r.querySelectorAll('button')).map((b) => b.textContent ?? ''))
    .catch(() => []);
}

/** Text of the first `selector` control ('' while it is not there). */
export async function controlText(page: Page, selector: string): Promise<string> {
  const root = await rootIn(page, selector);
  return root ? ((await root.evaluate((r) => r.textContent ?? '').catch(() => '')) as string) : '';
}

/** A button of the first `selector` control by its text, waited for, as a handle puppeteer can click for real. */
export async function controlButton(
  page: Page,
  selector: string,
  text: string,
  timeoutMs = 15_000,
): Promise<ElementHandle<HTMLButtonElement>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const root = await rootIn(page, selector);
    if (root) {
      const b: JSHandle<unknown> = await root.evaluateHandle(
        (r, t) => Array.from(r.querySelectorAll('button')).find((x) => x.textContent === t) ?? null,
        text,
      );
      if (await b.evaluate((x: unknown) => x !== null).catch(() => false))
        return b as unknown as ElementHandle<HTMLButtonElement>;
    }
    if (Date.now() > until) throw new Error(`no "${text}" button in ${selector}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
