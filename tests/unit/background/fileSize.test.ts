/**
 * The background stays split by concern: no file in entrypoints/background/ grows past 300
 * lines (a file that does is doing more than one thing; split it along its concerns).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../../entrypoints/background');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

describe('background files', () => {
  it('none is over 300 lines', () => {
    const long = files(ROOT)
      .map((f) => ({ f: f.slice(ROOT.length + 1), lines: readFileSync(f, 'utf8').split('\n').length - 1 }))
      .filter((x) => x.lines > 300);
    expect(long).toEqual([]);
  });
});
