/**
 * A backup restores the whole set-up on a new browser, in the browser the harness runs
 * (Chromium and Firefox ESR): accounts, the webhook target with its signing secret, and the
 * daily-login settings. The first-run restore form previews each part with its count; after
 * the restore the page says which webhook site needs access again and offers the button.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BROWSER, launchExtension, type ExtensionSession } from './harness';
import { buttonByName, click, fieldByLabel, fill, front } from './flows';
import { FIXTURE_API_ACCOUNT } from '../fixtures/api/angelApi';

const PASSWORD = 'restore set-up password 1';
const BACKUP_PASSWORD = 'restore backup password 1';
const HOOK = 'https://bot.example.net/hook';
const WAIT = 20_000;

const tmp = mkdtempSync(join(tmpdir(), 'sac-restore-'));
let h: ExtensionSession | null = null;

async function must<T>(s: ExtensionSession, type: string, data?: unknown): Promise<T> {
  const r = await s.sendMessage<T>(type, data);
  if (!r.ok) throw new Error(`${type} failed: ${r.code} ${r.message}`);
  return r.value as T;
}

afterAll(async () => {
  await h?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe(`backup restore of the whole set-up (${BROWSER})`, () => {
  it('a new browser gets back accounts, the webhook target and the login settings', async () => {
    // The old browser: an account, a webhook target, a daily-login schedule.
    h = await launchExtension();
    await must(h, 'vault/create', { password: PASSWORD });
    const saved = await must<{ account: { id: string } }>(h, 'accounts/save', {
      input: {
        label: 'Restored',
        clientCode: FIXTURE_API_ACCOUNT.clientCode,
        mpin: FIXTURE_API_ACCOUNT.mpin,
        totpSecret: FIXTURE_API_ACCOUNT.totpSecret,
        apiKey: FIXTURE_API_ACCOUNT.apiKey,
        apiSecret: '',
        platform: 'SMART_API_M',
        redirectUrl: 'https://webx.stocksdeveloper.in/auth/angel',
        notes: '',
        dailyLogin: true,
        autoFill: false,
      },
    });
    await must(h, 'delivery/add-target', {
      accountId: saved.account.id,
      kind: 'webhook',
      url: HOOK,
    });
    await must(h, 'login/settings', {
      settings: {
        timeoutSec: 75,
        schedule: { enabled: true, time: '08:40', weekdays: [1, 2, 3, 4, 5], holidays: ['2026-12-25'] },
      },
    });
    const file = await must<{ fileName: string; content: string }>(h, 'backup/export', {
      password: BACKUP_PASSWORD,
    });
    const path = join(tmp, file.fileName);
    writeFileSync(path, file.content);
    await h.close();
    h = null;

    // The new browser: restore from the first-run page.
    h = await launchExtension();
    const options = await h.openExtensionPage('options.html');
    await front(options);
    const input = await fieldByLabel(options, 'Backup file');
    await input.uploadFile(path);
    await fill(options, 'Password of the backup', BACKUP_PASSWORD);
    await click(options, 'Preview import');
    await buttonByName(options, 'Apply import');
    const preview = await options.$eval('.preview', (e) => (e as HTMLElement).innerText);
    expect(preview).toContain('Restored (R123456)');
    expect(preview).toContain(
      'Delivery targets (webhooks and Angel redirects, with their signing secrets): 1 in the backup, replace yours',
    );
    expect(preview).toContain('Daily login schedule and settings: 2 in the backup, replace yours');
    await click(options, 'Apply import');
    await options.waitForFunction(
      () => document.body.innerText.includes('Site access is needed again for 1 webhook site(s)'),
      { timeout: WAIT, polling: 100 },
    );
    expect(await options.evaluate(() => document.body.innerText)).toContain('https://bot.example.net');
    await buttonByName(options, 'Grant site access');

    // Everything is back, the webhook's secret included.
    const overview = await must<{ targets: { url?: string; accountId: string; siteAccess?: boolean }[] }>(
      h,
      'delivery/overview',
    );
    const accounts = await must<{ id: string; label: string }[]>(h, 'accounts/list');
    expect(accounts.map((a) => a.label)).toEqual(['Restored']);
    expect(overview.targets).toHaveLength(1);
    expect(overview.targets[0]).toMatchObject({ url: HOOK, accountId: accounts[0]!.id, siteAccess: false });
    const loginSettings = await h.inExtension(async () => {
      type Api = { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      return (await (g.browser ?? g.chrome).storage.local.get('loginSettings')).loginSettings;
    });
    expect(loginSettings).toMatchObject({ timeoutSec: 75, schedule: { time: '08:40', enabled: true } });
    await options.close();
  }, 240_000);
});
