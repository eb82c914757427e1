/**
 * Versioned vault data (VaultData.schemaVersion). Each step is a frozen pure function from one
 * version's plain object to the next (vNToVN+1.ts); `migrateVaultData` runs the steps a stored
 * or restored vault needs, in order. Data newer than this code knows is refused, never changed:
 * the caller keeps it as stored and tells the user to update the extension.
 */
import { v0ToV1 } from './v0ToV1';

type Step = (data: Readonly<Record<string, unknown>>) => Record<string, unknown>;

/** STEPS[n] turns version n into version n + 1. Append only. */
const STEPS: readonly Step[] = [v0ToV1];

/** The version this code writes: one past the last step. */
export const VAULT_SCHEMA_VERSION = STEPS.length;

export type Migrated =
  | { ok: true; data: Record<string, unknown>; from: number }
  | { ok: false; problem: 'not-an-object' | 'bad-version' }
  | { ok: false; problem: 'too-new'; version: number };

/** Bring decrypted vault data of any known version to the current one. */
export function migrateVaultData(json: unknown): Migrated {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { ok: false, problem: 'not-an-object' };
  let data = json as Record<string, unknown>;
  const raw = data.schemaVersion;
  const from = raw === undefined ? 0 : raw;
  if (typeof from !== 'number' || !Number.isSafeInteger(from) || from < 0)
    return { ok: false, problem: 'bad-version' };
  if (from > VAULT_SCHEMA_VERSION) return { ok: false, problem: 'too-new', version: from };
  for (let v = from; v < VAULT_SCHEMA_VERSION; v++) data = STEPS[v]!(data);
  return { ok: true, data, from };
}
