// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findApiKeyRows, readShownValue } from '@/utils/portal/myApis';
import { captureSecret, findSecretAnchor, findTextSecrets } from '@/utils/portal/enableTotp';
import { looksLikeBase32Secret, parseTotpInput } from '@/utils/portal/totpSecret';
import { decodeBase32 } from '@/utils/vault/base32';
import { render } from '@/utils/i18n/secretParse';

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

describe('My APIs: API key rows', () => {
  it('cards with label/value pairs, one row per app', () => {
    const doc = page(`<main>
      <div class="card"><h3>MyTradingApp</h3><div><span>API Key</span><span id="k1">AbCd1234</span></div>
        <div><span>Secret Key</span><span id="s1">11111111-2222-3333-4444-555555555555</span></div></div>
      <div class="card"><h3>Other</h3><div><span>API Key</span><span id="k2">••••••••</span><button>Show</button></div></div></main>`);
    const rows = findApiKeyRows(doc);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.value?.id).toBe('k1');
    expect(rows[0]!.secretValue?.id).toBe('s1');
    expect(readShownValue(rows[0]!.value)).toEqual({ value: 'AbCd1234' });
    expect(readShownValue(rows[0]!.secretValue)).toEqual({ value: '11111111-2222-3333-4444-555555555555' });
    expect(readShownValue(rows[1]!.value)).toEqual({ hidden: true });
    expect(rows[0]!.row.contains(doc.getElementById('k2'))).toBe(false);
  });

  it('tables with an API Key column', () => {
    const doc = page(`<table><thead><tr><th>App Name</th><th>API Key</th><th>Secret Key</th></tr></thead>
      <tbody><tr><td>A</td><td id="k1">XyZ98765 <button>Hide</button></td><td>••••</td></tr>
      <tr><td>B</td><td id="k2">********</td><td>****</td></tr></tbody></table>`);
    const rows = findApiKeyRows(doc);
    expect(rows.map((r) => r.value?.id)).toEqual(['k1', 'k2']);
    expect(readShownValue(rows[0]!.value)).toEqual({ value: 'XyZ98765' });
    expect(readShownValue(rows[0]!.secretValue)).toEqual({ hidden: true });
    expect(readShownValue(rows[1]!.value)).toEqual({ hidden: true });
  });

  it('read-only inputs and password inputs', () => {
    const doc = page(`<label for="k">API Key</label><input id="k" readonly value="Key12345">
      <label for="k2">API Key</label><input id="k2" type="password" value="Key12345">`);
    const rows = findApiKeyRows(doc);
    expect(readShownValue(rows[0]!.value)).toEqual({ value: 'Key12345' });
    expect(readShownValue(rows[1]!.value)).toEqual({ hidden: true });
  });

  it('label and value in one element ("API Key: …")', () => {
    const doc =
      page(`<ul><li class="app"><b>MyTradingApp</b><p id="k">API Key: kP3xR9tQ <button>Hide</button></p>
      <p id="s">Secret Key: ••••••••</p></li></ul>`);
    const rows = findApiKeyRows(doc);
    expect(rows).toHaveLength(1);
    expect(readShownValue(rows[0]!.value)).toEqual({ value: 'kP3xR9tQ' });
    expect(rows[0]!.secretValue?.id).toBe('s');
    expect(readShownValue(rows[0]!.secretValue)).toEqual({ hidden: true });
  });

  it('help text about API keys is not a key, and a sentence is never saved as one', () => {
    expect(findApiKeyRows(page('<p>API key is shown when you click the eye icon.</p>'))).toEqual([]);
    const doc = page('<div><span>API Key</span><span id="v">will appear here shortly</span></div>');
    expect(readShownValue(findApiKeyRows(doc)[0]!.value)).toBeNull();
  });

  it('no API key label: no rows', () => {
    expect(findApiKeyRows(page('<p>Create your first app</p>'))).toEqual([]);
  });
});

