import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkNewVersion,
  parseVersion,
  releaseChangelog,
  setLockVersion,
  setPackageVersion,
} from '../../../scripts/version-lib';

const log = `# Changelog

Intro.

## [Unreleased]

### Added

- New thing.

## [0.1.0] - 2026-11-28

### Added

- First.
`;

describe('release:version', () => {
  it('accepts only numeric x.y.z newer than the current version', () => {
    expect(parseVersion('1.2.3')).toEqual([1, 2, 3]);
    for (const bad of ['1.2', '1.2.3-beta', '01.2.3', '1.2.70000', 'v1.2.3'])
      expect(parseVersion(bad)).toBeNull();
    expect(checkNewVersion('0.1.0', '0.2.0')).toBeNull();
    expect(checkNewVersion('0.1.0', '0.1.0')).toMatch(/not newer/);
    expect(checkNewVersion('0.10.0', '0.9.9')).toMatch(/not newer/);
    expect(checkNewVersion('0.1.0', '0.2')).toMatch(/not a version/);
  });

  it('moves the Unreleased notes into the new section and leaves Unreleased empty', () => {
    expect(releaseChangelog(log, '0.2.0', '2026-12-02')).toBe(`# Changelog

Intro.

## [Unreleased]

## [0.2.0] - 2026-12-02

### Added

- New thing.

## [0.1.0] - 2026-11-28

### Added

- First.
`);
  });

  it('refuses an empty Unreleased section, a missing one, or a version already released', () => {
    const empty = releaseChangelog(log, '0.2.0', '2026-12-02');
    expect(() => releaseChangelog(empty, '0.3.0', '2026-12-03')).toThrow(/nothing under/);
    expect(() => releaseChangelog('# Changelog\n', '0.3.0', 'x')).toThrow(/no "## \[Unreleased\]"/);
    expect(() => releaseChangelog(log, '0.1.0', 'x')).toThrow(/already has a section/);
  });

  it('sets the version in package.json text and the lock file, changing nothing else', () => {
    const pkg = '{\n  "name": "x",\n  "version": "0.1.0",\n  "dependencies": { "a": "1.0.0" }\n}\n';
    expect(setPackageVersion(pkg, '0.2.0')).toBe(pkg.replace('0.1.0', '0.2.0'));
    const lock = JSON.stringify(
      {
        name: 'x',
        version: '0.1.0',
        packages: { '': { version: '0.1.0' }, 'node_modules/a': { version: '1.0.0' } },
      },
      null,
      2,
    );
    const next = JSON.parse(setLockVersion(lock, '0.2.0'));
    expect(next.version).toBe('0.2.0');
    expect(next.packages[''].version).toBe('0.2.0');
    expect(next.packages['node_modules/a'].version).toBe('1.0.0');
  });

  it('the command updates the three files, and changes nothing when it refuses', () => {
    const root = resolve(__dirname, '../../..');
    const dir = mkdtempSync(join(tmpdir(), 'sac-version-'));
    try {
      for (const f of ['package.json', 'package-lock.json', 'CHANGELOG.md'])
        copyFileSync(join(root, f), join(dir, f));
      const before = readFileSync(join(dir, 'package.json'), 'utf8');
      const current = (JSON.parse(before) as { version: string }).version;
      const tsx = join(root, 'node_modules/.bin/tsx');
      const bad = spawnSync(tsx, [join(root, 'scripts/version.ts'), current], { cwd: dir, encoding: 'utf8' });
      expect(bad.status).toBe(1);
      expect(bad.stderr).toMatch(/not newer/);
      expect(readFileSync(join(dir, 'package.json'), 'utf8')).toBe(before);

      writeFileSync(join(dir, 'CHANGELOG.md'), log);
      const ok = spawnSync(tsx, [join(root, 'scripts/version.ts'), '65000.0.0'], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect(ok.stderr).toBe('');
      expect(ok.status).toBe(0);
      expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version).toBe('65000.0.0');
      expect(JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')).version).toBe('65000.0.0');
      expect(readFileSync(join(dir, 'CHANGELOG.md'), 'utf8')).toMatch(
        /## \[Unreleased\]\n\n## \[65000\.0\.0\] - \d{4}-\d\d-\d\d\n\n### Added\n\n- New thing\./,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
