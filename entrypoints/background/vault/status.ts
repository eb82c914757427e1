/** What the vault looks like from outside: none, locked, unlocked or corrupt (never a secret). */
import { t } from '@/utils/i18n/text';
import { renderSaid, type Said } from '@/utils/i18n/core';
import { UserError } from '@/utils/messaging';
import { EnvelopeError, parseEnvelope } from '@/utils/vault/envelope';
import type { VaultStatus } from '@/utils/vault/types';
import {
  fingerprint,
  keyItem,
  peekVault,
  problemItem,
  settingsItem,
  storedEnvelope,
  vaultItem,
  type VaultSettings,
} from './store';

export async function isUnlocked(): Promise<boolean> {
  if (!(await keyItem.getValue())) return false;
  try {
    return (await storedEnvelope()) !== null;
  } catch {
    return false;
  }
}

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
      return { ...base, state: 'corrupt', problem: corruptProblem(err.problem) };
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

/** The damaged vault's explanation, worded now (a stored sentence from an older version as it is). */
export function corruptProblem(what: Said): string {
  return t('vdmg.corrupt', { problem: renderSaid(what) });
}

function backupReminder(s: VaultSettings): boolean {
  if (s.accountCount <= 0) return false;
  if (!s.backupExportedAt) return true;
  return s.accountsAddedAt !== undefined && s.accountsAddedAt > s.backupExportedAt;
}
