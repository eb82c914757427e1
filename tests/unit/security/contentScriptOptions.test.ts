import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// WXT posts "<extension id>:<name>:wxt:content-script-started" to the page unless a content
// script opts out; a page script could read the extension's id from it. Every content script
// (today's and any added later) must opt out.
describe('content scripts', () => {
  const dir = join(__dirname, '../../../entrypoints');
  const scripts = readdirSync(dir).filter((f) => /\.content\.tsx?$|^[^.]+\.content$/.test(f));

  it('exist', () => {
    expect(scripts.length).toBeGreaterThan(0);
  });

  it.each(scripts)('%s never posts the started message to the page', (file) => {
    const src = readFileSync(join(dir, file), 'utf8');
    expect(src).toMatch(/noScriptStartedPostMessage:\s*true/);
  });
});
