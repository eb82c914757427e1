/**
 * The background half of the encrypted vault: lifecycle (create, unlock, lock, auto-lock,
 * password change, reset), accounts, live TOTP codes, backups. Secrets never leave this
 * module except as what one caller needs (a TOTP code, a sealed blob, VaultData for other
 * background features).
 */
import { tText } from '@/utils/i18n/text';
import { browser } from 'wxt/browser';
import { storage } from '#imports';
import { dispatchActivityTypes } from './activity';
import { registerKeptCopies } from './keptCopies';
import {
  DEFAULT_AUTO_LOCK_MINUTES,
  LOCKED_MESSAGE,
  MAX_KEPT_COPIES,
  currentKdfIterations,
  dropCache,
  fingerprint,
  keptCopiesItem,
  keyItem,
  loadVault,
  peekVault,
  openBlob,
  parseVaultData,
  problemItem,
  sealBlob,
  serial,
  settingsItem,
  storeVault,
  storedEnvelope,
  toBase64,
  vaultItem,
  type VaultSettings,
} from './store';
import {
  knownSkew,
  loadSkew,
  measureSkewIfDue,
  recordServerDate,
  skewCorrectionMs,
  SKEW_WARN_MS,
} from './skew';
import { handle, isExtensionPageSender, UserError, type Sender } from '@/utils/messaging';
import { decodeBase32 } from '@/utils/vault/base32';
import { registerBackup } from './backup';
import {
  createEnvelope,
  EnvelopeError,
  openEnvelope,
  parseEnvelope,
  unwrapVaultKey,
  wrapVaultKey,
} from '@/utils/vault/envelope';
import { totpWindow } from '@/utils/vault/totp';
import { applyAccountInput, checkAccountInput } from '@/utils/vault/validation';
import type {
  Account,
  AccountSummary,
  FieldErrors,
  TotpCode,
  TotpCodes,
  VaultData,
  VaultStatus,
} from '@/utils/vault/types';
import '@/utils/vault/types';

export { openBlob, sealBlob, recordServerDate };
export { setKdfIterationsForTests, currentKdfIterations } from './store';

export const AUTO_LOCK_ALARM = 'vault-auto-lock';
/** Last seen page activity (ms epoch), for auto-lock. */
const activityItem = storage.defineItem<number>('session:vaultActivity', { fallback: 0 });
/** Activity is written at most this often (the popup asks for codes every second). */
const ACTIVITY_THROTTLE_MS = 15_000;
export const MIN_PASSWORD_LENGTH = 8;
const MAX_AUTO_LOCK_MINUTES = 24 * 60;

// ---------- public API for other background features ----------

export async function isUnlocked(): Promise<boolean> {
  if (!(await keyItem.getValue())) return false;
  try {
    return (await storedEnvelope()) !== null;
  } catch {
    return false;
  }
}

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

const resetCallbacks: Array<() => Promise<void>> = [];
/** `cb` runs inside a reset, after the vault is gone: drop everything sealed with its key. */
export function onVaultReset(cb: () => Promise<void>): void {
  resetCallbacks.push(cb);
}

const unlockCallbacks: Array<() => void> = [];
export function onVaultUnlocked(cb: () => void): void {
  unlockCallbacks.push(cb);
}
function fireUnlocked(): void {
  for (const cb of unlockCallbacks) {
    try {
      cb();
    } catch {
      console.error('[SmartAPI Companion] an unlock listener failed');
    }
  }
}

export function summarize(a: Account): AccountSummary {
  return {
    id: a.id,
    label: a.label,
    clientCode: a.clientCode,
    platform: a.platform,
    redirectUrl: a.redirectUrl,
    notes: a.notes,
    totp: { ...a.totp },
    dailyLogin: a.dailyLogin,
    autoFill: a.autoFill,
    hasMpin: a.secrets.mpin !== '',
    hasTotpSecret: a.secrets.totpSecret !== '',
    hasApiSecret: !!a.secrets.apiSecret,
    apiKeyLast4: a.secrets.apiKey.slice(-4),
    ...(a.tokens
      ? {
          tokensCapturedAt: a.tokens.capturedAt,
          tokensExpireAt: a.tokens.expiresAt,
          tokensSource: a.tokens.source,
        }
      : {}),
  };
}

