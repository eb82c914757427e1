/**
 * Bundle scan: no English UI sentence may hide in code outside the catalogues. Reads every
 * built JavaScript file of .output/chrome-mv3 and .output/firefox-mv2 (build first:
 * `npx wxt build && npx wxt build -b firefox`; no browser is launched), pulls out the string
 * and template literals that read like English sentences (bundleText.ts) and fails for each
 * one that is neither a value of an English catalogue (utils/i18n/en*.ts) nor listed in
 *   - bundleScan.allow.json: third-party library text and errors thrown for programmers,
 *     each with a reason;
 *   - bundleScan.pending.json: our own stray texts not moved into a catalogue yet (the scan
 *     reports them but tolerates them; move them and delete the entry).
 * An entry that no build contains any more fails too, so the lists never go stale.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractTexts, looksLikeEnglishSentence, normaliseCatalogueText } from './bundleText';

interface ListEntry {
  text: string;
  reason: string;
}

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = resolve(ROOT, '.output');
const TARGETS = ['chrome-mv3', 'firefox-mv2'];

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

function collectStrings(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') into.add(normaliseCatalogueText(value));
  else if (value && typeof value === 'object') for (const v of Object.values(value)) collectStrings(v, into);
}

/** Every text of every English catalogue module (utils/i18n/en.ts and en.*.ts), all exports. */
async function englishCatalogue(): Promise<Set<string>> {
  const dir = resolve(ROOT, 'utils/i18n');
  const texts = new Set<string>();
  for (const name of readdirSync(dir).filter((f) => /^en(\..+)?\.ts$/.test(f))) {
    const mod = (await import(/* @vite-ignore */ join(dir, name))) as Record<string, unknown>;
    collectStrings(mod, texts);
  }
  return texts;
}

function readList(name: string): ListEntry[] {
  const list = JSON.parse(readFileSync(resolve(import.meta.dirname, name), 'utf8')) as ListEntry[];
  for (const e of list) {
    if (typeof e.text !== 'string' || typeof e.reason !== 'string' || e.reason.trim() === '') {
      throw new Error(`${name}: every entry needs "text" and a "reason": ${JSON.stringify(e)}`);
    }
  }
  return list;
}

describe('bundle scan for English text outside the catalogues', () => {
  it('every English sentence in the built JavaScript comes from a catalogue (or is listed)', async () => {
    const targets = TARGETS.filter((t) => existsSync(join(OUT, t)));
    expect(targets, 'no build in .output: run `npx wxt build && npx wxt build -b firefox` first').toContain(
      'chrome-mv3',
    );
    const catalogue = await englishCatalogue();
    const allow = readList('bundleScan.allow.json');
    const pending = readList('bundleScan.pending.json');
    const allowed = new Set(allow.map((e) => e.text));
    const pendingTexts = new Set(pending.map((e) => e.text));

    /** text -> files it was found in */
    const stray = new Map<string, Set<string>>();
    const seen = new Set<string>();
    let files = 0;
    let fromCatalogue = 0;
    for (const target of targets) {
      for (const file of jsFiles(join(OUT, target))) {
        files++;
        for (const { text } of extractTexts(readFileSync(file, 'utf8'))) {
          seen.add(text);
          if (catalogue.has(text)) fromCatalogue++;
          if (!looksLikeEnglishSentence(text) || catalogue.has(text)) continue;
          if (!stray.has(text)) stray.set(text, new Set());
          stray.get(text)!.add(relative(OUT, file));
        }
      }
    }
    expect(files).toBeGreaterThan(5);
    // The extractor really reads the bundles: the catalogues themselves are found in them.
    expect(fromCatalogue).toBeGreaterThan(catalogue.size / 2);

    const pendingFound = [...stray.keys()].filter((t) => pendingTexts.has(t));
    if (pendingFound.length) {
      console.warn(
        `Bundle scan: ${pendingFound.length} English text(s) still outside the catalogues ` +
          `(tests/e2e/bundleScan.pending.json):\n` +
          pendingFound.map((t) => `  ${JSON.stringify(t)}  (${[...stray.get(t)!].join(', ')})`).join('\n'),
      );
    }
    const unexplained = [...stray.entries()]
      .filter(([t]) => !allowed.has(t) && !pendingTexts.has(t))
      .map(([t, where]) => `${JSON.stringify(t)}  (${[...where].join(', ')})`);
    expect(
      unexplained,
      'English text in the bundle that is not a catalogue value: move it into utils/i18n/en.*.ts ' +
        '(with its Hindi twin), or list third-party text in tests/e2e/bundleScan.allow.json',
    ).toEqual([]);

    const stale = [...allow, ...pending].map((e) => e.text).filter((t) => !seen.has(t));
    expect(
      stale,
      'entries of bundleScan.allow.json / bundleScan.pending.json no build contains any more',
    ).toEqual([]);
  });
});
