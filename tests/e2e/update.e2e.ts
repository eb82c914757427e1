/**
 * Update safety: the current build installed over the stored data of each past release
 * (tests/fixtures/update/<version>.storage.json, captured from that release's own build by
 * tests/fixtures/update/capture.ts). The browser starts the new build on the release's data as
 * after an update; the vault must unlock with its password and every account, secret, profile,
 * setting and delivery target must be intact. Also: the options footer shows the version and
 * links the privacy policy page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSync } from 'otplib';
import { launchExtension, type ExtensionSession } from './harness';
import { optionsAccountLabels, popupCodes, unlock } from './flows';
import {
  RELEASE_ACCOUNTS,
  RELEASE_AUTO_LOCK_MINUTES,
  RELEASE_LOGIN_SETTINGS,
  RELEASE_PASSWORD,
  RELEASE_PROFILE,
  RELEASE_VALIDATION_TIMEOUT_MS,
  RELEASE_WEBHOOK_URL,
} from '../fixtures/update/releaseData';

const FIXTURE_DIR = join(__dirname, '../fixtures/update');
const FIXTURES = readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.storage.json'));
const VERSION = (
  JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string }
).version;

let session: ExtensionSession | undefined;
afterAll(async () => {
  await session?.close();
});

async function value<T>(h: ExtensionSession, type: string, data?: unknown): Promise<T> {
  const r = await h.sendMessage<T>(type, data);
  if (!r.ok) throw new Error(`${type} failed: ${r.message}`);
  return r.value as T;
}

describe('update safety', () => {
  it('there is stored data of at least one past release', () => {
    expect(FIXTURES.length).toBeGreaterThan(0);
  });

  for (const file of FIXTURES) {
    it(`installs over the data of release ${file.replace('.storage.json', '')}: everything intact`, async () => {
      const fixture = JSON.parse(readFileSync(join(FIXTURE_DIR, file), 'utf8')) as {
        local: Record<string, unknown>;
      };
      await session?.close();
      let h = await launchExtension();
      session = h;
      // The profile holds exactly the release's data; then the browser restarts, so the new
      // build's background starts on it as after an update (Firefox reinstalls the add-on).
      await h.inExtension(async (local: Record<string, unknown>) => {
        type Area = { clear(): Promise<void>; set(v: Record<string, unknown>): Promise<void> };
        const g = globalThis as unknown as {
          browser?: { storage: { local: Area } };
          chrome: { storage: { local: Area } };
        };
        const area = (g.browser ?? g.chrome).storage.local;
        await area.clear();
        await area.set(local);
      }, fixture.local);
      h = await h.restart();
      session = h;

      expect((await value<{ state: string }>(h, 'vault/status')).state).toBe('locked');
      const options = await h.openExtensionPage('options.html');
      await unlock(options, RELEASE_PASSWORD);
      expect(await optionsAccountLabels(options)).toEqual(RELEASE_ACCOUNTS.map((a) => a.label));

      type Summary = {
        id: string;
        label: string;
        clientCode: string;
        platform: string;
        notes: string;
        dailyLogin: boolean;
        hasMpin: boolean;
        hasTotpSecret: boolean;
        hasApiSecret: boolean;
        apiKeyLast4: string;
      };
      const accounts = await value<Summary[]>(h, 'accounts/list');
      for (const a of RELEASE_ACCOUNTS) {
        const s = accounts.find((x) => x.label === a.label)!;
        expect(s).toMatchObject({
          clientCode: a.clientCode,
          platform: a.platform,
          hasMpin: true,
          hasTotpSecret: true,
          hasApiSecret: a.apiSecret !== undefined,
          apiKeyLast4: a.apiKey.slice(-4),
          ...(a.notes !== undefined ? { notes: a.notes } : {}),
          ...(a.dailyLogin !== undefined ? { dailyLogin: a.dailyLogin } : {}),
        });
      }

      // The TOTP secrets decrypt to the same keys: the popup's codes match ones computed here.
      const popup = await h.openExtensionPage('popup.html');
      const before = Object.fromEntries(
        RELEASE_ACCOUNTS.map((a) => [a.label, generateSync({ secret: a.totpSecret })]),
      );
      const shown = await popupCodes(popup);
      const after = Object.fromEntries(
        RELEASE_ACCOUNTS.map((a) => [a.label, generateSync({ secret: a.totpSecret })]),
      );
      for (const a of RELEASE_ACCOUNTS) expect([before[a.label], after[a.label]]).toContain(shown[a.label]);

      expect((await value<{ autoLockMinutes: number | null }>(h, 'vault/status')).autoLockMinutes).toBe(
        RELEASE_AUTO_LOCK_MINUTES,
      );
      const login = await value<{ settings: unknown }>(h, 'login/overview');
      expect(login.settings).toEqual(RELEASE_LOGIN_SETTINGS);
      expect(await value<{ timeoutMs: number }>(h, 'validate/settings')).toMatchObject({
        timeoutMs: RELEASE_VALIDATION_TIMEOUT_MS,
      });

      const idOf = (label: string) => accounts.find((x) => x.label === label)!.id;
      const delivery = await value<{ targets: { accountId: string; kind: string; url?: string }[] }>(
        h,
        'delivery/overview',
      );
      const targets = delivery.targets.map((t) => ({ accountId: t.accountId, kind: t.kind, url: t.url }));
      expect(targets).toEqual(
        expect.arrayContaining([
          { accountId: idOf(RELEASE_ACCOUNTS[0]!.label), kind: 'webhook', url: RELEASE_WEBHOOK_URL },
          { accountId: idOf(RELEASE_ACCOUNTS[1]!.label), kind: 'angel-redirect', url: undefined },
        ]),
      );
      expect(targets).toHaveLength(2);

      // The registration profile, as the options page reads it.
      await options.bringToFront();
      await options.waitForFunction(
        (name: string) =>
          Array.from(document.querySelectorAll('option')).some((o) => o.textContent?.includes(name)),
        { timeout: 20_000, polling: 100 },
        RELEASE_PROFILE.name,
      );
    });
  }

  it('the options footer shows the version and opens the privacy policy', async () => {
    session ??= await launchExtension();
    const options = await session.openExtensionPage('options.html');
    const footer = await options.waitForSelector('footer[aria-label="About SmartAPI Companion"]', {
      timeout: 20_000,
    });
    expect(await footer!.evaluate((f) => f.textContent)).toContain(`Version ${VERSION}`);
    const href = await footer!.$eval('a', (a) => (a as HTMLAnchorElement).href);
    expect(href).toBe(`${session.extensionOrigin}/privacy.html`);
    const privacy = await session.openExtensionPage('privacy.html');
    await privacy.waitForFunction(
      () => document.querySelector('h1')?.textContent === 'Privacy policy — SmartAPI Companion',
      {
        timeout: 20_000,
        polling: 100,
      },
    );
    const text = await privacy.evaluate(() => document.body.innerText);
    expect(text).toContain('apiconnect.angelone.in');
    expect(text).not.toContain('<!--');
  });
});