/** The code for `atMs` device time (default now), corrected by a measured clock skew above 5 s. */
export function currentTotp(a: Account, atMs: number = Date.now()): { code: string; remainingMs: number } {
  if (!a.secrets.totpSecret) {
    throw new UserError('no-totp-secret', tText('bg.noTotpSecret', { label: a.label }));
  }
  const w = totpWindow(a.secrets.totpSecret, a.totp, atMs + skewCorrectionMs());
  return { code: w.code, remainingMs: w.remainingMs };
}

// ---------- status ----------

export async function vaultStatus(): Promise<VaultStatus> {
  const settings = await settingsItem.getValue();
  const base = {
    autoLockMinutes: settings.autoLockMinutes,
    backupReminder: backupReminder(settings),
    accountCount: settings.accountCount,
  };
  const raw = await vaultItem.getValue();
  if (raw === null || raw === undefined)
    return { ...base, state: 'none', backupReminder: false, accountCount: 0 };
  let parsedVersion: 1 | 2;
  try {
    const parsed = parseEnvelope(raw);
    parsedVersion = parsed.v;
    if (parsed.v === 2) {
      const problem = await problemItem.getValue();
      if (problem && problem.fingerprint === fingerprint(parsed.envelope)) {
        return { ...base, state: 'corrupt', problem: corruptProblem(problem.problem) };
      }
    }
  } catch (err) {
    if (err instanceof EnvelopeError)
      return { ...base, state: 'corrupt', problem: corruptProblem(err.message) };
    throw err;
  }
  if (parsedVersion === 2 && (await keyItem.getValue())) {
    try {
      const data = await peekVault();
      return { ...base, state: 'unlocked', accountCount: data.accounts.length };
    } catch (err) {
      if (err instanceof UserError && err.code === 'vault-corrupt') {
        const problem = await problemItem.getValue();
        return { ...base, state: 'corrupt', problem: corruptProblem(problem?.problem ?? err.message) };
      }
      if (!(err instanceof UserError && err.code === 'locked')) throw err;
    }
  }
  return { ...base, state: 'locked' };
}

function corruptProblem(what: string): string {
  return tText('vdmg.corrupt', { problem: what });
}

function backupReminder(s: VaultSettings): boolean {
  if (s.accountCount <= 0) return false;
  if (!s.backupExportedAt) return true;
  return s.accountsAddedAt !== undefined && s.accountsAddedAt > s.backupExportedAt;
}

// ---------- lifecycle ----------

