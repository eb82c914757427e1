/**
 * The background half of the encrypted vault. Secrets never leave it except as what one
 * caller needs (a TOTP code, a sealed blob, VaultData for other background features).
 *
 * One file per part: lifecycle.ts (create, unlock, lock, password, reset), autolock.ts,
 * accounts.ts, codes.ts (live TOTP), backup.ts, keptCopies.ts, status.ts, events.ts
 * (unlocked / reset), store.ts (storage, cache, one writer), skew.ts (clock skew).
 */
import { browser } from 'wxt/browser';
import { registerKeptCopies } from './keptCopies';
import { loadSkew } from './skew';
import { registerBackup } from './backup';
import { registerLifecycle } from './lifecycle';
import { registerAutoLock } from './autolock';
import { registerAccounts } from './accounts';
import { registerCodes } from './codes';
import '@/utils/vault/types';

export { openBlob, sealBlob } from './blobs';
export { DEFAULT_AUTO_LOCK_MINUTES } from './store';
export { recordServerDate } from './skew';
export { currentKdfIterations } from './store';
export { isUnlocked, vaultStatus } from './status';
export { onAccountsChanged, onVaultReset, onVaultUnlocked } from './events';
export { readVault, updateVault, lockVault, MIN_PASSWORD_LENGTH } from './lifecycle';
export { AUTO_LOCK_ALARM, noteActivity, onAutoLockAlarm } from './autolock';
export { summarize } from './accounts';
export { currentTotp, totpCodes } from './codes';

export function registerVault(): void {
  // Chrome's default already; set it explicitly. Firefox has no setAccessLevel (and no
  // content-script access to storage.session at all).
  const session = browser.storage.session as typeof browser.storage.session & {
    setAccessLevel?: (o: { accessLevel: string }) => Promise<void>;
  };
  if (typeof session.setAccessLevel === 'function') {
    void session.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
  }
  registerLifecycle();
  registerAutoLock();
  registerKeptCopies();
  registerAccounts();
  registerCodes();
  registerBackup();
  // storage.session is empty after a browser restart; nothing here ever recreates the key.
  void loadSkew().catch(() => undefined);
}
