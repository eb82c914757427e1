import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
          setupFiles: ['tests/unit/testHooks.setup.ts', 'tests/unit/payloadCheck.setup.ts'],
        },
      },
      // The pure core (eslint.config.js, PURE_CORE) in plain Node: no WxtVitest, no fake
      // browser, no path aliases. An import of anything browser-bound fails here.
      {
        test: { name: 'core', environment: 'node', include: ['tests/core/**/*.test.ts'] },
      },
    ],
  },
});
