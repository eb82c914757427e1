import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readResults, recordResult } from '@/entrypoints/background/login/results';

describe('login results', () => {
  beforeEach(() => fakeBrowser.reset());

  it('logins ending at the same moment all keep their result (one writer at a time)', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `acc-${i}`);
    await Promise.all(ids.map((id, i) => recordResult(id, i % 2 === 0, `done ${i}`, i === 3)));
    const results = await readResults();
    expect(Object.keys(results).sort()).toEqual([...ids].sort());
    expect(results['acc-3']).toMatchObject({ ok: false, message: 'done 3', needsAttention: true });
    expect(results['acc-4']).not.toHaveProperty('needsAttention');
  });
});
