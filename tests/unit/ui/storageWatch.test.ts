import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { watchStorage } from '@/utils/ui/storageWatch';

describe('watchStorage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('calls back once after real changes of the watched keys only, and stops when asked', async () => {
    const cb = vi.fn();
    const stop = watchStorage('local', ['delivery.outbox'], cb, 10);
    await fakeBrowser.storage.local.set({ 'delivery.outbox': [1] });
    await fakeBrowser.storage.local.set({ 'delivery.outbox': [1, 2] });
    await vi.waitFor(() => expect(cb).toHaveBeenCalledTimes(1));
    await fakeBrowser.storage.local.set({ other: 1 });
    await fakeBrowser.storage.sync.set({ 'delivery.outbox': [9] });
    await fakeBrowser.storage.local.set({ 'delivery.outbox': [1, 2] }); // same value
    await new Promise((r) => setTimeout(r, 40));
    expect(cb).toHaveBeenCalledTimes(1);
    stop();
    await fakeBrowser.storage.local.set({ 'delivery.outbox': [3] });
    await new Promise((r) => setTimeout(r, 40));
    expect(cb).toHaveBeenCalledTimes(1);
  });

  it('with no keys follows every key of the area', async () => {
    const cb = vi.fn();
    const stop = watchStorage('local', null, cb, 10);
    await fakeBrowser.storage.local.set({ loginResults: { a: 1 } });
    await vi.waitFor(() => expect(cb).toHaveBeenCalledTimes(1));
    stop();
  });
});
