/**
 * `npm run release:version -- <x.y.z>` — start a release: checks the version (numbers only,
 * newer than the current one), moves CHANGELOG.md's Unreleased notes into a "## [x.y.z] - date"
 * section, and sets the version in package.json and package-lock.json (WXT writes the manifest's
 * version from package.json). It changes nothing when any check fails. It does not commit or tag.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { checkNewVersion, releaseChangelog, setLockVersion, setPackageVersion } from './version-lib';

function main(): void {
  const next = process.argv.slice(2).find((a) => !a.startsWith('-'));
  if (!next) throw new Error('Give the new version: npm run release:version -- 1.2.3');
  const pkgText = readFileSync('package.json', 'utf8');
  const current = (JSON.parse(pkgText) as { version: string }).version;
  const problem = checkNewVersion(current, next);
  if (problem) throw new Error(problem);
  const date = new Date().toISOString().slice(0, 10);
  // Work everything out before writing anything, so a failure leaves every file as it was.
  const changelog = releaseChangelog(readFileSync('CHANGELOG.md', 'utf8'), next, date);
  const pkg = setPackageVersion(pkgText, next);
  const lock = setLockVersion(readFileSync('package-lock.json', 'utf8'), next);
  writeFileSync('CHANGELOG.md', changelog);
  writeFileSync('package.json', pkg);
  writeFileSync('package-lock.json', lock);
  console.log(`Version ${current} → ${next}: package.json, package-lock.json and CHANGELOG.md updated.`);
  console.log(`Next: review the changelog, commit, then "npm run zip" for the store packages.`);
}

try {
  main();
} catch (err) {
  console.error(`✖ ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
