/**
 * `npm run check:store` — would the stores accept the packages `npm run zip` wrote?
 *
 * - Chrome: manifest fields, icons 16/32/48/128 (present, PNG, square), no remote code, every
 *   permission in README.md's permission table, size within budget.
 * - Firefox: `web-ext lint` on the package with 0 errors and only the warnings listed (with
 *   their reasons) in README.md; the same permission, remote-code and size checks.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  checkChromePackage,
  checkLocales,
  checkFirefoxLint,
  checkNoRemoteCode,
  checkPermissionsDocumented,
  checkSize,
  parseManifest,
  type LintMessage,
} from './check-store-lib';
import { extractZip, packagePaths, readZip } from './check-zip-lib';

const outDir = resolve(process.env.SAC_OUT_DIR || '.output');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
const zips = packagePaths(outDir, pkg);
const readme = readFileSync('README.md', 'utf8');

async function chrome(): Promise<string[]> {
  const files = await readZip(zips.chrome);
  return checkChromePackage(files, statSync(zips.chrome).size, readme);
}

async function firefox(): Promise<string[]> {
  const files = await readZip(zips.firefox);
  const m = parseManifest(files);
  const problems = [
    ...checkLocales(m, files),
    ...checkNoRemoteCode(m, files),
    ...checkPermissionsDocumented(m, readme),
    ...checkSize(statSync(zips.firefox).size, 'The Firefox package'),
  ];
  // web-ext lints a folder: lint exactly what is in the zip.
  const dir = mkdtempSync(join(tmpdir(), 'sac-firefox-lint-'));
  try {
    await extractZip(zips.firefox, dir);
    const r = spawnSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-input'], {
      encoding: 'utf8',
    });
    const json = r.stdout.slice(r.stdout.indexOf('{'));
    let result: { errors: LintMessage[]; warnings: LintMessage[] };
    try {
      result = JSON.parse(json) as typeof result;
    } catch {
      throw new Error(`web-ext lint did not answer in JSON: ${r.stdout}${r.stderr}`);
    }
    problems.push(...checkFirefoxLint(result));
    for (const w of result.warnings) {
      if (!readme.includes(w.code))
        problems.push(`web-ext lint warning ${w.code} is not explained in README.md.`);
    }
    console.log(`web-ext lint: ${result.errors.length} errors, ${result.warnings.length} warnings`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return problems;
}

async function main(): Promise<void> {
  for (const z of [zips.chrome, zips.firefox]) {
    if (!existsSync(z)) throw new Error(`${z} is missing: run "npm run zip" first.`);
  }
  let failed = 0;
  for (const [label, check] of [
    ['Chrome package', chrome],
    ['Firefox package', firefox],
  ] as const) {
    const problems = await check();
    failed += problems.length;
    if (problems.length) for (const p of problems) console.error(`✖ ${label}: ${p}`);
    else console.log(`✔ ${label}: the store checks pass`);
  }
  if (failed) process.exit(1);
}

main().catch((err) => {
  console.error(`✖ ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
