import { afterEach, describe, expect, it, vi } from 'vitest';
import { withLock } from '@/utils/locks';

const tick = () => new Promise((r) => setTimeout(r, 1));

/** Many concurrent read-modify-write cycles on one "stored" number: none may be lost. */
async function increments(n: number): Promise<number> {
  let stored = 0;
  await Promise.all(
    Array.from({ length: n }, () =>
      withLock('login-results', async () => {
        const read = stored;
        await tick();
        stored = read + 1;
      }),
    ),
  );
  return stored;
}

describe('withLock', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('serialises read-modify-write cycles without the Web Locks API', async () => {
    expect((globalThis as { navigator?: { locks?: unknown } }).navigator?.locks).toBeUndefined();
    expect(await increments(20)).toBe(20);
  });

  it('goes through navigator.locks when the platform has it, one name per lock', async () => {
    const names: string[] = [];
    let tail: Promise<unknown> = Promise.resolve();
    const request = <T>(name: string, fn: () => Promise<T>): Promise<T> => {
      names.push(name);
      const run = tail.then(fn, fn);
      tail = run.catch(() => undefined);
      return run;
    };
    vi.stubGlobal('navigator', { locks: { request } });
    expect(await increments(5)).toBe(5);
    expect(new Set(names)).toEqual(new Set(['sac-login-results']));
  });

  it('a failing holder releases the lock and the caller sees its error', async () => {
    await expect(withLock('vault', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await withLock('vault', async () => 'next')).toBe('next');
  });

  it('different names do not wait for each other', async () => {
    let release!: () => void;
    const held = withLock('delivery', () => new Promise<void>((r) => (release = r)));
    expect(await withLock('history', async () => 'free')).toBe('free');
    release();
    await held;
  });
});
