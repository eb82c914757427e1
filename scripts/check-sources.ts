/**
 * `npm run check:sources` — does the Firefox sources package rebuild the submitted Firefox
 * package? Unzips `<name>-<version>-sources.zip` into a temporary folder, runs `npm ci` and the
 * build there exactly as docs/BUILD-FOR-REVIEW.md tells AMO's reviewers, and compares the output
 * file by file with `<name>-<version>-firefox.zip`. Run `npm run zip` first.
 *
 * `--keep` leaves the temporary folder for a look. Exits non-zero on any difference.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  compareTrees,
  describeDifference,
  extractZip,
  isSameTree,
  packagePaths,
  readTree,
  readZip,
} from './check-zip-lib';

const keep = process.argv.includes('--keep');
const outDir = resolve(process.env.SAC_OUT_DIR || '.output');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
const zips = packagePaths(outDir, pkg);

function step(cmd: string, args: string[], cwd: string): void {
  const env = { ...process.env };
  // The reviewer's build writes to the default .output folder, whatever this shell uses.
  delete env.SAC_OUT_DIR;
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    throw new Error(`"${cmd} ${args.join(' ')}" failed in the unzipped sources (exit ${r.status}).`);
  }
}

async function main(): Promise<void> {
  for (const z of [zips.firefox, zips.sources]) {
    if (!existsSync(z)) throw new Error(`${z} is missing: run "npm run zip" first.`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'sac-sources-'));
  const started = Date.now();
  try {
    const count = await extractZip(zips.sources, dir);
    console.log(`sources: ${count} files unzipped into ${dir}`);
    // --prefer-offline uses the npm cache when it has the exact versions (CI has the registry).
    step('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], dir);
    console.log('sources: npm ci done');
    step('npx', ['wxt', 'build', '-b', 'firefox'], dir);
    const rebuilt = readTree(join(dir, '.output', 'firefox-mv2'));
    const submitted = await readZip(zips.firefox);
    const diff = compareTrees(submitted, rebuilt);
    const seconds = Math.round((Date.now() - started) / 1000);
    if (!isSameTree(diff)) {
      for (const line of describeDifference(diff)) console.error(`✖ ${line}`);
      throw new Error('The rebuild from the sources package differs from the submitted Firefox package.');
    }
    console.log(
      `✔ sources rebuild: ${submitted.size} files identical to ${zips.firefox.replace(`${outDir}/`, '')} (${seconds} s)`,
    );
  } finally {
    if (keep) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`✖ ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
