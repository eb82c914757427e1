/**
 * The vault end to end, in the browser the harness runs (each file runs in Chromium and in
 * Firefox ESR): create it, add an account like a person, read the live code in the popup and
 * compare it with one computed here, lock and unlock, refuse a wrong password, survive a
 * browser restart locked, and keep every secret out of storage.local and storage.sync.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { generateSync } from 'otplib';
import { encodeQr, qrPixels, qrSvg } from '../fixtures/portal/qr';
import type { Page } from 'puppeteer-core';
import { BROWSER, launchExtension, type ExtensionSession } from './harness';
import {
  addAccount,
  buttonByName,
  click,
  createVault,
  fieldByLabel,
  fill,
  front,
  isLocked,
  lock,
  optionsAccountLabels,
  popupCodes,
  tryUnlock,
  unlock,
} from './flows';

const PASSWORD = 'correct horse battery staple 42';
// 20-byte secret as Angel shows it: grouped, lower case. Its canonical form is what must not leak.
const SECRET_TYPED = 'kvkf ixsg krbc ovlh jruw g4ty inhv qtkc';
const SECRET = SECRET_TYPED.replace(/\s+/g, '').toUpperCase();
const ACCOUNT = {
  label: 'Main trading',
  clientCode: 'R7351209',
  mpin: '7391',
  totpSecret: SECRET_TYPED,
  apiKey: 'qZ8fT2mWxL',
};

function base32Decode(s: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of s.replace(/=+$/, '')) {
    value = (value << 5) | alphabet.indexOf(ch);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** Every form in which a secret could sit in storage if it leaked. */
function leakForms(): { name: string; needle: string | RegExp }[] {
  const raw = base32Decode(SECRET);
  const forms: { name: string; needle: string | RegExp }[] = [
    { name: 'TOTP secret (base32)', needle: SECRET },
    { name: 'TOTP secret as typed', needle: SECRET_TYPED },
    { name: 'TOTP secret lower case', needle: SECRET.toLowerCase() },
    { name: 'TOTP secret bytes (base64)', needle: raw.toString('base64').replace(/=+$/, '') },
    { name: 'TOTP secret bytes (base64url)', needle: raw.toString('base64url') },
    { name: 'TOTP secret bytes (hex)', needle: raw.toString('hex') },
    {
      name: 'TOTP secret (base64 of base32)',
      needle: Buffer.from(SECRET).toString('base64').replace(/=+$/, ''),
    },
    { name: 'API key', needle: ACCOUNT.apiKey },
    { name: 'API key (base64)', needle: Buffer.from(ACCOUNT.apiKey).toString('base64').replace(/=+$/, '') },
    // A 4-digit MPIN could occur inside ciphertext or a timestamp by chance: look for it as a
    // value of its own (not next to other base64/digit characters).
    { name: 'MPIN', needle: new RegExp(`(?<![A-Za-z0-9+/])${ACCOUNT.mpin}(?![A-Za-z0-9+/=])`) },
    { name: 'MPIN (base64)', needle: Buffer.from(ACCOUNT.mpin).toString('base64').replace(/=+$/, '') },
    { name: 'master password', needle: PASSWORD },
  ];
  return forms;
}

function codeAt(ms: number): string {
  return generateSync({
    secret: SECRET,
    epoch: Math.floor(ms / 1000),
    digits: 6,
    period: 30,
    algorithm: 'sha1',
  });
}

/** Read the popup's code for the account and compare it with the code computed here. */
async function expectPopupShowsTheRightCode(popup: Page, label = ACCOUNT.label): Promise<void> {
  const before = Date.now();
  const codes = await popupCodes(popup);
  const after = Date.now();
  const shown = codes[label];
  expect(shown, 'the popup shows a code for the account').toMatch(/^\d{6}$/);
  // The read may straddle a window boundary (and the popup polls once a second).
  const candidates = new Set([codeAt(before - 1500), codeAt(before), codeAt(after)]);
  expect(candidates.has(shown!), `popup code ${shown} is one of ${[...candidates].join(', ')}`).toBe(true);
}

