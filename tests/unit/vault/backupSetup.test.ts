/**
 * Encrypted backups carry the whole set-up through the background's messages: accounts,
 * delivery targets with their secrets, registration profiles, schedule and login settings,
 * validation and other settings, and whatever else the vault holds. Merge and replace, an
 * older backup (fixture of format 1 without groups), a damaged group, and the one lock.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch, UserError, type MessageType, type ReqOf, type ResOf } from '@/utils/messaging';
import { readVault, registerVault, updateVault } from '@/entrypoints/background/vault';
import { targetsItem } from '@/entrypoints/background/delivery/store';
import { loginSettingsItem } from '@/utils/login/storage';
import { validationSettingsItem } from '@/utils/angel/results';
import { languageItem } from '@/utils/i18n/language';
import { loadProfiles, saveProfiles, AUTOTRADER_PROFILE } from '@/utils/portal/profiles';
import { createBackupFile } from '@/utils/vault/backup';
import type { AccountInput, VaultData } from '@/utils/vault/types';
import type { DeliveryTarget } from '@/utils/delivery/types';
import { clearHandlers, setKdfIterationsForTests } from '@/tests/unit/testHooks';

const IT = 1000;
const PW = 'master password 1';
const BACKUP_PW = 'backup password 1';
const pageSender = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });

async function send<K extends MessageType>(
  type: K,
  ...data: ReqOf<K> extends void ? [] : [ReqOf<K>]
): Promise<ResOf<K>> {
  const reply = await dispatch({ __sac: 1, type, data: data[0] }, pageSender());
  if (!reply) throw new Error('no reply');
  if (!reply.ok) throw new UserError(reply.code, reply.message);
  return reply.value as ResOf<K>;
}

const input = (label: string, clientCode: string): AccountInput => ({
  label,
  clientCode,
  mpin: '4821',
  totpSecret: 'JBSWY3DPEHPK3PXPGEZDGNBV',
  apiKey: `key${clientCode}`,
  apiSecret: '',
  platform: 'SMART_API',
  redirectUrl: 'https://webx.stocksdeveloper.in/auth/angel',
  notes: '',
  dailyLogin: true,
  autoFill: false,
});

const office = {
  ...AUTOTRADER_PROFILE,
  id: 'p-office',
  name: 'Office',
  builtIn: undefined,
  appName: 'OfficeApp',
  redirectUrl: 'https://office.example/auth',
  primaryIp: '49.36.12.7',
};

/** A full set-up: two accounts, a webhook and an Angel redirect, profiles, every setting, a taught rule. */
async function makeSetUp(): Promise<{ ids: string[] }> {
  await send('vault/create', { password: PW });
  const a = (await send('accounts/save', { input: input('Main', 'A111') })).account!;
  const b = (await send('accounts/save', { input: input('Wife', 'B222') })).account!;
  const targets: DeliveryTarget[] = [
    { id: 't-hook', accountId: a.id, kind: 'webhook', url: 'https://bot.example/hook', createdAt: 1 },
    { id: 't-redirect', accountId: b.id, kind: 'angel-redirect', createdAt: 2 },
  ];
  await targetsItem.setValue(targets);
  await updateVault((v) => {
    v.webhookSecrets = { 't-hook': 'whsec-original' };
    (v as VaultData & { taughtRules?: unknown }).taughtRules = [{ id: 'rule-1', page: 'login' }];
  });
  await saveProfiles({ profiles: [AUTOTRADER_PROFILE, office], selectedId: 'p-office' });
  await loginSettingsItem.setValue({
    timeoutSec: 90,
    schedule: { enabled: true, time: '08:50', weekdays: [1, 2, 3], holidays: ['2026-12-25'] },
  });
  await validationSettingsItem.setValue({ timeoutMs: 20_000 });
  await send('vault/set-auto-lock', { minutes: 45 });
  await languageItem.setValue('hi');
  return { ids: [a.id, b.id] };
}

/** The browser on a new computer: nothing stored. */
function newInstall(): void {
  fakeBrowser.reset();
  clearHandlers();
  registerVault();
}

beforeEach(() => {
  newInstall();
  setKdfIterationsForTests(IT);
  // The fake browser has no permissions API: no webhook site is granted.
  (fakeBrowser.permissions as unknown as { contains: unknown }).contains = vi.fn(async () => false);
});

