/**
 * Test-only stand-ins for what production modules do not export: the vault's PBKDF2 iteration
 * count and a way to empty the message router. testHooks.setup.ts wires them in with vi.mock
 * for every unit test file (each file gets its own copy of this module's state).
 */
import type { SenderKind } from '@/utils/messaging';
import { DEFAULT_KDF_ITERATIONS } from '@/utils/vault/envelope';

let kdfIterations: number | null = null;

/** PBKDF2 at 600,000 iterations is too slow to run hundreds of times; `null` = the real value. */
export function setKdfIterationsForTests(n: number | null): void {
  kdfIterations = n;
}
export function kdfIterationsForTests(): number {
  return kdfIterations ?? DEFAULT_KDF_ITERATIONS;
}

const registrations = new Map<string, { from: SenderKind; remove: () => void }>();

/** Called by the mocked `handle` with what the real one returned. */
export function trackRegistration(type: string, from: SenderKind, remove: () => void): () => void {
  registrations.set(type, { from, remove });
  return remove;
}

/** Remove every handler registered so far (a fresh router). */
export function clearHandlers(): void {
  for (const { remove } of registrations.values()) remove();
  registrations.clear();
}

/** The registered message types and the sender kind each allows. */
export function registeredHandlers(): { type: string; from: SenderKind }[] {
  return [...registrations].map(([type, { from }]) => ({ type, from }));
}
