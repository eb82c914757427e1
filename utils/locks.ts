/**
 * One writer at a time for a stored record: read, change, write without another change
 * slipping in between. The platform's Web Locks (`navigator.locks`: Chrome's service worker,
 * Firefox's event page) hold across every context of the extension; where they are missing
 * (unit tests under Node), an in-process chain per name does the same for this context.
 *
 * Not re-entrant: `fn` must never take the same lock again (it would wait for itself).
 */

interface LockManagerLike {
  request<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

/** The names in use, so that two features never share (or mistype) one by accident. */
export type LockName =
  'vault' | 'login-attempts' | 'login-results' | 'history' | 'delivery' | 'tab-pages' | 'validation-results';

function webLocks(): LockManagerLike | null {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
  return locks && typeof locks.request === 'function' ? locks : null;
}

const chains = new Map<string, Promise<unknown>>();

function chained<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const run = (chains.get(name) ?? Promise.resolve()).then(fn, fn);
  chains.set(
    name,
    run.catch(() => undefined),
  );
  return run;
}

/** Run `fn` once every earlier holder of lock `name` is done; resolves with its result. */
export function withLock<T>(name: LockName, fn: () => Promise<T>): Promise<T> {
  const locks = webLocks();
  if (locks) return locks.request(`sac-${name}`, () => fn());
  return chained(name, fn);
}
