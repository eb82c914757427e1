/**
 * Searching a browser profile's files on disk for secrets, byte by byte: every file under
 * the profile folder is read raw and searched for each secret as is, URL-encoded, hex
 * (either case), base64 / base64url and base32 (at every byte alignment), each both as
 * single-byte text (UTF-8 / Latin-1) and as UTF-16LE (how Chromium's IndexedDB and V8
 * serialise most strings).
 *
 * Limits, said plainly: LevelDB (Chromium's extension storage, IndexedDB) may store blocks
 * Snappy-compressed, and Firefox's IndexedDB compresses structured-clone data with Snappy
 * too. A secret inside a compressed block is not found by a byte search, so the scan is weaker
 * there; it is also run after the browser has closed (logs flushed and compacted), which
 * catches what only sat in a write-ahead log while it ran.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { secretForms } from '@/utils/delivery/mask';
import { decodeBase32 } from '@/utils/vault/base32';
import type { BrowserName } from './browsers';

/** Every form of `value` a dump must not contain: as is, URL-encoded, hex, base64, base32 (any alignment). */
export function forms(value: string): string[] {
  const b = Buffer.from(value, 'utf8');
  return [
    value,
    encodeURIComponent(value),
    b.toString('hex'),
    b.toString('base64').replace(/=+$/, ''),
    b.toString('base64url'),
    ...secretForms(value),
  ];
}

/** The TOTP secret is base32 already: its key bytes are searched too. */
export function keyForms(base32: string): string[] {
  const key = Buffer.from(decodeBase32(base32));
  return [key.toString('hex'), key.toString('base64').replace(/=+$/, ''), key.toString('base64url')];
}

/**
 * The lower-case strings to search for one secret. A 4-digit MPIN appears by chance in
 * binary files and in any text full of numbers, so it is only looked for in the contexts a
 * stored or submitted PIN would have: a JSON string (`"1357"`) or a form field (`pin=1357`).
 */
export function needlesFor(name: string, value: string): string[] {
  if (/^\d{4,6}$/.test(value)) return [`"${value}"`, `pin=${value}`, `pin%22%3a%22${value}`];
  const all = [...forms(value), ...(/TOTP secret/i.test(name) ? keyForms(value) : [])];
  return [...new Set(all.filter((f) => f.length >= 6).map((f) => f.toLowerCase()))];
}

export interface ProfileHit {
  /** Path relative to the profile folder, with forward slashes. */
  file: string;
  secret: string;
  form: string;
  encoding: 'utf8' | 'utf16le';
}

/** Every regular file under `dir` (symbolic links, sockets and the like are skipped). */
export function profileFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    let entries: string[];
    try {
      entries = readdirSync(d);
    } catch {
      return; // removed while we walked (a running browser deletes temporary files)
    }
    for (const e of entries) {
      const p = join(d, e);
      let st;
      try {
        st = lstatSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Search every file of the profile for every needle of every secret. */
export function scanProfile(
  dir: string,
  secrets: ReadonlyMap<string, string>,
): { hits: ProfileHit[]; files: number; bytes: number } {
  const needles: { secret: string; form: string; utf8: string; utf16: string }[] = [];
  for (const [name, value] of secrets)
    for (const n of needlesFor(name, value))
      needles.push({ secret: name, form: n, utf8: n, utf16: n.split('').join('\0') });
  const hits: ProfileHit[] = [];
  let files = 0;
  let bytes = 0;
  for (const path of profileFiles(dir)) {
    let raw: Buffer;
    try {
      raw = readFileSync(path);
    } catch {
      continue; // gone, or locked by the running browser
    }
    files += 1;
    bytes += raw.length;
    // Latin-1 keeps one character per byte, so UTF-8 text and UTF-16 code units both show.
    const text = raw.toString('latin1').toLowerCase();
    const file = relative(dir, path).split(sep).join('/');
    for (const n of needles) {
      if (text.includes(n.utf8)) hits.push({ file, secret: n.secret, form: n.form, encoding: 'utf8' });
      else if (text.includes(n.utf16))
        hits.push({ file, secret: n.secret, form: n.form, encoding: 'utf16le' });
    }
  }
  return { hits, files, bytes };
}

/**
 * The browser's own record of the pages the user visited: history, the HTTP cache, the
 * session kept for restoring tabs, favicons and predictors. They hold what Angel's pages
 * showed and what their URLs carried (the login page's `api_key`, the tokens in the redirect
 * to the user's redirect URL), written by the browser whether or not the extension is
 * installed. The extension writes none of these files.
 */
export function isBrowserPageRecord(browser: BrowserName, file: string): boolean {
  const patterns =
    browser === 'chromium'
      ? [
          /^Default\/History(-journal)?$/,
          /^Default\/(Cache|Code Cache|GPUCache|DawnGraphiteCache|DawnWebGPUCache)\//,
          /^Default\/Sessions\//,
          /^Default\/(Current|Last) (Session|Tabs)$/,
          /^Default\/Network Action Predictor(-journal)?$/,
          /^Default\/(Visited Links|Top Sites(-journal)?|Favicons(-journal)?|Shortcuts(-journal)?)$/,
          /^Default\/Network\/(Network Persistent State|TransportSecurity|Reporting and NEL(-journal)?)$/,
          // URL-keyed metrics kept on disk for Chromium's own segmentation models.
          /^segmentation_platform\/ukm_db(-wal|-journal|-shm)?$/,
        ]
      : [
          /^places\.sqlite(-wal|-journal)?$/,
          /^favicons\.sqlite(-wal|-journal)?$/,
          /^cache2\//,
          /^sessionstore(\.jsonlz4|-backups\/.*)$/,
          /^SiteSecurityServiceState\.(txt|bin)$/,
        ];
  return patterns.some((p) => p.test(file));
}