describe('backup of the whole set-up', () => {
  it('restore on a new install brings back every group; preview lists each group with counts', async () => {
    await makeSetUp();
    const file = await send('backup/export', { password: BACKUP_PW });
    for (const secret of ['whsec-original', 'bot.example', 'OfficeApp', '49.36.12.7', '08:50', 'rule-1'])
      expect(file.content).not.toContain(secret);

    newInstall();
    (fakeBrowser.permissions as unknown as { contains: unknown }).contains = vi.fn(async () => false);
    expect((await send('vault/status')).state).toBe('none');
    const preview = await send('backup/preview', {
      content: file.content,
      password: BACKUP_PW,
      mode: 'merge',
    });
    expect(preview.added).toEqual(['Main (A111)', 'Wife (B222)']);
    expect(preview.groups).toEqual([
      { id: 'deliveryTargets', count: 2, action: 'replace' },
      { id: 'profiles', count: 2, action: 'replace' },
      { id: 'loginSettings', count: 2, action: 'replace' },
      { id: 'validationSettings', count: 1, action: 'replace' },
      { id: 'settings', count: 2, action: 'replace' },
      { id: 'vaultExtras', count: 1, action: 'replace' },
    ]);

    const done = await send('backup/import', { content: file.content, password: BACKUP_PW, mode: 'merge' });
    expect(done.needsSiteAccess).toEqual(['https://bot.example/*']);
    expect((await send('vault/status')).state).toBe('unlocked');
    const vault = await readVault();
    const [main, wife] = vault.accounts;
    expect(vault.webhookSecrets).toEqual({ 't-hook': 'whsec-original' });
    expect((vault as VaultData & { taughtRules?: unknown }).taughtRules).toEqual([
      { id: 'rule-1', page: 'login' },
    ]);
    expect(await targetsItem.getValue()).toEqual([
      { id: 't-hook', accountId: main!.id, kind: 'webhook', url: 'https://bot.example/hook', createdAt: 1 },
      { id: 't-redirect', accountId: wife!.id, kind: 'angel-redirect', createdAt: 2 },
    ]);
    const profiles = await loadProfiles();
    expect(profiles.selectedId).toBe('p-office');
    expect(profiles.profiles.map((p) => p.name)).toEqual(['AutoTrader Web', 'Office']);
    expect(await loginSettingsItem.getValue()).toEqual({
      timeoutSec: 90,
      schedule: { enabled: true, time: '08:50', weekdays: [1, 2, 3], holidays: ['2026-12-25'] },
    });
    expect(await validationSettingsItem.getValue()).toEqual({ timeoutMs: 20_000 });
    expect((await send('vault/status')).autoLockMinutes).toBe(45);
    expect(await languageItem.getValue()).toBe('hi');
  });

  it('merge adds targets and profiles to the current ones and keeps the current settings', async () => {
    await makeSetUp();
    const file = await send('backup/export', { password: BACKUP_PW });
    // Meanwhile: a new account with its own webhook, another profile, other settings.
    const later = (await send('accounts/save', { input: input('Later', 'C333') })).account!;
    await targetsItem.setValue([
      { id: 't-later', accountId: later.id, kind: 'webhook', url: 'https://later.example/h', createdAt: 3 },
    ]);
    await updateVault((v) => {
      v.webhookSecrets = { 't-later': 'whsec-later' };
      (v as VaultData & { taughtRules?: unknown }).taughtRules = [{ id: 'rule-2', page: 'portal' }];
    });
    await saveProfiles({
      profiles: [AUTOTRADER_PROFILE, { ...office, id: 'p-home', name: 'Home' }],
      selectedId: 'p-home',
    });
    await loginSettingsItem.setValue({
      timeoutSec: 30,
      schedule: { enabled: false, time: '09:00', weekdays: [1], holidays: [] },
    });

    const preview = await send('backup/preview', {
      content: file.content,
      password: BACKUP_PW,
      mode: 'merge',
    });
    expect(preview.groups?.map((g) => [g.id, g.action])).toEqual([
      ['deliveryTargets', 'merge'],
      ['profiles', 'merge'],
      ['loginSettings', 'keep'],
      ['validationSettings', 'keep'],
      ['settings', 'keep'],
      ['vaultExtras', 'merge'],
    ]);
    await send('backup/import', { content: file.content, password: BACKUP_PW, mode: 'merge' });
    expect((await targetsItem.getValue()).map((t) => t.id)).toEqual(['t-later', 't-hook', 't-redirect']);
    const vault = await readVault();
    expect(vault.webhookSecrets).toEqual({ 't-later': 'whsec-later', 't-hook': 'whsec-original' });
    expect((vault as VaultData & { taughtRules?: unknown }).taughtRules).toEqual([
      { id: 'rule-2', page: 'portal' },
      { id: 'rule-1', page: 'login' },
    ]);
    const profiles = await loadProfiles();
    expect(profiles.profiles.map((p) => p.id)).toEqual(['autotrader-web', 'p-home', 'p-office']);
    expect(profiles.selectedId).toBe('p-home');
    expect((await loginSettingsItem.getValue()).timeoutSec).toBe(30);
  });

  it('replace makes every group exactly the backup’s (targets of removed accounts go)', async () => {
    await makeSetUp();
    const file = await send('backup/export', { password: BACKUP_PW });
    const later = (await send('accounts/save', { input: input('Later', 'C333') })).account!;
    await targetsItem.setValue([
      ...(await targetsItem.getValue()),
      { id: 't-later', accountId: later.id, kind: 'webhook', url: 'https://later.example/h', createdAt: 3 },
    ]);
    await loginSettingsItem.setValue({
      timeoutSec: 30,
      schedule: { enabled: false, time: '09:00', weekdays: [1], holidays: [] },
    });
    await languageItem.setValue('en');
    const done = await send('backup/import', { content: file.content, password: BACKUP_PW, mode: 'replace' });
    expect(done.removed).toEqual(['Later (C333)']);
    expect((await targetsItem.getValue()).map((t) => t.id)).toEqual(['t-hook', 't-redirect']);
    expect((await loginSettingsItem.getValue()).timeoutSec).toBe(90);
    expect(await languageItem.getValue()).toBe('hi');
    expect((await readVault()).webhookSecrets).toEqual({ 't-hook': 'whsec-original' });
  });

  it('an older backup without groups (format 1 fixture) still imports and leaves the set-up as it is', async () => {
    await makeSetUp();
    const old = readFileSync(
      new URL('../../fixtures/backup/format1-accounts-only.json', import.meta.url),
      'utf8',
    );
    const preview = await send('backup/preview', {
      content: old,
      password: 'fixture-backup-pw',
      mode: 'merge',
    });
    expect(preview.added).toEqual(['Old main (O111)', 'Old publisher (O222)']);
    expect(preview.groups?.every((g) => g.action === 'absent' && g.count === 0)).toBe(true);
    await send('backup/import', { content: old, password: 'fixture-backup-pw', mode: 'replace' });
    const vault = await readVault();
    expect(vault.accounts.map((a) => a.label)).toEqual(['Old main', 'Old publisher']);
    expect(vault.accounts[1]!.secrets).toEqual({
      mpin: '8765',
      totpSecret: 'GEZDGNBVGY3TQOJQ',
      apiKey: 'oldkey2',
      apiSecret: 'oldsecret',
    });
    expect(vault.webhookSecrets).toEqual({ 'target-old-1': 'old-hook-secret' });
    // Settings the old file does not hold are kept; the taught rule too.
    expect((await loginSettingsItem.getValue()).timeoutSec).toBe(90);
    expect((vault as VaultData & { taughtRules?: unknown }).taughtRules).toEqual([
      { id: 'rule-1', page: 'login' },
    ]);
  });

  it('a damaged group is refused with a clear error and nothing changes', async () => {
    await makeSetUp();
    const data = await readVault();
    const bad = await createBackupFile(data, BACKUP_PW, {
      iterations: IT,
      groups: { loginSettings: { timeoutSec: 1, schedule: { enabled: true } } as never },
    });
    const before = JSON.stringify(await fakeBrowser.storage.local.get(null));
    const err = await send('backup/import', {
      content: bad.content,
      password: BACKUP_PW,
      mode: 'replace',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).code).toBe('backup-damaged');
    expect((err as UserError).message).toMatch(/Daily login schedule and settings.*Nothing was imported/);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toBe(before);
  });

  it('plans and applies under one lock: a write asked for during the import is not lost', async () => {
    await makeSetUp();
    const file = await send('backup/export', { password: BACKUP_PW });
    // When the import reads the current set-up (its planning), a new account is saved.
    const local = fakeBrowser.storage.local;
    const realGet = local.get.bind(local);
    let racer: Promise<unknown> | null = null;
    vi.spyOn(local, 'get').mockImplementation(((keys: unknown) => {
      if (!racer && JSON.stringify(keys ?? '').includes('loginSettings'))
        racer = send('accounts/save', { input: input('Racer', 'R999') });
      return realGet(keys as never);
    }) as never);
    await send('backup/import', { content: file.content, password: BACKUP_PW, mode: 'merge' });
    expect(racer).not.toBeNull();
    await racer;
    vi.mocked(local.get).mockRestore();
    expect((await readVault()).accounts.map((a) => a.label)).toEqual(['Main', 'Wife', 'Racer']);
  });
});