/** A PNG file of RGBA pixels (what a screenshot of a QR code is). */
function png(width: number, height: number, rgba: Uint8ClampedArray): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Text of the page's status and alert lines. */
async function messages(page: Page): Promise<string> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('[role="status"], [role="alert"]'))
      .map((e) => e.textContent ?? '')
      .join(' | '),
  );
}

describe(`vault (${BROWSER})`, () => {
  let h: ExtensionSession;
  const tmp = mkdtempSync(join(tmpdir(), 'sac-vault-e2e-'));
  beforeAll(async () => {
    h = await launchExtension();
  });
  afterAll(async () => {
    await h?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('creates the vault and adds an account in the options page', async () => {
    const options = await h.openExtensionPage('options.html');
    await createVault(options, PASSWORD);
    await addAccount(options, ACCOUNT);
    expect(await optionsAccountLabels(options)).toEqual([ACCOUNT.label]);
    // After the first account the page reminds the user to export a backup.
    await options.waitForSelector('[aria-label="Backup reminder"]', { timeout: 10_000 });
    await options.close();
  });

  it('the popup shows the same live code as an independent TOTP computation, with a countdown', async () => {
    const popup = await h.openExtensionPage('popup.html');
    await expectPopupShowsTheRightCode(popup);
    const timer = await popup.$eval('[role="timer"]', (e) => e.getAttribute('aria-label') ?? '');
    expect(timer).toMatch(/^Code changes in \d+ seconds?$/);
    const grouped = await popup.$eval('[data-testid="totp-code"]', (e) => e.textContent ?? '');
    expect(grouped).toMatch(/^\d{3} \d{3}$/);
    await popup.close();
  });

  it('locks, refuses a wrong password with a message, and unlocks with the right one', async () => {
    const popup = await h.openExtensionPage('popup.html');
    await popupCodes(popup);
    await lock(popup);
    // Locked: only the unlock field and its button.
    expect(await isLocked(popup)).toBe(true);
    expect(await popup.$('[data-testid="totp-code"]')).toBeNull();
    const controls = await popup.$$eval(
      'input, button, a, select, textarea',
      (els) => els.filter((e) => e.getClientRects().length > 0).length,
    );
    expect(controls).toBe(2);

    const err = await tryUnlock(popup, 'not the password');
    expect(err).toBeTruthy();
    expect(err!.length).toBeGreaterThan(10);
    expect(await isLocked(popup)).toBe(true);
    const status = await h.sendMessage<{ state: string }>('vault/status');
    expect(status.value?.state).toBe('locked');

    await unlock(popup, PASSWORD);
    await expectPopupShowsTheRightCode(popup);
    await popup.close();
  });

  it('after a browser restart the vault is locked and the account is intact', async () => {
    h = await h.restart();
    const popup = await h.openExtensionPage('popup.html');
    await fieldByLabel(popup, 'Master password');
    expect(await isLocked(popup)).toBe(true);
    await popup.close();

    const options = await h.openExtensionPage('options.html');
    await fieldByLabel(options, 'Master password');
    await unlock(options, PASSWORD);
    expect(await optionsAccountLabels(options)).toEqual([ACCOUNT.label]);
    await options.close();

    const popup2 = await h.openExtensionPage('popup.html');
    await expectPopupShowsTheRightCode(popup2);
    await popup2.close();
  });

  it('storage.local and storage.sync hold none of the secrets in any common encoding', async () => {
    const dump = JSON.stringify({ local: await h.storageDump('local'), sync: await h.storageDump('sync') });
    expect(dump.length).toBeGreaterThan(50); // the encrypted vault is there
    for (const { name, needle } of leakForms()) {
      const found = typeof needle === 'string' ? dump.includes(needle) : needle.test(dump);
      expect(found, `${name} found in storage`).toBe(false);
    }
  });

  it('exports an encrypted backup from the options page, and the reminder goes away', async () => {
    const options = await h.openExtensionPage('options.html');
    await options.waitForSelector('[aria-label="Backup reminder"]', { timeout: 10_000 });
    await fill(options, 'Backup password', 'backup password 1');
    await fill(options, 'Confirm backup password', 'backup password 1');
    await click(options, 'Export backup');
    await options.waitForFunction(() => document.body.innerText.includes('Backup saved as'), {
      timeout: 20_000,
      polling: 100,
    });
    await options.waitForFunction(() => !document.querySelector('[aria-label="Backup reminder"]'), {
      timeout: 10_000,
      polling: 100,
    });
    await options.close();
  });

  it('an edit that leaves the secret fields blank keeps the stored secrets', async () => {
    const options = await h.openExtensionPage('options.html');
    await click(options, `Edit ${ACCOUNT.label}`);
    // Secret fields start empty on edit.
    expect(await (await fieldByLabel(options, 'MPIN')).evaluate((e) => e.value)).toBe('');
    expect(await (await fieldByLabel(options, 'TOTP secret')).evaluate((e) => e.value)).toBe('');
    await fill(options, 'Label', 'Renamed');
    await click(options, 'Save changes');
    await options.waitForFunction(() => document.body.innerText.includes('Saved “Renamed”.'), {
      timeout: 20_000,
      polling: 100,
    });
    expect(await optionsAccountLabels(options)).toEqual(['Renamed']);
    await options.close();
    const popup = await h.openExtensionPage('popup.html');
    await expectPopupShowsTheRightCode(popup, 'Renamed');
    await popup.close();
  });

  it('imports a backup with a preview first (merge restores the backed-up details)', async () => {
    // The backup file as the page downloads it: the same message the Export button sends.
    const exported = await h.sendMessage<{ fileName: string; content: string }>('backup/export', {
      password: 'backup password 2',
    });
    expect(exported.ok).toBe(true);
    const file = join(tmp, exported.value!.fileName);
    writeFileSync(file, exported.value!.content);

    // Change the account after the backup (merge matches accounts by label and client code).
    const options = await h.openExtensionPage('options.html');
    await click(options, 'Edit Renamed');
    await fill(options, 'Notes', 'changed after the backup');
    await click(options, 'Save changes');
    await options.waitForFunction(() => document.body.innerText.includes('Saved “Renamed”.'), {
      timeout: 20_000,
      polling: 100,
    });
    const notes = () => options.$$eval('.account-row__notes', (els) => els.map((e) => e.textContent));
    expect(await notes()).toEqual(['changed after the backup']);

    const input = await fieldByLabel(options, 'Backup file');
    await input.uploadFile(file);
    await fill(options, 'Password of the backup', 'wrong backup password');
    await click(options, 'Preview import');
    await options.waitForFunction(() => document.querySelector('#backup [role="alert"]'), {
      timeout: 20_000,
      polling: 100,
    });
    expect((await messages(options)).length).toBeGreaterThan(10);

    await fill(options, 'Password of the backup', 'backup password 2');
    await click(options, 'Preview import');
    await buttonByName(options, 'Apply import');
    const preview = await options.$eval('.preview', (e) => (e as HTMLElement).innerText);
    expect(preview).toContain('1 changed');
    expect(preview).toContain('Renamed');
    // Nothing changes before Apply.
    expect(await notes()).toEqual(['changed after the backup']);
    await click(options, 'Apply import');
    await options.waitForFunction(() => document.body.innerText.includes('Import done.'), {
      timeout: 20_000,
      polling: 100,
    });
    expect(await optionsAccountLabels(options)).toEqual(['Renamed']);
    expect(await notes()).toEqual([]);
    await options.close();
  });

  it('reorders and deletes accounts with the keyboard, deleting only after a confirmation', async () => {
    const options = await h.openExtensionPage('options.html');
    await addAccount(options, { ...ACCOUNT, label: 'Second', clientCode: 'S1234567', apiKey: 'anotherKey9' });
    expect(await optionsAccountLabels(options)).toEqual(['Renamed', 'Second']);

    await front(options);
    await (await buttonByName(options, 'Move Second up')).focus();
    await options.keyboard.press('Enter');
    await options.waitForFunction(
      () =>
        Array.from(document.querySelectorAll('.account-row__label'))
          .map((e) => e.textContent)
          .join(',') === 'Second,Renamed',
      { timeout: 10_000, polling: 100 },
    );
    // Focus stays on the moved account (its "up" button is now disabled, so it is on "down").
    await options.waitForFunction(
      () => document.activeElement?.getAttribute('aria-label') === 'Move Second down',
      { timeout: 5000, polling: 100 },
    );
    // The order is the background's, not only the page's.
    const listed = await h.sendMessage<{ label: string }[]>('accounts/list');
    expect(listed.value?.map((a) => a.label)).toEqual(['Second', 'Renamed']);

    await (await buttonByName(options, 'Delete Second')).focus();
    await options.keyboard.press('Enter');
    await options.waitForFunction(() => document.activeElement?.textContent === 'Yes, delete “Second”', {
      timeout: 5000,
      polling: 100,
    });
    expect(await optionsAccountLabels(options)).toEqual(['Second', 'Renamed']);
    await options.keyboard.press('Enter');
    await options.waitForFunction(() => document.body.innerText.includes('Deleted “Second”.'), {
      timeout: 10_000,
      polling: 100,
    });
    expect(await optionsAccountLabels(options)).toEqual(['Renamed']);
    await options.close();
  });

  it('adds a TOTP secret from a QR image (PNG or SVG), honouring the otpauth parameters', async () => {
    const qrSecret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const uri = `otpauth://totp/Angel%20One:Q7654321?secret=${qrSecret}&issuer=Angel%20One&digits=6&period=30&algorithm=SHA1`;
    const { data, width, height } = qrPixels(encodeQr(uri), 6);
    const pngFile = join(tmp, 'angel-qr.png');
    writeFileSync(pngFile, png(width, height, data));
    const svgFile = join(tmp, 'angel-qr.svg');
    writeFileSync(svgFile, qrSvg(uri));

    const options = await h.openExtensionPage('options.html');
    await front(options);
    await click(options, 'Add account');
    await fill(options, 'Label', 'From QR');
    await fill(options, 'Client code', 'Q7654321');
    await fill(options, 'MPIN', '2468');
    await fill(options, 'API key', 'qrKey12345');
    const qrInput = await options.waitForSelector('input[type="file"][aria-label="QR code image file"]');
    await qrInput!.uploadFile(pngFile);
    await options.waitForFunction(() => document.body.innerText.includes('QR code read (Angel One)'), {
      timeout: 20_000,
      polling: 100,
    });
    const info = await options.$eval('.otp-info', (e) => e.textContent ?? '');
    expect(info).toContain('Angel One');
    expect(info).toContain('6 digits, 30 s, SHA1');
    await click(options, 'Save account');
    await options.waitForFunction(() => document.body.innerText.includes('Saved “From QR”.'), {
      timeout: 20_000,
      polling: 100,
    });

    // SVG pictures are read too (in the edit form; cancelled without saving).
    await click(options, 'Edit From QR');
    const qrInput2 = await options.waitForSelector('input[type="file"][aria-label="QR code image file"]');
    await qrInput2!.uploadFile(svgFile);
    await options.waitForFunction(() => document.body.innerText.includes('QR code read (Angel One)'), {
      timeout: 20_000,
      polling: 100,
    });
    await click(options, 'Cancel');
    await options.close();

    const popup = await h.openExtensionPage('popup.html');
    const before = Date.now();
    const codes = await popupCodes(popup);
    const expected = new Set(
      [before - 1500, before, Date.now()].map((t) =>
        generateSync({
          secret: qrSecret,
          epoch: Math.floor(t / 1000),
          digits: 6,
          period: 30,
          algorithm: 'sha1',
        }),
      ),
    );
    expect(expected.has(codes['From QR']!), `popup code ${codes['From QR']}`).toBe(true);
    await popup.close();
  });

  it('a click copies the code and the clipboard is cleared 30 s later', async () => {
    const popup = await h.openExtensionPage('popup.html');
    if (BROWSER === 'chromium') {
      // Only so the test can read the clipboard; the extension itself never reads it.
      await h.browser.defaultBrowserContext().overridePermissions(h.extensionOrigin, ['clipboard-read']);
    }
    await popupCodes(popup);
    await front(popup);
    await (await buttonByName(popup, 'Copy code for Renamed')).click();
    await popup.waitForFunction(() => document.body.innerText.includes('Copied the code for Renamed'), {
      timeout: 10_000,
      polling: 100,
    });
    const readClipboard = () => popup.evaluate(() => navigator.clipboard.readText().catch(() => null));
    const copied = await readClipboard();
    if (copied !== null) expect(copied).toMatch(/^\d{6}$/);
    await popup.waitForFunction(() => document.body.innerText.includes('Clipboard cleared.'), {
      timeout: 40_000,
      polling: 500,
    });
    if (BROWSER === 'chromium') expect(await readClipboard()).toBe('');
    await popup.close();
  }, 60_000);

  it('a damaged vault is shown with its problem, never wiped silently, and reset only after typing RESET', async () => {
    // Damage the stored ciphertext (flip one character of its longest string) and lock.
    await h.inExtension(async () => {
      type Area = {
        get(key: string): Promise<Record<string, unknown>>;
        set(items: Record<string, unknown>): Promise<void>;
        clear(): Promise<void>;
      };
      type Api = { storage: { local: Area; session: Area } };
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      const api = g.browser ?? g.chrome;
      const stored = (await api.storage.local.get('vault')).vault;
      let longest: { holder: Record<string, unknown>; key: string } | null = null;
      const walk = (o: unknown) => {
        if (!o || typeof o !== 'object') return;
        for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
          if (typeof v === 'string' && (!longest || v.length > String(longest.holder[longest.key]).length))
            longest = { holder: o as Record<string, unknown>, key: k };
          else walk(v);
        }
      };
      walk(stored);
      if (!longest) throw new Error('no vault stored');
      const { holder, key } = longest as { holder: Record<string, unknown>; key: string };
      const text = String(holder[key]);
      const i = Math.floor(text.length / 2);
      holder[key] = text.slice(0, i) + (text[i] === 'A' ? 'B' : 'A') + text.slice(i + 1);
      await api.storage.local.set({ vault: stored });
      await api.storage.session.clear();
    });
    const before = JSON.stringify((await h.storageDump('local')).vault);

    const options = await h.openExtensionPage('options.html');
    await unlock(options, PASSWORD).catch(() => undefined);
    await options.waitForFunction(() => document.body.innerText.includes('The vault cannot be opened'), {
      timeout: 20_000,
      polling: 100,
    });
    const problem = await options.$eval('.card--danger [role="alert"]', (e) => e.textContent ?? '');
    expect(problem.length).toBeGreaterThan(20);
    // A backup import is offered, and nothing was wiped.
    await fieldByLabel(options, 'Backup file');
    expect(JSON.stringify((await h.storageDump('local')).vault)).toBe(before);

    await fill(options, 'Type RESET to confirm', 'reset');
    await click(options, 'Reset vault');
    await options.waitForFunction(() => document.body.innerText.includes('Type RESET in capital letters'), {
      timeout: 10_000,
      polling: 100,
    });
    expect(JSON.stringify((await h.storageDump('local')).vault)).toBe(before);

    await fill(options, 'Type RESET to confirm', 'RESET');
    await click(options, 'Reset vault');
    await options.waitForFunction(() => document.body.innerText.includes('Create your vault'), {
      timeout: 20_000,
      polling: 100,
    });
    await options.close();
  });
});
