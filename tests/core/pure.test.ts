/**
 * Every module of the pure core (tests/core/modules.json) loads in plain Node, with no
 * browser global and no WXT, and one function of each works there.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

/** The same list eslint.config.js holds to the no-browser import rule. */
const PURE_CORE = JSON.parse(readFileSync(new URL('./modules.json', import.meta.url), 'utf8')) as string[];

const g = globalThis as Record<string, unknown>;

/** One call per core module, on what it exports. */
const EXERCISE: Record<string, (m: Record<string, unknown>) => void | Promise<void>> = {
  'utils/i18n/core.ts': (m) => {
    const core = m as typeof import('../../utils/i18n/core');
    expect(core.lookup({ en: { k: 'Hi {name}' }, hi: { k: '' } }, 'hi', 'k', { name: 'A' })).toBe('Hi A');
    expect(core.languageFromTag('hi-IN')).toBe('hi');
    const nested = core.msg('outer', { why: core.msg('inner', { n: 2 }) });
    expect(core.render(nested, (k, p) => `${k}(${p ? Object.values(p).join() : ''})`)).toBe(
      'outer(inner(2))',
    );
  },
  'utils/vault/base32.ts': (m) => {
    const b32 = m as typeof import('../../utils/vault/base32');
    expect(b32.parseBase32Secret('jbsw y3dp ehpk 3pxp').secret).toBe('JBSWY3DPEHPK3PXP');
    expect(() => b32.parseBase32Secret('JBSWY3DPEH0K3PXP')).toThrow(
      expect.objectContaining({
        msg: { code: 'b32.position', params: { position: 11, what: { code: 'b32.zero' } } },
      }),
    );
  },
  'utils/vault/otpauth.ts': (m) => {
    const o = m as typeof import('../../utils/vault/otpauth');
    expect(o.parseOtpauth('otpauth://totp/Angel:A1?secret=JBSWY3DPEHPK3PXP').account).toBe('A1');
    expect(() => o.parseOtpauth('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=5')).toThrow(
      expect.objectContaining({ msg: { code: 'otpl.badDigits', params: { raw: '"5"' } } }),
    );
  },
  'utils/portal/totpSecret.ts': (m) => {
    const s = m as typeof import('../../utils/portal/totpSecret');
    expect(s.parseTotpInput('JBSWY3DP')).toEqual({
      ok: false,
      problem: { code: 'b32.short', params: { n: 5, min: 10, chars: 16 } },
    });
  },
  'utils/delivery/url.ts': (m) => {
    const u = m as typeof import('../../utils/delivery/url');
    expect(u.checkWebhookUrl('http://example.com/hook')).toEqual({
      ok: false,
      error: { code: 'whurl.http' },
    });
    expect(u.checkWebhookUrl('http://localhost:8787/x')).toMatchObject({
      ok: true,
      origin: 'http://localhost:8787',
    });
  },
  'utils/ui/qr.ts': async (m) => {
    const q = m as typeof import('../../utils/ui/qr');
    await expect(q.decodeQrFile(new Blob(['x'], { type: 'text/plain' }))).rejects.toMatchObject({
      msg: { code: 'qr.notImage' },
    });
  },
  'utils/delivery/classify.ts': (m) => {
    const c = m as typeof import('../../utils/delivery/classify');
    expect(c.classifyAttempt({ status: 503 })).toEqual({
      kind: 'retry',
      reason: [{ code: 'dlv.serverError', params: { status: 503 } }],
    });
  },
  'utils/login/errors.ts': (m) => {
    const e = m as typeof import('../../utils/login/errors');
    const err = e.classifyLoginError('Invalid MPIN. 2 attempts left')!;
    expect(e.explainLoginError(err)).toMatchObject({ code: 'ip.errWrongPinLeft', params: { left: 2 } });
  },
  'utils/vault/validation.ts': (m) => {
    const v = m as typeof import('../../utils/vault/validation');
    expect(v.redirectUrlProblem('http://example.com/')).toEqual({
      code: 'chk.redirectHttps',
      params: { scheme: 'http:' },
    });
  },
  'utils/vault/backupGroups.ts': (m) => {
    const g = m as typeof import('../../utils/vault/backupGroups');
    expect(() => g.parseBackupGroups({ settings: 'x' })).toThrow(
      expect.objectContaining({
        msg: { code: 'bkg.badGroup', params: { group: { code: 'bkg.g.settings' } } },
      }),
    );
  },
  'utils/vault/backup.ts': (m) => {
    const b = m as typeof import('../../utils/vault/backup');
    expect(() => b.parseOtpauthList('otpauth://totp/A1?secret=JBSWY3DPEHPK3PXP\nhello\n')).toThrow(
      expect.objectContaining({ code: 'bad-line', msg: expect.objectContaining({ code: 'bkf.line' }) }),
    );
  },
  'utils/angel/advice.ts': (m) => {
    const a = m as typeof import('../../utils/angel/advice');
    expect(a.explainFailure({ kind: 'timeout', timeoutMs: 1500, host: 'h' }, { skewMs: null })).toMatchObject(
      {
        code: 'timeout',
        explanation: { code: 'adv.timeoutExpl', params: { seconds: '1.5', host: 'h' } },
        nextStep: { code: 'adv.timeoutNext' },
      },
    );
  },
};

describe('the pure core runs in plain Node', () => {
  it('has no browser here', () => {
    expect(g.browser).toBeUndefined();
    expect(g.chrome).toBeUndefined();
    expect(g.document).toBeUndefined();
  });

  it('every core module is exercised', () => {
    expect(Object.keys(EXERCISE).sort()).toEqual([...PURE_CORE].sort());
  });

  for (const file of PURE_CORE) {
    it(`${file} loads and works`, async () => {
      const url = new URL(`../../${file}`, import.meta.url).href;
      const mod = (await import(/* @vite-ignore */ url)) as Record<string, unknown>;
      await EXERCISE[file]!(mod);
    });
  }
});
