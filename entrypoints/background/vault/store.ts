/**
 * The vault's state in the background: the envelope in storage.local, the unwrapped vault key
 * in storage.session (trusted contexts only), and a decrypted copy in memory that is checked
 * against storage on every read (the service worker can die, storage can change under us).
 *
 * The popup asks for codes every second, so reads are cheap: the parsed envelope is reused
 * while the stored one is unchanged, and the decrypted data is kept (frozen) for as long as
 * the session key and the stored data stay the same. Read-only paths take it as is
 * (peekVault); anything that may change it takes a private copy (loadVault).
 */
import { t } from '@/utils/i18n/text';
import { msg, render, type Msg, type Said } from '@/utils/i18n/core';
import { defineStoredItem } from '@/utils/storage/item';
import { UserError } from '@/utils/messaging';
import { withLock } from '@/utils/locks';
import { fromBase64, toBase64 } from '@/utils/vault/bytes';
import {
  DEFAULT_KDF_ITERATIONS,
  EnvelopeError,
  importVaultKey,
  openData,
  parseEnvelope,
  sealData,
  type EnvelopeV2,
} from '@/utils/vault/envelope';
import type { VaultData } from '@/utils/vault/types';
import { migrateVaultData, VAULT_SCHEMA_VERSION } from '@/utils/vault/migrations';

export interface VaultSettings {
  /** null = never auto-lock. */
  autoLockMinutes: number | null;
  /** Not secret: lets the locked popup say how many accounts there are. */
  accountCount: number;
  /** Last time an account was added (by hand or import), ms epoch. */
  accountsAddedAt?: number;
  /** Last encrypted backup export, ms epoch. */
  backupExportedAt?: number;
}

export interface KeptCopy {
  savedAt: number;
  reason: string;
  envelope: unknown;
}

export const DEFAULT_AUTO_LOCK_MINUTES = 30;
export const MAX_KEPT_COPIES = 3;

export const vaultItem = defineStoredItem<unknown>('local:vault');
export const settingsItem = defineStoredItem<VaultSettings>('local:vaultSettings', {
  fallback: { autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES, accountCount: 0 },
});
/** Envelopes set aside before a reset or a restore over them: never deleted by the extension. */
export const keptCopiesItem = defineStoredItem<KeptCopy[]>('local:vaultKeptCopies', { fallback: [] });
/** The unwrapped vault key, base64. storage.session only: cleared when the browser closes. */
export const keyItem = defineStoredItem<string | null>('session:vaultKey', { fallback: null });
/** A problem found while the vault was open or being opened (data damaged), keyed to the envelope. */
export const problemItem = defineStoredItem<{ fingerprint: string; problem: Said } | null>(
  'session:vaultProblem',
  {
    fallback: null,
  },
);

/**
 * PBKDF2 iterations for a new envelope or wrap. Stored envelopes always record what was used.
 * (Unit tests replace this module's function through vi.mock: 600,000 iterations is too slow
 * to run hundreds of times.)
 */
export function currentKdfIterations(): number {
  return DEFAULT_KDF_ITERATIONS;
}

export function fingerprint(env: EnvelopeV2): string {
  return `${env.wrappedKey.iv}.${env.data.iv}`;
}

// ---------- one writer at a time ----------

/** Run `fn` after every earlier serial task. Do not call serial() from inside `fn`. */
export function serial<T>(fn: () => Promise<T>): Promise<T> {
  return withLock('vault', fn);
}

// ---------- decrypted cache ----------

interface Cache {
  keyB64: string;
  key: CryptoKey;
  dataFingerprint: string;
  /** Deep-frozen: shared by every read-only caller, never handed out for changing. */
  data: Readonly<VaultData>;
}
let cache: Cache | null = null;
/** The last envelope parsed (frozen); a stored value with the same strings is the same envelope. */
let parsed: EnvelopeV2 | null = null;

/** The session's vault key as a CryptoKey (the cached one while it is current). */
export async function sessionCryptoKey(): Promise<CryptoKey> {
  const key = await storedKey();
  if (!key) throw lockedError();
  if (cache && cache.keyB64 === key.keyB64) return cache.key;
  return importVaultKey(key.raw);
}

