/**
 * The vault's lifecycle: create, unlock (upgrading an old envelope), lock, change the master
 * password, reset. Every write goes through the one writer lock (`serial`).
 */
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n/text';
import { type Msg } from '@/utils/i18n/core';
import { handle, UserError } from '@/utils/messaging';
import {
  createEnvelope,
  EnvelopeError,
  openEnvelope,
  parseEnvelope,
  unwrapVaultKey,
  wrapVaultKey,
} from '@/utils/vault/envelope';
import type { VaultData, VaultStatus } from '@/utils/vault/types';
import { VAULT_SCHEMA_VERSION } from '@/utils/vault/migrations';
import {
  MAX_KEPT_COPIES,
  currentKdfIterations,
  dropCache,
  fingerprint,
  keptCopiesItem,
  keyItem,
  loadVault,
  parseVaultData,
  problemItem,
  serial,
  settingsItem,
  storeVault,
  storedEnvelope,
  toBase64,
  vaultItem,
} from './store';
import { AUTO_LOCK_ALARM, noteActivity } from './autolock';
import { fireAccountsChanged, fireReset, fireUnlocked } from './events';
import { corruptProblem, vaultStatus } from './status';

export const MIN_PASSWORD_LENGTH = 8;

export function readVault(): Promise<VaultData> {
  return loadVault();
}

/** Read, change with `fn`, and store (fresh IV). Do not call updateVault from inside `fn`. */
export function updateVault(fn: (v: VaultData) => void | Promise<void>): Promise<VaultData> {
  return serial(async () => {
    const data = await loadVault();
    await fn(data);
    await storeVault(data);
    return structuredClone(data);
  });
}

export function checkNewPassword(
  password: unknown,
  what: 'bg.weakMaster' | 'bg.weakNew' | 'bg.weakBackup' = 'bg.weakMaster',
): string {
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH) {
    throw new UserError('weak-password', t(what, { min: MIN_PASSWORD_LENGTH }));
  }
  return password;
}

async function keepCopy(reason: string): Promise<void> {
  const raw = await vaultItem.getValue();
  if (raw === null || raw === undefined) return;
  // A copy of the list: with nothing stored, getValue() hands out the shared fallback array.
  const copies = [...(await keptCopiesItem.getValue())];
  copies.unshift({ savedAt: Date.now(), reason, envelope: raw });
  await keptCopiesItem.setValue(copies.slice(0, MAX_KEPT_COPIES));
}

async function startSession(vaultKey: Uint8Array): Promise<void> {
  dropCache();
  await keyItem.setValue(toBase64(vaultKey));
  await problemItem.setValue(null);
  await noteActivity(true);
}

/** Make a new vault from `data` with `password` (keeps a copy of an unreadable one). Call inside serial(). */
export async function createVault(password: string, data: VaultData, reason?: string): Promise<void> {
  if (reason) await keepCopy(reason);
  const { envelope, vaultKey } = await createEnvelope(password, JSON.stringify(data), currentKdfIterations());
  await vaultItem.setValue(envelope);
  const settings = await settingsItem.getValue();
  await settingsItem.setValue({ ...settings, accountCount: data.accounts.length });
  await startSession(vaultKey);
}

export async function lockVault(): Promise<void> {
  dropCache();
  await keyItem.removeValue();
  await browser.alarms.clear(AUTO_LOCK_ALARM);
}

async function unlockVault(password: unknown): Promise<VaultStatus> {
  if (typeof password !== 'string' || password === '')
    throw new UserError('wrong-password', t('bg.typeToUnlock'));
  const raw = await vaultItem.getValue();
  if (raw === null || raw === undefined) throw new UserError('no-vault', t('bg.noVault'));
  let opened;
  try {
    opened = await openEnvelope(raw, password, currentKdfIterations());
  } catch (err) {
    if (err instanceof EnvelopeError && err.code === 'wrong-password') {
      throw new UserError('wrong-password', t('bg.wrongPassword'));
    }
    if (err instanceof EnvelopeError) {
      await markCorrupt(raw, err.problem);
      return vaultStatus();
    }
    throw err;
  }
  let data: VaultData;
  try {
    data = parseVaultData(opened.plaintext);
  } catch (err) {
    if (!(err instanceof EnvelopeError)) throw err;
    await markCorrupt(raw, err.problem);
    return vaultStatus();
  }
  if (opened.upgraded) {
    // Migrated (v1 -> v2) or KDF strengthened: store only once the new envelope reads back.
    const check = await openEnvelope(opened.envelope, password, currentKdfIterations());
    if (check.plaintext !== opened.plaintext) throw new UserError('internal', t('vdmg.upgradeFailed'));
    await vaultItem.setValue(opened.envelope);
  }
  await startSession(opened.vaultKey);
  const settings = await settingsItem.getValue();
  if (settings.accountCount !== data.accounts.length)
    await settingsItem.setValue({ ...settings, accountCount: data.accounts.length });
  return vaultStatus();
}