function checkNewPassword(
  password: unknown,
  what: 'bg.weakMaster' | 'bg.weakNew' | 'bg.weakBackup' = 'bg.weakMaster',
): string {
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH) {
    throw new UserError('weak-password', tText(what, { min: MIN_PASSWORD_LENGTH }));
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

async function createVault(password: string, data: VaultData, reason?: string): Promise<void> {
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
    throw new UserError('wrong-password', tText('bg.typeToUnlock'));
  const raw = await vaultItem.getValue();
  if (raw === null || raw === undefined) throw new UserError('no-vault', tText('bg.noVault'));
  let opened;
  try {
    opened = await openEnvelope(raw, password, currentKdfIterations());
  } catch (err) {
    if (err instanceof EnvelopeError && err.code === 'wrong-password') {
      throw new UserError('wrong-password', tText('bg.wrongPassword'));
    }
    if (err instanceof EnvelopeError) {
      await markCorrupt(raw, err.message);
      return vaultStatus();
    }
    throw err;
  }
  let data: VaultData;
  try {
    data = parseVaultData(opened.plaintext);
  } catch (err) {
    if (!(err instanceof EnvelopeError)) throw err;
    await markCorrupt(raw, err.message);
    return vaultStatus();
  }
  if (opened.upgraded) {
    // Migrated (v1 -> v2) or KDF strengthened: store only once the new envelope reads back.
    const check = await openEnvelope(opened.envelope, password, currentKdfIterations());
    if (check.plaintext !== opened.plaintext) throw new UserError('internal', tText('vdmg.upgradeFailed'));
    await vaultItem.setValue(opened.envelope);
  }
  await startSession(opened.vaultKey);
  const settings = await settingsItem.getValue();
  if (settings.accountCount !== data.accounts.length)
    await settingsItem.setValue({ ...settings, accountCount: data.accounts.length });
  return vaultStatus();
}

/** Remember why the stored envelope cannot be opened (status then says 'corrupt'). */
async function markCorrupt(raw: unknown, problem: string): Promise<void> {
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

// ---------- auto-lock ----------

/** Seen activity from an extension page: push the auto-lock back. */
export async function noteActivity(force = false): Promise<void> {
  if (!(await keyItem.getValue())) return;
  const now = Date.now();
  const last = await activityItem.getValue();
  if (!force && now - last < ACTIVITY_THROTTLE_MS && now >= last) return;
  await activityItem.setValue(now);
  await scheduleAutoLock(now);
}

async function scheduleAutoLock(lastActivity: number): Promise<void> {
  const { autoLockMinutes } = await settingsItem.getValue();
  if (autoLockMinutes === null) {
    await browser.alarms.clear(AUTO_LOCK_ALARM);
    return;
  }
  browser.alarms.create(AUTO_LOCK_ALARM, { when: lastActivity + autoLockMinutes * 60_000 });
}

/** The auto-lock alarm fired: lock if the idle time really has passed, else re-arm. */
export async function onAutoLockAlarm(now = Date.now()): Promise<void> {
  const { autoLockMinutes } = await settingsItem.getValue();
  if (autoLockMinutes === null || !(await keyItem.getValue())) return;
  const last = await activityItem.getValue();
  const due = last + autoLockMinutes * 60_000;
  if (now >= due - 1000) await serial(lockVault);
  else browser.alarms.create(AUTO_LOCK_ALARM, { when: due });
}

// ---------- accounts ----------

function findAccount(v: VaultData, id: unknown): Account {
  const a = v.accounts.find((x) => x.id === id);
  if (!a) throw new UserError('not-found', tText('bg.accountGone'));
  return a;
}

// ---------- TOTP codes ----------

export async function totpCodes(now = Date.now()): Promise<TotpCodes> {
  const data = await peekVault();
  await loadSkew();
  void measureSkewIfDue(false, now).catch(() => undefined);
  const skew = knownSkew();
  const at = now + skewCorrectionMs();
  const codes: TotpCode[] = [];
  for (const a of data.accounts) {
    if (!a.secrets.totpSecret) continue;
    try {
      const w = totpWindow(decodeBase32(a.secrets.totpSecret), a.totp, at);
      codes.push({
        accountId: a.id,
        code: w.code,
        next: w.next,
        remainingMs: w.remainingMs,
        period: a.totp.period,
      });
    } catch {
      /* a secret that no longer decodes is skipped rather than breaking every code */
    }
  }
  return {
    codes,
    skewMs: skew ? skew.offsetMs : null,
    skewWarning: !!skew && Math.abs(skew.offsetMs) > SKEW_WARN_MS,
  };
}

function newId(): string {
  return crypto.randomUUID();
}

// ---------- registration ----------

export function registerVault(): void {
  // Chrome's default already; set it explicitly. Firefox has no setAccessLevel (and no
  // content-script access to storage.session at all).
  const session = browser.storage.session as typeof browser.storage.session & {
    setAccessLevel?: (o: { accessLevel: string }) => Promise<void>;
  };
  if (typeof session.setAccessLevel === 'function') {
    void session.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
  }

  handle('vault/status', 'page', () => vaultStatus());

  handle('vault/create', 'page', ({ password }) =>
    serial(async () => {
      const pw = checkNewPassword(password);
      if ((await vaultItem.getValue()) !== null) {
        throw new UserError('vault-exists', tText('bg.vaultExists'));
      }
      await createVault(pw, { accounts: [], webhookSecrets: {} });
      return vaultStatus();
    }).then((s) => {
      fireUnlocked();
      return s;
    }),
  );

  handle('vault/unlock', 'page', async ({ password }) => {
    const status = await serial(() => unlockVault(password));
    if (status.state === 'unlocked') fireUnlocked();
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
        if (raw === null || raw === undefined) throw new UserError('no-vault', tText('vdmg.noVaultYet'));
        if (safeParseVersion(raw) === 1) {
          throw new UserError(
            'needs-upgrade',
            'Unlock the vault once (this upgrades its storage format), then change the password.',
          );
        }
        throw new UserError(
          'vault-corrupt',
          'The stored vault cannot be read, so its password cannot be changed. Restore a backup or reset the vault.',
        );
      }
      let vaultKey: Uint8Array<ArrayBuffer>;
      try {
        vaultKey = await unwrapVaultKey(env, typeof current === 'string' ? current : '');
      } catch (err) {
        if (err instanceof EnvelopeError) throw new UserError('wrong-password', tText('bg.wrongCurrent'));
        throw err;
      }
      const rewrapped = await wrapVaultKey(vaultKey, nextPw, currentKdfIterations());
      await vaultItem.setValue({ ...env, ...rewrapped });
      dropCache();
    }),
  );

  handle('vault/set-auto-lock', 'page', async ({ minutes }) => {
    if (
      minutes !== null &&
      (typeof minutes !== 'number' ||
        !Number.isInteger(minutes) ||
        minutes < 1 ||
        minutes > MAX_AUTO_LOCK_MINUTES)
    ) {
      throw new UserError('bad-auto-lock', tText('bg.autoLockRange', { max: MAX_AUTO_LOCK_MINUTES }));
    }
    const settings = await settingsItem.getValue();
    await settingsItem.setValue({ ...settings, autoLockMinutes: minutes });
    await noteActivity(true);
    if (minutes === null) await browser.alarms.clear(AUTO_LOCK_ALARM);
    return vaultStatus();
  });

  handle('vault/reset', 'page', ({ confirm }) =>
    serial(async () => {
      if (confirm !== 'RESET') throw new UserError('confirm-reset', tText('bg.confirmReset'));
      // A reset keeps nothing: the vault, every copy set aside earlier, and what other
      // features sealed with its key all go (the old master password must open nothing).
      await vaultItem.removeValue();
      await keptCopiesItem.removeValue();
      for (const cb of resetCallbacks) await cb();
      await problemItem.setValue(null);
      const { autoLockMinutes } = await settingsItem.getValue();
      await settingsItem.setValue({ autoLockMinutes, accountCount: 0 });
      await lockVault();
      return vaultStatus();
    }),
  );

  handle('vault/touch', 'page', () => noteActivity());
  registerKeptCopies();

  handle('accounts/list', 'page', async () => (await peekVault()).accounts.map(summarize));

  handle('accounts/save', 'page', async ({ id, input }) => {
    if (typeof input !== 'object' || input === null)
      throw new UserError('bad-request', tText('bg.formNotSent'));
    let result: { account?: AccountSummary; errors?: FieldErrors } = {};
    let added = false;
    await updateVault((v) => {
      const existing = id !== undefined ? findAccount(v, id) : undefined;
      const { errors, value } = checkAccountInput(input, { isEdit: existing !== undefined, existing });
      if (!value) {
        result = { errors };
        throw new ValidationFailed();
      }
      const account = applyAccountInput(value, existing, existing?.id ?? newId());
      if (existing) v.accounts[v.accounts.indexOf(existing)] = account;
      else {
        v.accounts.push(account);
        added = true;
      }
      result = { account: summarize(account) };
    }).catch((err) => {
      if (!(err instanceof ValidationFailed)) throw err;
    });
    if (added) {
      const s = await settingsItem.getValue();
      await settingsItem.setValue({ ...s, accountsAddedAt: Date.now() });
    }
    return result;
  });

  handle('accounts/delete', 'page', async ({ id }) => {
    await updateVault((v) => {
      const a = findAccount(v, id);
      v.accounts.splice(v.accounts.indexOf(a), 1);
    });
  });

  handle('accounts/reorder', 'page', async ({ ids }) => {
    await updateVault((v) => {
      const wanted = Array.isArray(ids) ? ids : [];
      const same =
        wanted.length === v.accounts.length &&
        new Set(wanted).size === wanted.length &&
        wanted.every((x) => v.accounts.some((a) => a.id === x));
      if (!same) throw new UserError('reorder-mismatch', tText('bg.listChanged'));
      v.accounts = wanted.map((x) => v.accounts.find((a) => a.id === x)!);
    });
  });

  // Asked every second while the popup is open: never activity (auto-lock would never fire).
  handle('totp/codes', 'page', () => totpCodes());

  registerBackup({ vaultStatus, createVault, fireUnlocked, checkNewPassword });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === AUTO_LOCK_ALARM) void onAutoLockAlarm();
  });
  try {
    browser.idle.onStateChanged.addListener((state) => {
      if (state === 'locked') void serial(lockVault);
    });
  } catch {
    /* no idle API here (tests' fake browser): auto-lock by alarm still works */
  }
  // Only what a person does on an extension page counts as activity (see activity.ts).
  browser.runtime.onMessage.addListener((message: unknown, sender: Sender) => {
    if (dispatchActivityTypes(message) && isExtensionPageSender(sender))
      void noteActivity().catch(() => undefined);
    return undefined;
  });
  // storage.session is empty after a browser restart; nothing here ever recreates the key.
  void loadSkew().catch(() => undefined);
}

class ValidationFailed extends Error {}

export { DEFAULT_AUTO_LOCK_MINUTES, LOCKED_MESSAGE };
