/** The vault's events other background features react to: unlocked, reset, accounts changed. */

const resetCallbacks: Array<() => Promise<void>> = [];
/** `cb` runs inside a reset, after the vault is gone: drop everything sealed with its key. */
export function onVaultReset(cb: () => Promise<void>): void {
  resetCallbacks.push(cb);
}

export async function fireReset(): Promise<void> {
  for (const cb of resetCallbacks) await cb();
}

type AccountsListener = (accountIds: ReadonlySet<string>) => Promise<void>;
const accountsCallbacks: AccountsListener[] = [];
/**
 * `cb` runs after accounts may have gone (one deleted, a backup restored over them, an unlock
 * that may find leftovers of older versions) with the ids still in the vault: features drop
 * what belongs to the others there, on this write, never while a page polls a read.
 * Never called while the vault's writer lock is held (`cb` may write the vault).
 */
export function onAccountsChanged(cb: AccountsListener): void {
  accountsCallbacks.push(cb);
}

export async function fireAccountsChanged(accountIds: ReadonlySet<string>): Promise<void> {
  for (const cb of accountsCallbacks) {
    await cb(accountIds).catch(() => {
      console.error('[SmartAPI Companion] a clean-up after an account change failed');
    });
  }
}

const unlockCallbacks: Array<() => void> = [];
export function onVaultUnlocked(cb: () => void): void {
  unlockCallbacks.push(cb);
}

export function fireUnlocked(): void {
  for (const cb of unlockCallbacks) {
    try {
      cb();
    } catch {
      console.error('[SmartAPI Companion] an unlock listener failed');
    }
  }
}