/** Remember why the stored envelope cannot be opened (status then says 'corrupt'). */
async function markCorrupt(raw: unknown, problem: Msg): Promise<void> {
  // A v1 envelope has no fingerprint to remember it by: say it now.
  if (safeParseVersion(raw) === 1) throw new UserError('vault-corrupt', corruptProblem(problem));
  const parsed = safeParse(raw);
  // An envelope that does not even parse is reported as corrupt by vaultStatus() itself.
  if (parsed) await problemItem.setValue({ fingerprint: fingerprint(parsed), problem });
}

function safeParseVersion(raw: unknown): 1 | 2 | null {
  try {
    return parseEnvelope(raw).v;
  } catch {
    return null;
  }
}

function safeParse(raw: unknown) {
  try {
    const p = parseEnvelope(raw);
    return p.v === 2 ? p.envelope : null;
  } catch {
    return null;
  }
}

export function registerLifecycle(): void {
  handle('vault/status', 'page', () => vaultStatus());

  handle('vault/create', 'page', ({ password }) =>
    serial(async () => {
      const pw = checkNewPassword(password);
      if ((await vaultItem.getValue()) !== null) {
        throw new UserError('vault-exists', t('bg.vaultExists'));
      }
      await createVault(pw, { schemaVersion: VAULT_SCHEMA_VERSION, accounts: [], webhookSecrets: {} });
      return vaultStatus();
    }).then((s) => {
      fireUnlocked();
      return s;
    }),
  );

  handle('vault/unlock', 'page', async ({ password }) => {
    const status = await serial(() => unlockVault(password));
    if (status.state === 'unlocked') {
      fireUnlocked();
      // Leftovers of accounts deleted by an older version are dropped now, once per unlock.
      void readVault()
        .then((v) => fireAccountsChanged(new Set(v.accounts.map((a) => a.id))))
        .catch(() => undefined);
    }
    return status;
  });

  handle('vault/lock', 'page', async () => {
    await serial(lockVault);
    return vaultStatus();
  });

  handle('vault/change-password', 'page', ({ current, next }) =>
    serial(async () => {
      const nextPw = checkNewPassword(next, 'bg.weakNew');
      const env = await storedEnvelope().catch(() => null);
      if (!env) {
        const raw = await vaultItem.getValue();
        if (raw === null || raw === undefined) throw new UserError('no-vault', t('vdmg.noVaultYet'));
        if (safeParseVersion(raw) === 1) {
          throw new UserError('needs-upgrade', t('env.unlockFirst'));
        }
        throw new UserError('vault-corrupt', t('env.cannotChangePassword'));
      }
      let vaultKey: Uint8Array<ArrayBuffer>;
      try {
        vaultKey = await unwrapVaultKey(env, typeof current === 'string' ? current : '');
      } catch (err) {
        if (err instanceof EnvelopeError) throw new UserError('wrong-password', t('bg.wrongCurrent'));
        throw err;
      }
      const rewrapped = await wrapVaultKey(vaultKey, nextPw, currentKdfIterations());
      await vaultItem.setValue({ ...env, ...rewrapped });
      dropCache();
    }),
  );

  handle('vault/reset', 'page', ({ confirm }) =>
    serial(async () => {
      if (confirm !== 'RESET') throw new UserError('confirm-reset', t('bg.confirmReset'));
      // A reset keeps nothing: the vault, every copy set aside earlier, and what other
      // features sealed with its key all go (the old master password must open nothing).
      await vaultItem.removeValue();
      await keptCopiesItem.removeValue();
      await fireReset();
      await problemItem.setValue(null);
      const { autoLockMinutes } = await settingsItem.getValue();
      await settingsItem.setValue({ autoLockMinutes, accountCount: 0 });
      await lockVault();
      return vaultStatus();
    }),
  );
}
