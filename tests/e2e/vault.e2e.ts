/**
 * The vault end to end, in the browser the harness runs (each file runs in Chromium and in
 * Firefox ESR): create it, add an account like a person, read the live code in the popup and
 * compare it with one computed here, lock and unlock, refuse a wrong password, survive a
 * browser restart locked, and keep every secret out of storage.local and storage.sync.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSync } from 'otplib';
import type { Page } from 'puppeteer-core';
import { BROWSER, launchExtension, type ExtensionSession } from './harness';
import { addAccount, createVault, fieldByLabel, isLocked, lock, optionsAccountLabels, popupCodes, tryUnlock, unlock } from './flows';

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
    { name: 'TOTP secret (base64 of base32)', needle: Buffer.from(SECRET).toString('base64').replace(/=+$/, '') },
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
  return generateSync({ secret: SECRET, epoch: Math.floor(ms / 1000), digits: 6, period: 30, algorithm: 'sha1' });
}

/** Read the popup's code for the account and compare it with the code computed here. */
async function expectPopupShowsTheRightCode(popup: Page): Promise<void> {
  const before = Date.now();
  const codes = await popupCodes(popup);
  const after = Date.now();
  const shown = codes[ACCOUNT.label];
  expect(shown, 'the popup shows a code for the account').toMatch(/^\d{6}$/);
  // The read may straddle a window boundary (and the popup polls once a second).
  const candidates = new Set([codeAt(before - 1500), codeAt(before), codeAt(after)]);
  expect(candidates.has(shown!), `popup code ${shown} is one of ${[...candidates].join(', ')}`).toBe(true);
}

describe(`vault (${BROWSER})`, () => {
  let h: ExtensionSession;
  beforeAll(async () => {
    h = await launchExtension();
  });
  afterAll(async () => {
    await h?.close();
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
    const controls = await popup.$$eval('input, button, a, select, textarea', (els) => els.filter((e) => e.getClientRects().length > 0).length);
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
});
