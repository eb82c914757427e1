/**
 * Backup messages: encrypted export and import of the whole set-up (accounts, webhook
 * secrets and the groups of utils/vault/backupGroups.ts), and the plain otpauth:// list.
 *
 * An import decrypts the file first (no lock needed: it touches nothing), then plans and
 * applies under the vault's one writer lock (`serial`), so no other write can slip in between
 * what the plan saw and what it writes. Group storage is written inside that lock too.
 */
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n/text';
import { render } from '@/utils/i18n/core';
import { languageItem } from '@/utils/i18n/language';
import { handle, UserError } from '@/utils/messaging';
import { validationSettingsItem } from '@/utils/angel/results';
import { checkWebhookUrl } from '@/utils/delivery/url';
import { loginSettingsItem } from '@/utils/login/storage';
import { loadProfiles, saveProfiles } from '@/utils/portal/profiles';
import {
  BackupError,
  createBackupFile,
  exportOtpauthList,
  parseOtpauthList,
  planImport,
  planOtpauthImport,
  readBackupFile,
  type BackupPayload,
  type ImportPlan,
} from '@/utils/vault/backup';
import {
  BACKUP_GROUPS,
  planGroups,
  vaultExtrasOf,
  type BackupGroupId,
  type BackupGroups,
  type GroupPlan,
} from '@/utils/vault/backupGroups';
import type { BackupPreview, VaultData, VaultStatus } from '@/utils/vault/types';
import { VAULT_SCHEMA_VERSION } from '@/utils/vault/migrations';
import { mutateOutbox, mutateTargets, serialized, statusItem, targetsItem } from '../delivery/store';
import { currentKdfIterations, loadVault, lockedError, serial, settingsItem, storeVault } from './store';
import { checkNewPassword, createVault } from './lifecycle';
import { fireAccountsChanged, fireUnlocked } from './events';
import { vaultStatus } from './status';

// ---------- where each group lives ----------

interface GroupStore<K extends BackupGroupId> {
  read(): Promise<NonNullable<BackupGroups[K]>>;
  write(v: NonNullable<BackupGroups[K]>): Promise<void>;
}

type StoredGroupId = Exclude<BackupGroupId, 'vaultExtras'>;

/** Storage of every group outside the vault's data (vaultExtras is written with the vault). */
const STORES: { [K in StoredGroupId]: GroupStore<K> } = {
  deliveryTargets: {
    read: () => targetsItem.getValue(),
    async write(targets) {
      const keep = new Set(targets.map((t) => t.id));
      await mutateTargets((list) => {
        list.splice(0, list.length, ...targets);
      });
      // Deliveries and results of targets that are gone go with them.
      await mutateOutbox((list) => {
        for (let i = list.length - 1; i >= 0; i--) if (!keep.has(list[i]!.targetId)) list.splice(i, 1);
      });
      await serialized(async () => {
        const all = await statusItem.getValue();
        for (const id of Object.keys(all)) if (!keep.has(id)) delete all[id];
        await statusItem.setValue(all);
      });
    },
  },
  profiles: { read: loadProfiles, write: saveProfiles },
  loginSettings: {
    read: () => loginSettingsItem.getValue(),
    write: (v) => loginSettingsItem.setValue(v),
  },
  validationSettings: {
    read: () => validationSettingsItem.getValue(),
    write: (v) => validationSettingsItem.setValue(v),
  },
  settings: {
    async read() {
      const [s, language] = await Promise.all([settingsItem.getValue(), languageItem.getValue()]);
      return { autoLockMinutes: s.autoLockMinutes, language };
    },
    async write(v) {
      if (v.autoLockMinutes !== undefined) {
        const s = await settingsItem.getValue();
        await settingsItem.setValue({ ...s, autoLockMinutes: v.autoLockMinutes });
      }
      if (v.language !== undefined) await languageItem.setValue(v.language);
    },
  },
};

const STORED_IDS = BACKUP_GROUPS.map((g) => g.id).filter((id): id is StoredGroupId => id !== 'vaultExtras');

async function readStoredGroups(): Promise<BackupGroups> {
  const out: BackupGroups = {};
  for (const id of STORED_IDS)
    (out as Record<string, unknown>)[id] = await (STORES[id] as GroupStore<StoredGroupId>).read();
  return out;
}

async function writeStoredGroups(write: BackupGroups): Promise<void> {
  for (const id of STORED_IDS) {
    const v = write[id];
    if (v !== undefined) await (STORES[id] as GroupStore<StoredGroupId>).write(v as never);
  }
}

const restoredCallbacks: Array<() => void | Promise<void>> = [];
/** Run `cb` after an import changed stored settings (e.g. to re-arm the login schedule). */
export function onBackupRestored(cb: () => void | Promise<void>): void {
  restoredCallbacks.push(cb);
}

// ---------- planning ----------

function toUserError(err: unknown): never {
  // Worded in the language set now: the import screen shows the reply once.
  if (err instanceof BackupError) throw new UserError(`backup-${err.code}`, render(err.msg, t));
  throw err;
}

function newId(): string {
  return crypto.randomUUID();
}

async function decryptBackup(content: unknown, password: unknown, mode: unknown): Promise<BackupPayload> {
  if (mode !== 'merge' && mode !== 'replace') throw new UserError('bad-request', t('bg.mergeOrReplace'));
  if (typeof password !== 'string' || password === '')
    throw new UserError('backup-wrong-password', t('bk.typePassword'));
  return readBackupFile(typeof content === 'string' ? content : '', password).catch(toUserError);
}

interface FullPlan {
  state: VaultStatus['state'];
  mode: 'merge' | 'replace';
  current: VaultData | null;
  accounts: ImportPlan;
  groups: GroupPlan;
}

