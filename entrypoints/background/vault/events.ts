/** The vault's two events other background features react to: unlocked, and reset. */

const resetCallbacks: Array<() => Promise<void>> = [];
/** `cb` runs inside a reset, after the vault is gone: drop everything sealed with its key. */
export function onVaultReset(cb: () => Promise<void>): void {
  resetCallbacks.push(cb);
}

export async function fireReset(): Promise<void> {
  for (const cb of resetCallbacks) await cb();
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
