/**
 * The privacy policy and the Chrome store checks against a FRESH build of the current sources
 * (both browsers), so they stay true whenever the manifest or the code changes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPrivacy, policyHosts } from '../../../scripts/check-privacy-lib';
import {
  checkChromeManifest,
  checkIcons,
  checkLocales,
  checkNoRemoteCode,
  checkPermissionsDocumented,
  packageLocales,
} from '../../../scripts/check-store-lib';
import { readTree } from '../../../scripts/check-zip-lib';

const root = resolve(__dirname, '../../..');
const policy = readFileSync(join(root, 'PRIVACY.md'), 'utf8');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const policyHi = readFileSync(join(root, 'docs/PRIVACY.hi.md'), 'utf8');
let outDir = '';
const built: Record<'chrome' | 'firefox', Map<string, Buffer>> = { chrome: new Map(), firefox: new Map() };
const manifest = (b: 'chrome' | 'firefox') =>
  JSON.parse(built[b].get('manifest.json')!.toString('utf8')) as Record<string, unknown>;

/** The environment of a plain `wxt build`: without vitest's NODE_ENV=test and VITEST variables. */
function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, SAC_OUT_DIR: outDir };
  for (const k of Object.keys(env)) if (k === 'NODE_ENV' || k.startsWith('VITEST')) delete env[k];
  return env;
}

beforeAll(() => {
  outDir = mkdtempSync(join(root, '.out-ship-test-'));
  for (const [b, args, dir] of [
    ['chrome', ['wxt', 'build'], 'chrome-mv3'],
    ['firefox', ['wxt', 'build', '-b', 'firefox'], 'firefox-mv2'],
  ] as const) {
    const r = spawnSync('npx', args, {
      cwd: root,
      env: buildEnv(),
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stdout}${r.stderr}`);
    built[b] = readTree(join(outDir, dir));
  }
}, 300_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('PRIVACY.md names exactly what the built extension asks for and contacts', () => {
  it('names Angel hosts as contacted', () => {
    const { contacted } = policyHosts(policy);
    expect([...contacted].sort()).toEqual([
      'apiconnect.angelbroking.com',
      'apiconnect.angelone.in',
      'smartapi.angelbroking.com',
      'smartapi.angelone.in',
    ]);
  });

  it('the Hindi policy names the same hosts, and the build carries the policy page', () => {
    expect(policyHosts(policyHi)).toEqual(policyHosts(policy));
    expect(built.chrome.has('privacy.html')).toBe(true);
    expect(built.firefox.has('privacy.html')).toBe(true);
  });

  for (const b of ['chrome', 'firefox'] as const) {
    it(`${b}: host permissions, optional hosts and the hosts in the bundles`, () => {
      const findings = checkPrivacy(policy, manifest(b), built[b]);
      expect(findings).toEqual({
        grantedNotNamed: [],
        namedNotGranted: [],
        inCodeNotNamed: [],
        namedNotInCode: [],
        unexpectedOptional: [],
      });
    });
  }

  it('is seen to fail when the code contacts a host the policy does not name', () => {
    const files = new Map(built.chrome);
    files.set('chunks/extra.js', Buffer.from('fetch("https://collector.analytics.test/e")'));
    expect(checkPrivacy(policy, manifest('chrome'), files).inCodeNotNamed).toEqual([
      'collector.analytics.test',
    ]);
    const m = {
      ...manifest('chrome'),
      host_permissions: ['https://smartapi.angelone.in/*', 'https://evil.test/*'],
    };
    const f = checkPrivacy(policy, m, built.chrome);
    expect(f.grantedNotNamed).toEqual(['evil.test']);
  });
});

describe('the store listing (store/listing.*.md) matches the built manifest', () => {
  for (const lang of ['en', 'hi']) {
    it(`${lang}: a short description within 132 characters and a reason for every permission`, () => {
      const listing = readFileSync(join(root, `store/listing.${lang}.md`), 'utf8');
      const sections = listing.split(/^## /m).slice(1);
      expect(sections).toHaveLength(5);
      const short = sections[1]!
        .split('\n\n')
        .find((p, i) => i > 0 && !p.startsWith('('))!
        .trim();
      expect(short.length).toBeGreaterThan(40);
      expect(short.length).toBeLessThanOrEqual(132);
      // The browser shows the manifest in its own language: the listing's name and short description.
      const name = sections[0]!.split('\n\n')[1]!.trim();
      for (const b of ['chrome', 'firefox'] as const) {
        const messages = packageLocales(built[b]).get(lang)!;
        expect(messages.get('extname'), `${b} ${lang} name`).toBe(name);
        expect(messages.get('extdescription'), `${b} ${lang} description`).toBe(short);
      }
      for (const b of ['chrome', 'firefox'] as const) {
        const m = manifest(b);
        const list = (k: string) => (m[k] as string[] | undefined) ?? [];
        // Required hosts are named by host name; optional patterns as they are.
        const perms = [
          ...[...list('permissions'), ...list('host_permissions')].map((p) =>
            p.includes('://') ? /:\/\/([^/]+)/.exec(p)![1]! : p,
          ),
          ...list('optional_permissions'),
          ...list('optional_host_permissions'),
        ];
        for (const p of perms) expect(listing, `${lang} listing names ${p}`).toContain(`\`${p}\``);
      }
    });
  }
});

describe('the built Chrome package passes the store checks', () => {
  it('manifest fields, icons, no remote code, permissions in the README table', () => {
    const m = manifest('chrome');
    expect([
      ...checkLocales(m, built.chrome, checkChromeManifest),
      ...checkIcons(m, built.chrome),
      ...checkNoRemoteCode(m, built.chrome),
      ...checkPermissionsDocumented(m, readme),
    ]).toEqual([]);
  });
  it('Firefox: no remote code, permissions in the README table', () => {
    const m = manifest('firefox');
    expect([
      ...checkLocales(m, built.firefox),
      ...checkNoRemoteCode(m, built.firefox),
      ...checkPermissionsDocumented(m, readme),
    ]).toEqual([]);
  });
});