/** What the import would do now. Only reads; the import calls it inside the lock. */
async function planAll(payload: BackupPayload, asked: 'merge' | 'replace'): Promise<FullPlan> {
  const { state } = await vaultStatus();
  if (state === 'locked') throw lockedError();
  const current = state === 'unlocked' ? await loadVault() : null;
  // No vault (or an unreadable one): the backup becomes the vault.
  const mode = current ? asked : 'replace';
  const accounts = planImport(current?.accounts ?? [], payload.accounts, mode, newId);
  const currentGroups: BackupGroups = {
    ...(await readStoredGroups()),
    vaultExtras: current ? vaultExtrasOf(current) : {},
  };
  const groups = planGroups(currentGroups, payload.groups ?? {}, mode, {
    idMap: accounts.idMap,
    accountIds: new Set(accounts.accounts.map((a) => a.id)),
  });
  return { state, mode, current, accounts, groups };
}

function previewOf(plan: FullPlan): BackupPreview {
  return { ...plan.accounts.preview, groups: plan.groups.preview };
}

/** Webhook sites of `targets` the extension may not reach now (permission patterns). */
async function missingSiteAccess(targets: BackupGroups['deliveryTargets']): Promise<string[]> {
  const patterns = new Set<string>();
  for (const t of targets ?? []) {
    if (t.kind !== 'webhook' || !t.url) continue;
    const check = checkWebhookUrl(t.url);
    if (check.ok) patterns.add(check.permissionPattern);
  }
  const missing: string[] = [];
  for (const p of patterns) {
    let granted = false;
    try {
      granted = await browser.permissions.contains({ origins: [p] });
    } catch {
      granted = false;
    }
    if (!granted) missing.push(p);
  }
  return missing;
}

// ---------- registration ----------

export function registerBackup(): void {
  handle('backup/export', 'page', async ({ password }) => {
    const pw = checkNewPassword(password, 'bg.weakBackup');
    const data = await loadVault();
    const file = await createBackupFile(data, pw, {
      iterations: currentKdfIterations(),
      groups: await readStoredGroups(),
    });
    const now = Date.now();
    await serial(async () => {
      const v = await loadVault();
      v.backupExportedAt = now;
      await storeVault(v);
    });
    const s = await settingsItem.getValue();
    await settingsItem.setValue({ ...s, backupExportedAt: now });
    return file;
  });

  handle('backup/preview', 'page', async ({ content, password, mode }) => {
    const payload = await decryptBackup(content, password, mode);
    return previewOf(await planAll(payload, mode));
  });

  handle('backup/import', 'page', async ({ content, password, mode }) => {
    const payload = await decryptBackup(content, password, mode);
    // Plan and apply under the one writer lock: nothing can change in between.
    const plan = await serial(async () => {
      const p = await planAll(payload, mode);
      const webhookSecrets =
        p.mode === 'merge' && p.current
          ? { ...p.current.webhookSecrets, ...payload.webhookSecrets }
          : { ...payload.webhookSecrets };
      const extras = p.groups.write.vaultExtras;
      let next: VaultData;
      if (p.current) {
        next = { ...p.current };
        // Replace with extras in the backup: the vault's extras become exactly the backup's.
        if (extras && p.mode === 'replace')
          for (const k of Object.keys(vaultExtrasOf(p.current)))
            delete (next as unknown as Record<string, unknown>)[k];
      } else {
        next = { schemaVersion: VAULT_SCHEMA_VERSION, accounts: [], webhookSecrets: {} };
      }
      next = {
        ...next,
        ...(extras ?? {}),
        schemaVersion: VAULT_SCHEMA_VERSION,
        accounts: p.accounts.accounts,
        webhookSecrets,
      };
      if (p.current) await storeVault(next);
      // No vault, or one that cannot be read: the backup becomes the vault, and its password
      // the master password. The unreadable vault is set aside first, never dropped.
      else await createVault(password, next, 'before restoring a backup over it');
      await writeStoredGroups(p.groups.write);
      return p;
    });
    if (!plan.current) fireUnlocked();
    await fireAccountsChanged(new Set(plan.accounts.accounts.map((a) => a.id)));
    for (const cb of restoredCallbacks) await Promise.resolve(cb()).catch(() => undefined);
    if (plan.accounts.preview.added.length > 0) {
      const s = await settingsItem.getValue();
      await settingsItem.setValue({ ...s, accountsAddedAt: Date.now() });
    }
    const targets = plan.groups.write.deliveryTargets;
    return { ...previewOf(plan), needsSiteAccess: await missingSiteAccess(targets) };
  });

  handle('backup/export-otpauth', 'page', async ({ confirmUnencrypted }) => {
    if (confirmUnencrypted !== true) {
      throw new UserError('confirm-unencrypted', t('bg.confirmUnencrypted'));
    }
    const data = await loadVault();
    const content = exportOtpauthList(data.accounts);
    if (content === '') throw new UserError('nothing-to-export', t('bg.nothingToExport'));
    return { fileName: `smartapi-companion-otpauth-${new Date().toISOString().slice(0, 10)}.txt`, content };
  });

  handle('backup/import-otpauth', 'page', async ({ content }) => {
    let entries;
    try {
      entries = parseOtpauthList(typeof content === 'string' ? content : '');
    } catch (err) {
      toUserError(err);
    }
    const preview = await serial(async () => {
      const v = await loadVault();
      const plan = planOtpauthImport(v.accounts, entries, newId);
      v.accounts = plan.accounts;
      await storeVault(v);
      return plan.preview;
    });
    if (preview.added.length > 0) {
      const s = await settingsItem.getValue();
      await settingsItem.setValue({ ...s, accountsAddedAt: Date.now() });
    }
    return preview;
  });
}