export function dropCache(): void {
  cache = null;
  parsed = null;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function sameCipherText(a: unknown, b: { iv: string; ct: string }): boolean {
  const x = a as { iv?: unknown; ct?: unknown } | null;
  return typeof x === 'object' && x !== null && x.iv === b.iv && x.ct === b.ct;
}

/** True when `raw` holds exactly the strings of `env` (a string compare, no parse, no decode). */
function sameStored(raw: unknown, env: EnvelopeV2): boolean {
  if (typeof raw !== 'object' || raw === null) return false;
  const r = raw as Record<string, unknown>;
  const kdf = r.kdf as Record<string, unknown> | null | undefined;
  return (
    r.v === 2 &&
    typeof kdf === 'object' &&
    kdf !== null &&
    kdf.name === env.kdf.name &&
    kdf.iterations === env.kdf.iterations &&
    kdf.salt === env.kdf.salt &&
    sameCipherText(r.wrappedKey, env.wrappedKey) &&
    sameCipherText(r.data, env.data)
  );
}

export function lockedError(): UserError {
  return new UserError('locked', t('bg.locked'));
}

/** Parse decrypted JSON into VaultData, or throw EnvelopeError('damaged'). */
export function parseVaultData(plaintext: string): VaultData {
  let json: unknown;
  try {
    json = JSON.parse(plaintext);
  } catch {
    throw new EnvelopeError('damaged', msg('vdmg.notJson'));
  }
  // Older data is brought to the current shape here, on every open; it is stored in that shape
  // at the next write. Newer data is refused as it is: nothing is changed or marked damaged.
  const migrated = migrateVaultData(json);
  if (!migrated.ok && migrated.problem === 'too-new')
    throw new UserError(
      'vault-too-new',
      t('vdmg.tooNew', { version: migrated.version, known: VAULT_SCHEMA_VERSION }),
    );
  if (!migrated.ok) throw new EnvelopeError('damaged', msg('vdmg.noList'));
  if (!Array.isArray(migrated.data.accounts)) throw new EnvelopeError('damaged', msg('vdmg.noList'));
  return migrated.data as unknown as VaultData;
}

export async function storedKey(): Promise<{ keyB64: string; raw: Uint8Array<ArrayBuffer> } | null> {
  const keyB64 = await keyItem.getValue();
  if (!keyB64) return null;
  try {
    const raw = fromBase64(keyB64);
    return raw.length === 32 ? { keyB64, raw } : null;
  } catch {
    return null;
  }
}

/** The envelope as stored, parsed; throws EnvelopeError when unreadable, null when none. */
export async function storedEnvelope(): Promise<EnvelopeV2 | null> {
  const raw = await vaultItem.getValue();
  if (raw === null || raw === undefined) return null;
  if (parsed && sameStored(raw, parsed)) return parsed;
  const result = parseEnvelope(raw);
  if (result.v !== 2) return null; // a v1 envelope is only readable by unlocking (migration)
  parsed = deepFreeze(result.envelope);
  return parsed;
}

async function recordProblem(env: EnvelopeV2, problem: Msg): Promise<void> {
  await problemItem.setValue({ fingerprint: fingerprint(env), problem });
}

/**
 * Decrypted vault data (a private copy the caller may change). Throws UserError('locked') when
 * locked and UserError('vault-corrupt') when the stored data cannot be decrypted or parsed.
 */
export async function loadVault(): Promise<VaultData> {
  return structuredClone(await peekVault()) as VaultData;
}

/**
 * The decrypted vault data for reading only: the cached object itself, deep-frozen (changing it
 * throws in strict code). Same errors as loadVault.
 */
export async function peekVault(): Promise<Readonly<VaultData>> {
  const key = await storedKey();
  if (!key) throw lockedError();
  let env: EnvelopeV2 | null;
  try {
    env = await storedEnvelope();
  } catch (err) {
    if (err instanceof EnvelopeError)
      throw new UserError('vault-corrupt', t('env.cannotRead', { problem: render(err.problem) }));
    throw err;
  }
  if (!env) throw lockedError();
  const fp = fingerprint(env);
  if (cache && cache.keyB64 === key.keyB64 && cache.dataFingerprint === fp) return cache.data;
  let data: VaultData;
  try {
    data = parseVaultData(await openData(key.raw, env.data));
  } catch (err) {
    if (err instanceof EnvelopeError) {
      await recordProblem(env, err.problem);
      throw new UserError('vault-corrupt', t('env.nothingChanged', { problem: render(err.problem) }));
    }
    throw err;
  }
  cache = {
    keyB64: key.keyB64,
    key: await importVaultKey(key.raw),
    dataFingerprint: fp,
    data: deepFreeze(data),
  };
  return cache.data;
}

/** Encrypt `data` with a fresh IV under the session's vault key and store it. */
export async function storeVault(data: VaultData): Promise<void> {
  const key = await storedKey();
  const env = await storedEnvelope();
  if (!key || !env) throw lockedError();
  data = { ...data, schemaVersion: VAULT_SCHEMA_VERSION };
  const next: EnvelopeV2 = { ...env, data: await sealData(key.raw, JSON.stringify(data)) };
  await vaultItem.setValue(next);
  cache = {
    keyB64: key.keyB64,
    key: await importVaultKey(key.raw),
    dataFingerprint: fingerprint(next),
    data: deepFreeze(structuredClone(data)),
  };
  const settings = await settingsItem.getValue();
  if (settings.accountCount !== data.accounts.length)
    await settingsItem.setValue({ ...settings, accountCount: data.accounts.length });
}

export { toBase64 };
