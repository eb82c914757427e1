/**
 * Reading and comparing store packages (zip files) for the store checks and the sources-rebuild
 * check. Pure helpers: no browser, no build.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import JSZip from 'jszip';

/** Every file of a zip: path (with `/`) → contents. Folders are left out. */
export async function readZip(zipPath: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(zipPath));
  const files = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    files.set(entry.name, await entry.async('nodebuffer'));
  }
  return files;
}

/** Writes every file of a zip below `dir`, refusing paths that would leave it. */
export async function extractZip(zipPath: string, dir: string): Promise<number> {
  const files = await readZip(zipPath);
  for (const [name, data] of files) {
    const target = join(dir, name);
    if (relative(dir, target).startsWith('..') || name.startsWith('/')) {
      throw new Error(`The zip holds a path outside its folder: ${name}`);
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, data);
  }
  return files.size;
}

/** Every file below a folder: relative path (with `/`) → contents. */
export function readTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(relative(dir, full).split(sep).join('/'), readFileSync(full));
    }
  };
  walk(dir);
  return files;
}

export interface TreeDifference {
  onlyInSubmitted: string[];
  onlyInRebuilt: string[];
  different: string[];
}

function sha256(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}

/** Compares two file sets file by file (by SHA-256 of the contents). */
export function compareTrees(submitted: Map<string, Buffer>, rebuilt: Map<string, Buffer>): TreeDifference {
  const diff: TreeDifference = { onlyInSubmitted: [], onlyInRebuilt: [], different: [] };
  for (const [name, data] of submitted) {
    const other = rebuilt.get(name);
    if (!other) diff.onlyInSubmitted.push(name);
    else if (sha256(data) !== sha256(other)) diff.different.push(name);
  }
  for (const name of rebuilt.keys()) if (!submitted.has(name)) diff.onlyInRebuilt.push(name);
  for (const list of Object.values(diff)) list.sort();
  return diff;
}

export function isSameTree(d: TreeDifference): boolean {
  return !d.onlyInSubmitted.length && !d.onlyInRebuilt.length && !d.different.length;
}

export function describeDifference(d: TreeDifference): string[] {
  return [
    ...d.onlyInSubmitted.map((f) => `only in the submitted package: ${f}`),
    ...d.onlyInRebuilt.map((f) => `only in the rebuild: ${f}`),
    ...d.different.map((f) => `different contents: ${f}`),
  ];
}

/** The zips `npm run zip` writes, from package.json's name and version (WXT's default names). */
export function packagePaths(outDir: string, pkg: { name: string; version: string }) {
  const base = join(outDir, `${pkg.name}-${pkg.version}`);
  return {
    chrome: `${base}-chrome.zip`,
    firefox: `${base}-firefox.zip`,
    sources: `${base}-sources.zip`,
  };
}
