/**
 * At most one task per key per interval, queued rather than refused: a caller that comes
 * too early waits its turn. Tasks of one key start in call order, each at least one interval
 * after the previous one really started (measured when it starts, not when it was queued,
 * so a late timer can never squeeze two starts together). Other keys are not slowed down.
 */
export interface RateLimiter {
  /** Run `task` when `key`'s turn comes; resolves or rejects with the task. */
  schedule<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** How long a task scheduled now for `key` would wait at least, ms (0 if its turn is free). */
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
  // Per key: resolves with the start time of the last task queued for it.
  const lastStart = new Map<string, Promise<number>>();
  const queued = new Map<string, number>();
  const started = new Map<string, number>();

  function waitFor(key: string): number {
    const ahead = queued.get(key) ?? 0;
    const last = started.get(key);
    const free = last === undefined ? 0 : Math.max(0, last + opts.intervalMs - now());
    return ahead > 0 ? free + ahead * opts.intervalMs : free;
  }

  function schedule<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = lastStart.get(key) ?? Promise.resolve(Number.NEGATIVE_INFINITY);
    queued.set(key, (queued.get(key) ?? 0) + 1);
    const start = previous.then(async (prevStart) => {
      const wait = prevStart + opts.intervalMs - now();
      if (wait > 0) await sleep(wait);
      const t = now();
      started.set(key, t);
      queued.set(key, (queued.get(key) ?? 1) - 1);
      return t;
    });
    lastStart.set(key, start);
    return start.then(() => task());
  }

  return { schedule, waitFor };
}
