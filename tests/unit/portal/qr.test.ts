import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { encodeQr, qrPixels } from '../../fixtures/portal/qr';

describe('fixture QR codes (qrcode package)', () => {
  for (const text of [
    'hello',
    'JBSWY3DPEHPK3PXP',
    'otpauth://totp/Angel%20One:A1234567?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Angel%20One',
    'otpauth://totp/SmartAPI:A1234567?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=SmartAPI&algorithm=SHA1&digits=6&period=30',
  ]) {
    it(`round-trips through jsqr: ${text.slice(0, 30)}…`, () => {
      const { data, width, height } = qrPixels(encodeQr(text));
      expect(jsQR(data, width, height)?.data).toBe(text);
    });
  }
  it('encodes longer text than the old hand-written encoder could (versions above 6)', () => {
    const text = `otpauth://totp/SmartAPI:A1234567?secret=${'A'.repeat(200)}&issuer=SmartAPI`;
    const modules = encodeQr(text);
    expect(modules.length).toBeGreaterThan(41);
    const { data, width, height } = qrPixels(modules);
    expect(jsQR(data, width, height)?.data).toBe(text);
  });
});
