/**
 * The release routine's pure part: check a new version, move the changelog's Unreleased notes
 * into a section for it, and set it in package.json / package-lock.json text (keeping their
 * formatting). scripts/version.ts applies it to the files.
 */

/** x.y.z with numbers only: the form both stores accept as a manifest version. */
export function parseVersion(v: string): [number, number, number] | null {
  const m = /^(0|[1-9]\d{0,4})\.(0|[1-9]\d{0,4})\.(0|[1-9]\d{0,4})$/.exec(v.trim());
  if (!m) return null;
  const parts = [Number(m[1]), Number(m[2]), Number(m[3])] as [number, number, number];
  return parts.every((p) => p <= 65535) ? parts : null;
}

export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a)!;
  const pb = parseVersion(b)!;
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
  return 0;
}

export function checkNewVersion(current: string, next: string): string | null {
  if (!parseVersion(next)) {
    return `"${next}" is not a version like 1.2.3 (three numbers, 0 to 65535, no leading zeros, no suffix: the stores accept only numbers).`;
  }
  if (parseVersion(current) && compareVersions(next, current) <= 0) {
    return `${next} is not newer than the current version ${current}.`;
  }
  return null;
}

const UNRELEASED = /^## \[Unreleased\][^\n]*\n/m;

/**
 * Moves everything under "## [Unreleased]" into "## [next] - date", leaving an empty
 * Unreleased section above it. Fails when there is nothing to release.
 */
export function releaseChangelog(text: string, next: string, date: string): string {
  const m = UNRELEASED.exec(text);
  if (!m) throw new Error('CHANGELOG.md has no "## [Unreleased]" section.');
  const bodyStart = m.index + m[0].length;
  const rest = text.slice(bodyStart);
  const nextSection = /^## \[/m.exec(rest);
  const bodyEnd = nextSection ? bodyStart + nextSection.index : text.length;
  const body = text.slice(bodyStart, bodyEnd).trim();
  if (!body) {
    throw new Error('CHANGELOG.md has nothing under "## [Unreleased]": write the changes first.');
  }
  if (new RegExp(`^## \\[${next.replace(/\./g, '\\.')}\\]`, 'm').test(text)) {
    throw new Error(`CHANGELOG.md already has a section for ${next}.`);
  }
  return `${text.slice(0, m.index)}## [Unreleased]\n\n## [${next}] - ${date}\n\n${body}\n\n${text.slice(bodyEnd)}`
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\n*$/, '\n');
}

/** Sets the top-level "version" of package.json text, keeping everything else as it is. */
export function setPackageVersion(text: string, next: string): string {
  const re = /^(\s*"version":\s*")[^"]*(")/m;
  if (!re.test(text)) throw new Error('package.json has no "version" field.');
  return text.replace(re, `$1${next}$2`);
}

/** package-lock.json: its own "version" and that of the root package (packages[""]). */
export function setLockVersion(text: string, next: string): string {
  const lock = JSON.parse(text) as { version?: string; packages?: Record<string, { version?: string }> };
  lock.version = next;
  if (lock.packages?.['']) lock.packages[''].version = next;
  return `${JSON.stringify(lock, null, 2)}\n`;
}
