import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { createRateLimiter } from '@/utils/angel/rateLimiter';

/** A virtual clock: sleep() advances time instead of waiting. */
function virtualClock() {
  let t = 1_000_000;
  return {
    now: () => t,
    sleep: async (ms: number) => {
      t += ms;
    },
    advance: (ms: number) => {
      t += ms;
    },
  };
}

describe('createRateLimiter', () => {
  it('runs the first task at once and queues the next one an interval later', async () => {
    const clock = virtualClock();
    const lim = createRateLimiter({ intervalMs: 1000, ...clock });
    const starts: number[] = [];
    const task = async () => {
      starts.push(clock.now());
      return starts.length;
    };
    expect(await lim.schedule('A1', task)).toBe(1);
    clock.advance(200);
    expect(lim.waitFor('A1')).toBe(800);
    expect(await lim.schedule('A1', task)).toBe(2);
    expect(starts[1]! - starts[0]!).toBe(1000);
  });

  it('does not slow down other keys', async () => {
    const clock = virtualClock();
    const lim = createRateLimiter({ intervalMs: 1000, ...clock });
    const starts: Record<string, number> = {};
    await lim.schedule('A1', async () => void (starts.a = clock.now()));
    await lim.schedule('B2', async () => void (starts.b = clock.now()));
    expect(starts.b).toBe(starts.a);
  });

  it('lets a failing task release its slot on time and passes the error on', async () => {
    const clock = virtualClock();
    const lim = createRateLimiter({ intervalMs: 1000, ...clock });
    await expect(lim.schedule('A', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    const t0 = clock.now();
    await lim.schedule('A', async () => undefined);
    expect(clock.now() - t0).toBe(1000);
  });

  it('runs a burst in call order, one interval apart (real timers)', async () => {
    const lim = createRateLimiter({ intervalMs: 40 });
    const starts: [number, number][] = [];
    await Promise.all([0, 1, 2].map((i) => lim.schedule('K', async () => void starts.push([i, Date.now()]))));
    expect(starts.map(([i]) => i)).toEqual([0, 1, 2]);
    expect(starts[1]![1] - starts[0]![1]).toBeGreaterThanOrEqual(38);
    expect(starts[2]![1] - starts[1]![1]).toBeGreaterThanOrEqual(38);
  });

  it('property: starts of one key are never closer than the interval, and keep call order', async () => {
    vi.useFakeTimers();
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.constantFrom('a', 'b', 'c')), {
            minLength: 1,
            maxLength: 30,
          }),
          async (calls) => {
            const lim = createRateLimiter({ intervalMs: 1000 });
            const starts: Record<string, [number, number][]> = {};
            const pending: Promise<void>[] = [];
            calls.forEach(([gap, key], i) => {
              vi.advanceTimersByTime(gap);
              pending.push(lim.schedule(key, async () => void (starts[key] ??= []).push([i, Date.now()])));
            });
            await vi.runAllTimersAsync();
            await Promise.all(pending);
            for (const list of Object.values(starts)) {
              for (let i = 1; i < list.length; i++) {
                expect(list[i]![1] - list[i - 1]![1]).toBeGreaterThanOrEqual(1000);
                expect(list[i]![0]).toBeGreaterThan(list[i - 1]![0]);
              }
            }
            expect(Object.values(starts).flat()).toHaveLength(calls.length);
          },
        ),
      );
    } finally {
      vi.useRealTimers();
    }
  });
});
