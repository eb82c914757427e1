/**
 * After Angel refused an account's MPIN, a new login with the same MPIN needs the person's
 * confirmation, and "Log in all" and the schedule skip the account. "The same MPIN" is
 * decided without keeping the MPIN anywhere new: the vault (encrypted) holds a fingerprint
 * (SHA-256 of the account id, client code and MPIN at the time of the refusal); an account
 * whose client code or MPIN was edited since no longer matches it.
 */
import { UserError } from '@/utils/messaging';
import { t } from '@/utils/i18n/text';
import type { Account } from '@/utils/vault/types';
import { readVault, updateVault } from '@/entrypoints/background/vault';

export interface WrongPinMark {
  at: number;
  fingerprint: string;
  attemptsLeft?: number;
}

declare module '@/utils/vault/types' {
  interface VaultData {
    /** Accounts whose MPIN Angel refused, by account id (see entrypoints/background/login/wrongPin.ts). */
    loginWrongPin?: Record<string, WrongPinMark>;
  }
}

export async function credentialFingerprint(
  a: Pick<Account, 'id' | 'clientCode' | 'secrets'>,
): Promise<string> {
  const text = `sac-login-credentials-v1\u0000${a.id}\u0000${a.clientCode.trim().toUpperCase()}\u0000${a.secrets.mpin}`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Remember that Angel refused this account's current MPIN. */
export async function markWrongPin(accountId: string, attemptsLeft?: number): Promise<void> {
  await updateVault(async (v) => {
    const a = v.accounts.find((x) => x.id === accountId);
    if (!a) return;
    const mark: WrongPinMark = { at: Date.now(), fingerprint: await credentialFingerprint(a) };
    if (attemptsLeft !== undefined) mark.attemptsLeft = attemptsLeft;
    v.loginWrongPin = { ...v.loginWrongPin, [accountId]: mark };
  });
}

/** Forget the mark (a login went through, or Angel says the account is locked: another rule applies). */
export async function clearWrongPin(accountId: string): Promise<void> {
  const v = await readVault();
  if (!v.loginWrongPin?.[accountId]) return;
  await updateVault((d) => {
    if (d.loginWrongPin) delete d.loginWrongPin[accountId];
  });
}

/** The mark when the account still has the client code and MPIN Angel refused; null otherwise. */
export async function sameRefusedPin(accountId: string): Promise<WrongPinMark | null> {
  const v = await readVault();
  const mark = v.loginWrongPin?.[accountId];
  const a = v.accounts.find((x) => x.id === accountId);
  if (!mark || !a) return null;
  return (await credentialFingerprint(a)) === mark.fingerprint ? mark : null;
}

/** True when Angel refused this account's MPIN and the MPIN (or client code) was changed since. */
export async function pinChangedSinceRefusal(accountId: string): Promise<boolean> {
  const v = await readVault();
  const mark = v.loginWrongPin?.[accountId];
  const a = v.accounts.find((x) => x.id === accountId);
  if (!mark || !a) return false;
  return (await credentialFingerprint(a)) !== mark.fingerprint;
}

/** A manual login after a refused MPIN: throw 'confirm-same-pin' unless confirmed or changed. */
export async function checkSamePinConfirmed(accountId: string, confirmed: boolean): Promise<void> {
  if (confirmed) return;
  const mark = await sameRefusedPin(accountId);
  if (!mark) return;
  throw new UserError(
    'confirm-same-pin',
    mark.attemptsLeft === undefined
      ? t('lgwp.confirm')
      : mark.attemptsLeft === 1
        ? t('lgwp.confirmOneLeft')
        : t('lgwp.confirmLeft', { left: mark.attemptsLeft }),
  );
}
