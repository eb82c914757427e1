/**
 * Results stored as messages (codes and values) read in English and in Hindi, and a sentence
 * stored by an older version still reads as it was: account-form checks, backup errors, how a
 * login ended, delivery results.
 */
import { describe, expect, it } from 'vitest';
import { renderSaid, type Language, type Msg, type Said } from '@/utils/i18n';
import { textIn as translate } from '@/utils/i18n/core';
import { checkAccountInput, redirectUrlProblem } from '@/utils/vault/validation';
import { BackupError, parseBackupPayload, parseOtpauthList, readBackupFile } from '@/utils/vault/backup';
import { BackupGroupError } from '@/utils/vault/backupGroups';
import { classifyAttempt, reasonMsg } from '@/utils/delivery/classify';
import { enLoginEnd } from '@/utils/i18n/en.loginEnd';
import { en, type MessageKey } from '@/utils/i18n/en';

const words = (s: Said<MessageKey>, lang: Language) => renderSaid(s, (k, p) => translate(lang, k, p));

/** Every code in the message, inner ones too. */
function codesOf(m: Msg): string[] {
  return [m.code, ...Object.values(m.params ?? {}).flatMap((v) => (typeof v === 'object' ? codesOf(v) : []))];
}

/** Worded in both languages: no raw key, no placeholder left, Hindi differs from English. */
function expectBothLanguages(m: Msg<MessageKey>): void {
  const e = words(m, 'en');
  const h = words(m, 'hi');
  for (const text of [e, h]) {
    expect(text).not.toMatch(/\{\w+\}/);
    for (const code of codesOf(m)) expect(text).not.toContain(code);
  }
  expect(h).not.toBe(e);
  expect(h).toMatch(/[\u0900-\u097F]/);
}

function thrown(f: () => unknown): BackupError {
  try {
    f();
  } catch (err) {
    if (err instanceof BackupError) return err;
    throw err;
  }
  throw new Error('expected a BackupError');
}

describe('stored results are messages that read in both languages', () => {
  it('account-form checks', () => {
    const { errors } = checkAccountInput(
      {
        label: '',
        clientCode: 'a 1',
        mpin: '12',
        totpSecret: 'JBSWY3DPEH0K3PXP',
        apiKey: 'a b',
        apiSecret: 'c d',
        platform: 'X' as never,
        redirectUrl: 'http://example.com/',
        notes: 'n'.repeat(3000),
        dailyLogin: false,
        autoFill: false,
      },
      { isEdit: false },
    );
    expect(Object.keys(errors).length).toBeGreaterThanOrEqual(9);
    for (const m of Object.values(errors)) expectBothLanguages(m!);
    expect(words(errors.redirectUrl!, 'en')).toBe(en['chk.redirectHttps'].replace('{scheme}', 'http:'));
    for (const url of [
      '',
      'a b',
      'nope',
      'https://localhost/',
      'https://10.0.0.1/',
      'https://intranet/',
      'https://u:p@x.com/',
    ])
      expectBothLanguages(redirectUrlProblem(url)!);
  });

  it('backup errors, with the reason inside', async () => {
    const line = thrown(() => parseOtpauthList('otpauth://totp/A1?secret=JBSWY3DPEHPK3PXP\nhello\n'));
    expect(line.msg.code).toBe('bkf.line');
    expectBothLanguages(line.msg);
    expect(words(line.msg, 'en')).toMatch(/^Line 2: .*Nothing was imported/);
    const account = thrown(() =>
      parseBackupPayload(
        JSON.stringify({
          kind: 'smartapi-companion-accounts',
          accounts: [{ label: 'M' }],
          webhookSecrets: {},
        }),
      ),
    );
    expectBothLanguages(account.msg);
    const notJson = await readBackupFile('{', 'pw').catch((e: BackupError) => e);
    expect(notJson).toBeInstanceOf(BackupError);
    expectBothLanguages((notJson as BackupError).msg);
    expectBothLanguages(new BackupGroupError('loginSettings').msg);
  });

  it('how a login ended', () => {
    const params = { seconds: 90, origin: 'https://x.example', why: 'disk full' };
    for (const code of Object.keys(enLoginEnd) as (keyof typeof enLoginEnd)[])
      expectBothLanguages({ code, params });
  });

  it('delivery results, a reason of several sentences as one message', () => {
    const v = classifyAttempt({ status: 422, bodySnippet: 'bad signature' });
    expect(v.kind).toBe('stop');
    const reason = reasonMsg(v.kind === 'stop' ? v.reason : []);
    expectBothLanguages(reason);
    expect(words(reason, 'en')).toBe(
      `${en['dlv.refused'].replace('{status}', '422')} ${en['dlv.said'].replace('{body}', 'bad signature')} ${en['dlv.refusedNext']}`,
    );
    expectBothLanguages({ code: 'dlv.nextAttempt', params: { reason, time: '10:00' } });
    expectBothLanguages({ code: 'dls.blocked' });
  });

  it('an old stored sentence reads as it was, in either language', () => {
    const old = 'Your server refused the delivery (HTTP 422) and it will not be retried.';
    expect(words(old, 'en')).toBe(old);
    expect(words(old, 'hi')).toBe(old);
  });
});
