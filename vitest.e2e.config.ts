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
    // Real browsers on a loaded 2-core machine sometimes miss a timing by a hair; a test gets one
    // more try and the reporter marks it "(retry x1)", so a flaky test stays visible in the log.
    // A test that fails twice fails the run.
    retry: 1,
  },
});
