import { describe, expect, it } from 'vitest';
import {
  checkChromeManifest,
  checkFirefoxLint,
  checkIcons,
  checkLocales,
  checkNoRemoteCode,
  checkPermissionsDocumented,
  checkSize,
  pngSize,
  readmePermissionNames,
  PACKAGE_BUDGET_BYTES,
} from '../../../scripts/check-store-lib';
import { compareTrees, isSameTree, describeDifference } from '../../../scripts/check-zip-lib';

/** A PNG header (signature + IHDR) of the given size: enough for pngSize. */
function png(width: number, height: number): Buffer {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'latin1');
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return b;
}

const goodManifest = {
  manifest_version: 3,
  name: 'SmartAPI Companion',
  version: '1.2.3',
  description: 'A short description.',
  icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
  permissions: ['storage', 'alarms'],
  host_permissions: ['https://smartapi.angelone.in/*'],
};
const goodIcons = new Map<string, Buffer>([
  ['icon/16.png', png(16, 16)],
  ['icon/32.png', png(32, 32)],
  ['icon/48.png', png(48, 48)],
  ['icon/128.png', png(128, 128)],
]);

describe('Chrome manifest fields', () => {
  it('accepts a complete MV3 manifest', () => {
    expect(checkChromeManifest(goodManifest)).toEqual([]);
  });
  it('names each missing or wrong field', () => {
    const p = checkChromeManifest({ manifest_version: 2, version: '1.02.x', description: 'x'.repeat(133) });
    expect(p.join('\n')).toMatch(/manifest_version must be 3/);
    expect(p.join('\n')).toMatch(/name is missing/);
    expect(p.join('\n')).toMatch(/version "1.02.x"/);
    expect(p.join('\n')).toMatch(/133 characters/);
    expect(checkChromeManifest({ ...goodManifest, version: '1.01' })[0]).toMatch(/leading zeros/);
    expect(checkChromeManifest({ ...goodManifest, version: '70000' })[0]).toMatch(/0–65535/);
  });
});

describe('localized manifest (_locales)', () => {
  const messages = (texts: Record<string, string>) =>
    Buffer.from(
      JSON.stringify(Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, { message: v }]))),
    );
  const localized = {
    ...goodManifest,
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    commands: { copy: { description: '__MSG_cmdCopy__' } },
  };
  const en = { extName: 'SmartAPI Companion', extDescription: 'A short description.', cmdCopy: 'Copy' };
  const hi = { extName: 'SmartAPI Companion', extDescription: 'एक छोटा विवरण।', cmdCopy: 'कॉपी' };

  it('checks every locale as the browser shows it', () => {
    const files = new Map([
      ['_locales/en/messages.json', messages(en)],
      ['_locales/hi/messages.json', messages({ ...hi, extname: 'SmartAPI Companion' })],
    ]);
    expect(checkLocales(localized, files, checkChromeManifest)).toEqual([]);
  });
  it('names a missing message, a too long text per locale and a missing default locale', () => {
    const files = new Map([
      ['_locales/en/messages.json', messages(en)],
      ['_locales/hi/messages.json', messages({ extName: 'x'.repeat(76), extDescription: hi.extDescription })],
    ]);
    expect(checkLocales(localized, files, checkChromeManifest)).toEqual([
      '_locales/hi has no message "cmdCopy".',
      'hi: name is 76 characters (at most 75).',
    ]);
    expect(checkLocales({ ...localized, default_locale: 'de' }, files)).toEqual([
      'default_locale "de" has no _locales/de/messages.json.',
      '_locales/hi has no message "cmdCopy".',
    ]);
    expect(checkLocales({ ...localized, default_locale: undefined }, new Map())).toEqual([
      'the manifest uses __MSG_extName__, __MSG_extDescription__, __MSG_cmdCopy__ without _locales.',
    ]);
  });
  it('a manifest without _locales is checked as it is', () => {
    expect(checkLocales(goodManifest, new Map(), checkChromeManifest)).toEqual([]);
    expect(checkLocales({ ...goodManifest, name: '' }, new Map(), checkChromeManifest)).toEqual([
      'name is missing.',
    ]);
  });
});

describe('icons', () => {
  it('reads PNG sizes and refuses other bytes', () => {
    expect(pngSize(png(48, 48))).toEqual({ width: 48, height: 48 });
    expect(pngSize(Buffer.from('GIF89a............................'))).toBeNull();
  });
  it('passes 16/32/48/128 square PNGs', () => {
    expect(checkIcons(goodManifest, goodIcons)).toEqual([]);
  });
  it('reports a missing entry, a missing file, a non-square and a wrong size', () => {
    const files = new Map(goodIcons);
    files.delete('icon/32.png');
    files.set('icon/48.png', png(48, 40));
    files.set('icon/128.png', png(96, 96));
    const { 16: _dropped, ...icons } = goodManifest.icons;
    const p = checkIcons({ ...goodManifest, icons }, files);
    expect(p).toEqual([
      'icons has no 16×16 entry.',
      'icon 32 (icon/32.png) is not in the package.',
      'icon 48 (icon/48.png) is 48×40, not square.',
      'icon 128 (icon/128.png) is 96×96.',
    ]);
  });
});

