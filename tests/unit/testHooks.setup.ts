// Test hooks injected into production modules (they export none): see testHooks.ts.
import { vi } from 'vitest';

vi.mock('@/utils/messaging', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/utils/messaging')>();
  const hooks = await import('./testHooks');
  const handle: typeof actual.handle = (type, from, fn) =>
    hooks.trackRegistration(type, from, actual.handle(type, from, fn));
  return { ...actual, handle };
});

vi.mock('@/entrypoints/background/vault/store', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/entrypoints/background/vault/store')>();
  const hooks = await import('./testHooks');
  return { ...actual, currentKdfIterations: hooks.kdfIterationsForTests };
});
