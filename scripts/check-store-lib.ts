/**
 * What the stores check before they accept a package, as pure functions over the package's
 * files (path → contents). `scripts/check-store.ts` runs them on the real zips; the unit tests
 * run them on made-up packages so each rule is seen to fail.
 */

/** Our own budget for one package; both stores allow far bigger ones. */
export const PACKAGE_BUDGET_BYTES = 5 * 1024 * 1024;
export const REQUIRED_ICON_SIZES = [16, 32, 48, 128] as const;

export type Files = Map<string, Buffer>;
type Manifest = Record<string, unknown>;

export function parseManifest(files: Files): Manifest {
  const raw = files.get('manifest.json');
  if (!raw) throw new Error('The package has no manifest.json at its root.');
  return JSON.parse(raw.toString('utf8')) as Manifest;
}

/** Width and height of a PNG from its IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(data: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (data.length < 24 || !data.subarray(0, 8).equals(signature)) return null;
  if (data.subarray(12, 16).toString('latin1') !== 'IHDR') return null;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** Manifest fields the Chrome Web Store requires (MV3, name, version, description, icons). */
export function checkChromeManifest(m: Manifest): string[] {
  const problems: string[] = [];
  if (m.manifest_version !== 3) problems.push('manifest_version must be 3 for the Chrome Web Store.');
  if (typeof m.name !== 'string' || !m.name.trim()) problems.push('name is missing.');
  else if (m.name.length > 75) problems.push(`name is ${m.name.length} characters (at most 75).`);
  if (typeof m.version !== 'string' || !/^\d{1,5}(\.\d{1,5}){0,3}$/.test(m.version)) {
    problems.push(`version "${String(m.version)}" is not 1 to 4 dot-separated integers.`);
  } else if (m.version.split('.').some((p) => Number(p) > 65535 || (p.length > 1 && p.startsWith('0')))) {
    problems.push(`version "${m.version}": each part must be 0–65535 without leading zeros.`);
  }
  if (typeof m.description !== 'string' || !m.description.trim()) problems.push('description is missing.');
  else if (m.description.length > 132) {
    problems.push(`description is ${m.description.length} characters (at most 132).`);
  }
  return problems;
}

/** `__MSG_key__` placeholders (chrome.i18n) in the manifest's string fields, at any depth. */
export function manifestMessageKeys(m: unknown): string[] {
  const keys = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') for (const x of v.matchAll(/__MSG_(\w+?)__/g)) keys.add(x[1]!);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(m);
  return [...keys];
}

/** The locales of a package (`_locales/<locale>/messages.json`) with their messages, key → text. */
export function packageLocales(files: Files): Map<string, Map<string, string>> {
  const locales = new Map<string, Map<string, string>>();
  for (const [path, data] of files) {
    const hit = /^_locales\/([^/]+)\/messages\.json$/.exec(path);
    if (!hit) continue;
    const json = JSON.parse(data.toString('utf8')) as Record<string, { message?: unknown }>;
    // Message names are case-insensitive for the browsers.
    const messages = new Map<string, string>();
    for (const [k, v] of Object.entries(json)) {
      if (typeof v?.message === 'string') messages.set(k.toLowerCase(), v.message);
    }
    locales.set(hit[1]!, messages);
  }
  return locales;
}

/** The manifest as a browser in `locale` shows it: every `__MSG_key__` replaced by that locale's text. */
export function localizeManifest(m: Manifest, messages: Map<string, string>): Manifest {
  const swap = (v: unknown): unknown => {
    if (typeof v === 'string')
      return v.replace(/__MSG_(\w+?)__/g, (all, k: string) => messages.get(k.toLowerCase()) ?? all);
    if (Array.isArray(v)) return v.map(swap);
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, swap(x)]));
    return v;
  };
  return swap(m) as Manifest;
}

/**
 * A localized manifest: `default_locale` names a locale the package has (and is there only with
 * `_locales`), every `__MSG_key__` has a text in every locale, and each locale's manifest passes
 * `check` (the Chrome Web Store's name and description limits apply to every language).
 */
export function checkLocales(
  m: Manifest,
  files: Files,
  check: (m: Manifest) => string[] = () => [],
): string[] {
  const locales = packageLocales(files);
  const keys = manifestMessageKeys(m);
  const problems: string[] = [];
  const def = m.default_locale;
  if (locales.size === 0) {
    if (def !== undefined)
      problems.push(`default_locale "${String(def)}" is set but the package has no _locales.`);
    if (keys.length)
      problems.push(`the manifest uses ${keys.map((k) => `__MSG_${k}__`).join(', ')} without _locales.`);
    return problems.length ? problems : check(m);
  }
  if (typeof def !== 'string')
    problems.push('the package has _locales but the manifest has no default_locale.');
  else if (!locales.has(def)) problems.push(`default_locale "${def}" has no _locales/${def}/messages.json.`);
  for (const [locale, messages] of [...locales].sort(([a], [b]) => a.localeCompare(b))) {
    for (const k of keys) {
      if (!messages.has(k.toLowerCase())) problems.push(`_locales/${locale} has no message "${k}".`);
    }
    problems.push(...check(localizeManifest(m, messages)).map((p) => `${locale}: ${p}`));
  }
  return problems;
}

