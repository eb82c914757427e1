import { describe, expect, it } from 'vitest';
import { CLEAR_AFTER_MS, createClipboardGuard, type ClipboardEnv } from '@/utils/ui/clipboard';

/** A clipboard and a clock under the test's control. */
function fakeEnv() {
  let clip = '';
  let focused = true;
  const blurListeners = new Set<() => void>();
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let now = 0;
  let nextId = 1;
  const env: ClipboardEnv = {
    async writeText(t) {
      clip = t;
    },
    hasFocus: () => focused,
    setTimeout(fn, ms) {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout(h) {
      const i = timers.findIndex((t) => t.id === h);
      if (i >= 0) timers.splice(i, 1);
    },
    onBlur(fn) {
      blurListeners.add(fn);
      return () => blurListeners.delete(fn);
    },
  };
  return {
    env,
    get clip() {
      return clip;
    },
    set clip(v: string) {
      clip = v;
    },
    blur() {
      focused = false;
      for (const f of blurListeners) f();
    },
    async advance(ms: number) {
      now += ms;
      for (const t of timers.filter((x) => x.at <= now)) {
        timers.splice(timers.indexOf(t), 1);
        t.fn();
      }
      // let the async clear run
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
    pendingTimers: () => timers.length,
  };
}

describe('clipboard guard', () => {
  it('copies and clears after 30 s when the page kept the focus', async () => {
    const f = fakeEnv();
    const outcomes: string[] = [];
    const g = createClipboardGuard(f.env, (o) => outcomes.push(o));
    await g.copy('123456');
    expect(f.clip).toBe('123456');
    await f.advance(CLEAR_AFTER_MS - 1);
    expect(f.clip).toBe('123456');
    await f.advance(1);
    expect(f.clip).toBe('');
    expect(outcomes).toEqual(['cleared']);
  });

  it('leaves the clipboard alone once the page lost the focus', async () => {
    const f = fakeEnv();
    const g = createClipboardGuard(f.env);
    await g.copy('111111');
    await f.advance(CLEAR_AFTER_MS);
    expect(f.clip).toBe('');

    const f2 = fakeEnv();
    const g2 = createClipboardGuard(f2.env);
    await g2.copy('222222');
    f2.blur();
    f2.clip = 'copied elsewhere';
    await f2.advance(CLEAR_AFTER_MS);
    expect(f2.clip).toBe('copied elsewhere');
  });

  it('a second copy restarts the 30 s and only one timer is pending', async () => {
    const f = fakeEnv();
    const g = createClipboardGuard(f.env);
    await g.copy('111111');
    await f.advance(20_000);
    await g.copy('222222');
    expect(f.pendingTimers()).toBe(1);
    await f.advance(20_000);
    expect(f.clip).toBe('222222');
    await f.advance(10_000);
    expect(f.clip).toBe('');
  });

  it('dispose cancels the pending clear', async () => {
    const f = fakeEnv();
    const g = createClipboardGuard(f.env);
    await g.copy('333333');
    g.dispose();
    await f.advance(CLEAR_AFTER_MS);
    expect(f.clip).toBe('333333');
    expect(await g.clearNow()).toBe('skipped');
  });
});
