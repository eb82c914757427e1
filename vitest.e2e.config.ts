import { defineConfig } from 'vitest/config';
import { resolve } from 'node:path';

// End-to-end tests drive real browsers: one file at a time, generous timeouts.
export default defineConfig({
  resolve: { alias: { '@': resolve(import.meta.dirname) } },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    retry: 0,
  },
});
