import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isBrowserPageRecord, needlesFor, scanProfile } from '../../e2e/profileScan';

const TOKEN = 'tok-e2e-Secret_4471';
const TOTP = 'KRUGKIDROVUWG2ZAMJZG653OEBTG66BA';

describe('profile file scan (secrets e2e)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sac-scan-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (rel: string, data: Buffer | string): void => {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), data);
  };
  const scan = (name: string, value: string) =>
    scanProfile(dir, new Map([[name, value]])).hits.map((h) => `${h.file} ${h.encoding}`);

  it('finds a secret in nested files as text, UTF-16LE, hex in capitals, inside base64 and URL-encoded', () => {
    write('a/b/plain.log', Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(`x${TOKEN}y`)]));
    write('idb/utf16.ldb', Buffer.from(`{"t":"${TOKEN}"}`, 'utf16le'));
    write('hex.txt', Buffer.from(TOKEN).toString('hex').toUpperCase());
    write('b64.json', Buffer.from(`prefix.${TOKEN}.suffix`).toString('base64'));
    write('url.txt', encodeURIComponent(`a=${TOKEN}&`));
    write('clean.bin', Buffer.from('nothing to see here'));
    expect(scan('auth token', TOKEN).sort()).toEqual([
      'a/b/plain.log utf8',
      'b64.json utf8',
      'hex.txt utf8',
      'idb/utf16.ldb utf16le',
      'url.txt utf8',
    ]);
    // The URL-encoded form of this token is the token itself; one that changes is found too.
    write('url2.txt', `q=${encodeURIComponent('a b/c+d=e?f')}`);
    expect(scan('webhook secret', 'a b/c+d=e?f')).toEqual(['url2.txt utf8']);
  });

  it("finds a TOTP secret's key bytes, and a 4-digit MPIN only where a PIN would be written", () => {
    write('key.bin', Buffer.from('The quick brown fox ').toString('hex'));
    expect(scan('login TOTP secret', TOTP)).toEqual(['key.bin utf8']);
    write('numbers.bin', Buffer.from('id 91730 and 9173 and x9173x'));
    expect(scan('MPIN', '9173')).toEqual([]);
    write('form.txt', 'clientcode=D1&pin=9173');
    expect(scan('MPIN', '9173')).toEqual(['form.txt utf8']);
    expect(needlesFor('MPIN', '9173')).toContain('"9173"');
  });

  it("tells the browser's record of visited pages from everything else", () => {
    expect(isBrowserPageRecord('chromium', 'Default/History')).toBe(true);
    expect(isBrowserPageRecord('chromium', 'Default/Sessions/Tabs_1')).toBe(true);
    expect(isBrowserPageRecord('chromium', 'Default/Local Extension Settings/abc/000003.log')).toBe(false);
    expect(isBrowserPageRecord('chromium', 'Default/IndexedDB/x/000003.log')).toBe(false);
    expect(isBrowserPageRecord('firefox', 'places.sqlite-wal')).toBe(true);
    expect(isBrowserPageRecord('firefox', 'storage/default/moz-extension+++u/idb/1.sqlite')).toBe(false);
    expect(isBrowserPageRecord('firefox', 'storage-sync-v2.sqlite')).toBe(false);
  });
});