/** Icons 16, 32, 48 and 128 named in the manifest, present in the package, PNG, square, the size named. */
export function checkIcons(m: Manifest, files: Files): string[] {
  const problems: string[] = [];
  const icons = (m.icons ?? {}) as Record<string, string>;
  for (const size of REQUIRED_ICON_SIZES) {
    const path = icons[String(size)];
    if (!path) {
      problems.push(`icons has no ${size}×${size} entry.`);
      continue;
    }
    const data = files.get(path.replace(/^\//, ''));
    if (!data) {
      problems.push(`icon ${size} (${path}) is not in the package.`);
      continue;
    }
    const dim = pngSize(data);
    if (!dim) problems.push(`icon ${size} (${path}) is not a PNG.`);
    else if (dim.width !== dim.height)
      problems.push(`icon ${size} (${path}) is ${dim.width}×${dim.height}, not square.`);
    else if (dim.width !== size) problems.push(`icon ${size} (${path}) is ${dim.width}×${dim.height}.`);
  }
  return problems;
}

const REMOTE_SCRIPT_IN_HTML = /<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\//i;
const REMOTE_IMPORT_IN_JS = /\bimport\s*\(\s*["'`](?:https?:)?\/\//;
const EVAL_IN_JS = /(?<![.\w$])eval\s*\(|\bnew\s+Function\s*\(/;

/** No remote code: no remote script tags or imports, no eval/new Function, a CSP without remote hosts. */
export function checkNoRemoteCode(m: Manifest, files: Files): string[] {
  const problems: string[] = [];
  for (const [path, data] of files) {
    const text = /\.(html|js|mjs)$/.test(path) ? data.toString('utf8') : '';
    if (path.endsWith('.html') && REMOTE_SCRIPT_IN_HTML.test(text)) {
      problems.push(`${path} loads a script from another site.`);
    }
    if (/\.m?js$/.test(path)) {
      if (REMOTE_IMPORT_IN_JS.test(text)) problems.push(`${path} imports code from another site.`);
      if (EVAL_IN_JS.test(text)) problems.push(`${path} uses eval or new Function.`);
    }
  }
  const csp = m.content_security_policy;
  const policies =
    typeof csp === 'string' ? [csp] : csp && typeof csp === 'object' ? Object.values(csp as object) : [];
  for (const p of policies) {
    if (typeof p !== 'string') continue;
    for (const directive of p.split(';')) {
      const [name, ...sources] = directive.trim().split(/\s+/);
      if (!name || !/^(script-src|object-src|default-src|worker-src|script-src-elem)$/.test(name)) continue;
      for (const s of sources) {
        if (/^(https?:|\*|[\w-]+\.[\w.-]+)/i.test(s) || /unsafe-eval/.test(s)) {
          problems.push(`content_security_policy ${name} allows ${s}.`);
        }
      }
    }
  }
  return problems;
}

/** Every permission, host permission and optional permission the manifest asks for. */
export function manifestPermissions(m: Manifest): string[] {
  const lists = ['permissions', 'host_permissions', 'optional_permissions', 'optional_host_permissions'];
  const all = lists.flatMap((k) => (Array.isArray(m[k]) ? (m[k] as unknown[]) : []));
  return [...new Set(all.filter((p): p is string => typeof p === 'string'))];
}

/** The backticked names in the README's permission table (between the permissions markers). */
export function readmePermissionNames(readme: string): Set<string> {
  const start = readme.indexOf('<!-- permissions:start -->');
  const end = readme.indexOf('<!-- permissions:end -->');
  if (start < 0 || end < start) throw new Error('README.md has no permissions table markers.');
  const names = new Set<string>();
  for (const line of readme.slice(start, end).split('\n')) {
    if (!line.startsWith('|')) continue;
    const firstCell = line.split('|')[1] ?? '';
    for (const m of firstCell.matchAll(/`([^`]+)`/g)) names.add(m[1]!);
  }
  return names;
}

export function checkPermissionsDocumented(m: Manifest, readme: string): string[] {
  const named = readmePermissionNames(readme);
  return manifestPermissions(m)
    .filter((p) => !named.has(p))
    .map((p) => `permission ${p} is not in the README's permission table.`);
}

export function checkSize(zipBytes: number, label: string): string[] {
  return zipBytes > PACKAGE_BUDGET_BYTES
    ? [
        `${label} is ${(zipBytes / 1048576).toFixed(2)} MB, over the ${PACKAGE_BUDGET_BYTES / 1048576} MB budget.`,
      ]
    : [];
}

/** Every check of the Chrome package. */
export function checkChromePackage(files: Files, zipBytes: number, readme: string): string[] {
  const m = parseManifest(files);
  return [
    ...checkLocales(m, files, checkChromeManifest),
    ...checkIcons(m, files),
    ...checkNoRemoteCode(m, files),
    ...checkPermissionsDocumented(m, readme),
    ...checkSize(zipBytes, 'The Chrome package'),
  ];
}

export interface LintMessage {
  code: string;
  file?: string;
  message: string;
}

/**
 * `web-ext lint` warnings that remain on purpose, each with its reason in README.md ("Store
 * checks"). Anything else fails the check.
 */
export const ACCEPTED_FIREFOX_WARNINGS: { code: string; file: RegExp; reason: string }[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^chunks\/[\w-]+\.js$/,
    reason: "React DOM's own innerHTML (dangerouslySetInnerHTML, which the extension never uses)",
  },
  {
    code: 'KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION',
    file: /^manifest\.json$/,
    reason: 'Firefox for Android 140–141 ignore data_collection_permissions',
  },
];

/** Problems in a `web-ext lint` result: every error, every warning that is not accepted. */
export function checkFirefoxLint(result: { errors: LintMessage[]; warnings: LintMessage[] }): string[] {
  return [
    ...result.errors.map((e) => `web-ext lint error ${e.code}${e.file ? ` in ${e.file}` : ''}: ${e.message}`),
    ...result.warnings
      .filter((w) => !ACCEPTED_FIREFOX_WARNINGS.some((a) => a.code === w.code && a.file.test(w.file ?? '')))
      .map((w) => `web-ext lint warning ${w.code}${w.file ? ` in ${w.file}` : ''}: ${w.message}`),
  ];
}