describe('enable-totp: secret text', () => {
  it('finds the secret shown below the QR code', async () => {
    const doc =
      page(`<h2>Scan this QR code</h2><img alt="QR code" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
      <p>Can't scan? Copy the key</p><code>JBSWY3DPEHPK3PXP</code>`);
    expect(findSecretAnchor(doc)).not.toBeNull();
    expect(findTextSecrets(doc)).toEqual(['JBSWY3DPEHPK3PXP']);
    expect(await captureSecret(doc)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('grouped secrets and "Secret Key: ..." in one node', () => {
    expect(findTextSecrets(page('<span>JBSW Y3DP EHPK 3PXP</span>'))).toEqual(['JBSWY3DPEHPK3PXP']);
    expect(findTextSecrets(page('<p>Secret Key: GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ</p>'))).toEqual([
      'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
    ]);
  });

  it('does not take ordinary words or lower-case text for a secret', () => {
    expect(
      findTextSecrets(
        page('<h1>AUTHENTICATION</h1><p>enter the otp sent to your phone</p><p>jbswy3dpehpk3pxp</p>'),
      ),
    ).toEqual([]);
  });

  it('two different secrets on the page: refuses to guess', async () => {
    await expect(
      captureSecret(page('<code>JBSWY3DPEHPK3PXP</code><code>GEZDGNBVGY3TQOJQ</code>')),
    ).rejects.toThrow(/more than one key-like text/);
  });

  it('before the secret is shown: no anchor and a plain message on save', async () => {
    const doc = page('<h1>Enable TOTP</h1><label>Client ID <input></label><label>PIN <input></label>');
    expect(findSecretAnchor(doc)).toBeNull();
    await expect(captureSecret(doc)).rejects.toThrow(/No TOTP secret is visible yet/);
  });
});

describe('TOTP input parsing (background side)', () => {
  it('is the vault parser: what it accepts, the vault decodes; Angel-looking text must decode', () => {
    expect(looksLikeBase32Secret('JBSWY3DPEHPK3PXP')).toBe(true);
    expect(looksLikeBase32Secret('JBSW Y3DP EHPK 3PXP')).toBe(true);
    expect(looksLikeBase32Secret('JBSWY3DPEHPK3PXPA')).toBe(false); // undecodable length
    expect(looksLikeBase32Secret('JBSWY3DPEHPK3PX')).toBe(false); // too short
    const r = parseTotpInput('jbsw-y3dp-ehpk-3pxp-gezd-gnbv');
    expect(r.ok && decodeBase32(r.secret).length).toBe(15);
  });
  it('base32 text, normalised', () => {
    expect(parseTotpInput(' jbsw y3dp ehpk 3pxp ')).toEqual({
      ok: true,
      secret: 'JBSWY3DPEHPK3PXP',
      params: { algorithm: 'SHA1', digits: 6, period: 30 },
    });
  });
  it('otpauth URIs honour algorithm, digits and period', () => {
    expect(
      parseTotpInput(
        'otpauth://totp/Angel:A1?secret=GEZDGNBVGY3TQOJQ&issuer=Angel&algorithm=SHA256&digits=8&period=60',
      ),
    ).toEqual({
      ok: true,
      secret: 'GEZDGNBVGY3TQOJQ',
      params: { algorithm: 'SHA256', digits: 8, period: 60 },
    });
    expect(parseTotpInput('otpauth://totp/Angel:A1?secret=GEZDGNBVGY3TQOJQ')).toMatchObject({
      ok: true,
      params: { algorithm: 'SHA1', digits: 6, period: 30 },
    });
  });
  it.each([
    ['otpauth://hotp/Angel?secret=GEZDGNBVGY3TQOJQ&counter=1', /HOTP|counter/i],
    ['otpauth://totp/Angel?secret=GEZDGNBVGY3TQOJQ&digits=5', /"5" digits/],
    ['otpauth://totp/Angel?secret=GEZDGNBVGY3TQOJQ&algorithm=MD5', /MD5/],
    ['JBSWY3DP', /too short/],
    ['JBSWY3DPEHPK3PX1', /Character 16 .*"1" \(one\)/],
    // 17 characters: one too many for whole bytes; it would decode to no usable key.
    ['JBSWY3DPEHPK3PXPA', /17/],
    // Padding that does not fit the length is refused, as in Options.
    ['JBSWY3DPEHPK3PXP==', /padding/],
    ['otpauth://totp/Angel?secret=JBSWY3DPEHPK3PXPA', /17/],
    ['otpauth://totp/Angel?secret=GEZDGNBVGY3TQOJQ&period=0', /period|seconds/i],
  ])('refuses %s', (input, message) => {
    const r = parseTotpInput(input);
    expect(r.ok).toBe(false);
    expect(!r.ok && render(r.problem)).toMatch(message);
  });
});