describe('no remote code', () => {
  const js = (s: string) => Buffer.from(s);
  it('passes local module scripts and ordinary code', () => {
    const files = new Map([
      ['popup.html', js('<script type="module" src="/chunks/popup.js"></script>')],
      [
        'chunks/popup.js',
        js('const x = retrieval(1); obj.evaluate(2); fetch("https://smartapi.angelone.in/")'),
      ],
    ]);
    expect(checkNoRemoteCode(goodManifest, files)).toEqual([]);
  });
  it('finds remote scripts, remote imports, eval, new Function and a CSP with remote hosts', () => {
    const files = new Map([
      ['a.html', js('<script src="https://cdn.example.com/x.js"></script>')],
      ['b.js', js('import("https://cdn.example.com/y.js")')],
      ['c.js', js('var r = eval ("1+1")')],
      ['d.js', js('const f = new Function("return 1")')],
    ]);
    const m = {
      ...goodManifest,
      content_security_policy: {
        extension_pages: "script-src 'self' https://cdn.example.com; object-src 'self'",
      },
    };
    expect(checkNoRemoteCode(m, files)).toEqual([
      'a.html loads a script from another site.',
      'b.js imports code from another site.',
      'c.js uses eval or new Function.',
      'd.js uses eval or new Function.',
      'content_security_policy script-src allows https://cdn.example.com.',
    ]);
    expect(
      checkNoRemoteCode({ content_security_policy: "script-src 'self' 'unsafe-eval'" }, new Map()),
    ).toEqual(["content_security_policy script-src allows 'unsafe-eval'."]);
  });
});

describe('permissions named in the README table', () => {
  const readme = [
    'intro `notInTable`',
    '<!-- permissions:start -->',
    '| permission | why |',
    '| --- | --- |',
    '| `storage` | vault; mentions `alarms` only in the reason |',
    '| `https://smartapi.angelone.in/*` | portal |',
    '<!-- permissions:end -->',
  ].join('\n');
  it('reads only the first column inside the markers', () => {
    expect([...readmePermissionNames(readme)]).toEqual(['storage', 'https://smartapi.angelone.in/*']);
  });
  it('reports every permission missing from the table', () => {
    expect(checkPermissionsDocumented(goodManifest, readme)).toEqual([
      "permission alarms is not in the README's permission table.",
    ]);
  });
  it('fails clearly without the markers', () => {
    expect(() => readmePermissionNames('no table')).toThrow(/markers/);
  });
});

describe('size and web-ext lint', () => {
  it('keeps packages within budget', () => {
    expect(checkSize(PACKAGE_BUDGET_BYTES, 'pkg')).toEqual([]);
    expect(checkSize(PACKAGE_BUDGET_BYTES + 1, 'pkg')[0]).toMatch(/over the 5 MB budget/);
  });
  it('fails on any error and on warnings not accepted in the README', () => {
    const accepted = { code: 'UNSAFE_VAR_ASSIGNMENT', file: 'chunks/theme-abc.js', message: 'innerHTML' };
    expect(checkFirefoxLint({ errors: [], warnings: [accepted] })).toEqual([]);
    const p = checkFirefoxLint({
      errors: [{ code: 'MANIFEST_FIELD_REQUIRED', file: 'manifest.json', message: 'name missing' }],
      warnings: [
        { ...accepted, file: 'content-scripts/portal.js' },
        { code: 'MANIFEST_PERMISSIONS', file: 'manifest.json', message: 'unknown permission' },
      ],
    });
    expect(p).toHaveLength(3);
    expect(p[0]).toMatch(/error MANIFEST_FIELD_REQUIRED/);
    expect(p[1]).toMatch(/UNSAFE_VAR_ASSIGNMENT in content-scripts\/portal.js/);
  });
});

describe('file-by-file comparison', () => {
  it('is the same only for the same names and contents', () => {
    const a = new Map([
      ['manifest.json', Buffer.from('{}')],
      ['x.js', Buffer.from('1')],
    ]);
    expect(isSameTree(compareTrees(a, new Map(a)))).toBe(true);
    const b = new Map([
      ['manifest.json', Buffer.from('{ }')],
      ['y.js', Buffer.from('1')],
    ]);
    const d = compareTrees(a, b);
    expect(isSameTree(d)).toBe(false);
    expect(describeDifference(d)).toEqual([
      'only in the submitted package: x.js',
      'only in the rebuild: y.js',
      'different contents: manifest.json',
    ]);
  });
});
