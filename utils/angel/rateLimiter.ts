/**
 * At most one task per key per interval, queued rather than refused: a caller that comes
 * too early waits for its slot. Slots are handed out in call order, so a burst of calls for
 * one key runs one interval apart. Other keys are not slowed down.
 */
export interface RateLimiter {
  /** Run `task` when `key`'s next slot comes; resolves or rejects with the task. */
  schedule<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** How long a task scheduled now for `key` would wait, ms. */
  waitFor(key: string): number;
}

export interface RateLimiterOptions {
  intervalMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export function createRateLimiter(opts: RateLimiterOptions): RateLimiter {
  const now = opts.now ?? (() => Date.now());
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const nextSlot = new Map<string, number>();

  function waitFor(key: string): number {
    return Math.max(0, (nextSlot.get(key) ?? 0) - now());
  }

  async function schedule<T>(key: string, task: () => Promise<T>): Promise<T> {
    const t = now();
    const slot = Math.max(t, nextSlot.get(key) ?? t);
    nextSlot.set(key, slot + opts.intervalMs);
    if (slot > t) await sleep(slot - t);
    return task();
  }

  return { schedule, waitFor };
}
