/** Which incoming messages count as user activity for auto-lock. */
const NOT_ACTIVITY = new Set(['vault/lock', 'vault/status']);

/** True for a router message from which auto-lock should be pushed back. */
export function dispatchActivityTypes(message: unknown): boolean {
  if (!message || typeof message !== 'object') return false;
  const m = message as { __sac?: unknown; type?: unknown };
  return m.__sac === 1 && typeof m.type === 'string' && !NOT_ACTIVITY.has(m.type);
}
