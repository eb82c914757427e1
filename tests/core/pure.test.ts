/**
 * Every module of the pure core (tests/core/modules.json) loads in plain Node, with no
 * browser global and no WXT, and one function of each works there.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

/** The same list eslint.config.js holds to the no-browser import rule. */
const PURE_CORE = JSON.parse(readFileSync(new URL('./modules.json', import.meta.url), 'utf8')) as string[];

const g = globalThis as Record<string, unknown>;

/** One call per core module, on what it exports. */
const EXERCISE: Record<string, (m: Record<string, unknown>) => void> = {
  'utils/i18n/core.ts': (m) => {
    const core = m as typeof import('../../utils/i18n/core');
    expect(core.lookup({ en: { k: 'Hi {name}' }, hi: { k: '' } }, 'hi', 'k', { name: 'A' })).toBe('Hi A');
    expect(core.languageFromTag('hi-IN')).toBe('hi');
  },
};

describe('the pure core runs in plain Node', () => {
  it('has no browser here', () => {
    expect(g.browser).toBeUndefined();
    expect(g.chrome).toBeUndefined();
    expect(g.document).toBeUndefined();
  });

  it('every core module is exercised', () => {
    expect(Object.keys(EXERCISE).sort()).toEqual([...PURE_CORE].sort());
  });

  for (const file of PURE_CORE) {
    it(`${file} loads and works`, async () => {
      const url = new URL(`../../${file}`, import.meta.url).href;
      const mod = (await import(/* @vite-ignore */ url)) as Record<string, unknown>;
      EXERCISE[file]!(mod);
    });
  }
});
