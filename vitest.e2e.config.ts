import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// End-to-end tests drive real browsers: one file at a time, generous timeouts. WxtVitest only
// resolves the extension's own imports (#imports, wxt/browser) for the pure modules some tests
// reuse (TOTP, fixtures); the tests themselves talk to the real extension in the browser.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    retry: 0,
  },
});
