import { describe, expect, it } from 'vitest';
import {
  checkNewPassword,
  countdownLabel,
  describeOtpauth,
  describeSkew,
  groupCode,
  matchesSearch,
  moveId,
  parseMinutes,
  passwordStrength,
  safeFileName,
  secondsLeft,
  spellCode,
  summarizePreview,
  windowFraction,
} from '@/utils/ui/format';

describe('groupCode', () => {
  it('groups six digits 3+3', () => {
    expect(groupCode('123456')).toBe('123 456');
    expect(groupCode('000001')).toBe('000 001');
  });
  it('groups eight digits 4+4 and seven 3+4', () => {
    expect(groupCode('12345678')).toBe('1234 5678');
    expect(groupCode('1234567')).toBe('123 4567');
  });
  it('leaves anything that is not a code alone', () => {
    expect(groupCode('')).toBe('');
    expect(groupCode('12345')).toBe('12345');
    expect(groupCode('12a456')).toBe('12a456');
  });
});

describe('countdown helpers', () => {
  it('rounds remaining time up to whole seconds within the period', () => {
    expect(secondsLeft(29_001, 30)).toBe(30);
    expect(secondsLeft(30_000, 30)).toBe(30);
    expect(secondsLeft(31_000, 30)).toBe(30);
    expect(secondsLeft(4_200, 30)).toBe(5);
    expect(secondsLeft(1, 30)).toBe(1);
    expect(secondsLeft(0, 30)).toBe(0);
    expect(secondsLeft(-500, 30)).toBe(0);
  });
  it('gives the window fraction between 0 and 1', () => {
    expect(windowFraction(15_000, 30)).toBe(0.5);
    expect(windowFraction(45_000, 30)).toBe(1);
    expect(windowFraction(-1, 30)).toBe(0);
    expect(windowFraction(1000, 0)).toBe(0);
  });
  it('says the countdown in words', () => {
    expect(countdownLabel(1)).toBe('Code changes in 1 second');
    expect(countdownLabel(12)).toBe('Code changes in 12 seconds');
  });
  it('spells digits apart for screen readers', () => {
    expect(spellCode('123456')).toBe('1 2 3 4 5 6');
  });
});

describe('describeSkew', () => {
  it('says behind when the server is ahead of the device', () => {
    expect(describeSkew(7_400)).toBe('7 seconds behind');
    expect(describeSkew(-61_000)).toBe('61 seconds ahead');
    expect(describeSkew(1_000)).toBe('1 second behind');
  });
});

describe('passwordStrength', () => {
  it('orders passwords by strength', () => {
    const levels = ['', 'abc', 'abcdefgh', 'correcthorse1', 'Correct-Horse-Battery-9'].map(
      (p) => passwordStrength(p).level,
    );
    expect(levels).toEqual([0, 0, 1, 2, 4]);
  });
  it('does not praise repeated or sequential passwords', () => {
    expect(passwordStrength('aaaaaaaaaaaaaaaaaaaa').level).toBeLessThanOrEqual(1);
    expect(passwordStrength('12345678901234567890').level).toBeLessThanOrEqual(1);
    expect(passwordStrength('Password1234567!').level).toBeLessThanOrEqual(1);
  });
  it('always gives a hint that says what to do', () => {
    for (const p of ['', 'a', 'abcdefghijkl', 'Abc-def-ghi-jkl-1']) {
      const s = passwordStrength(p);
      expect(s.hint.length).toBeGreaterThan(5);
      expect(s.label.length).toBeGreaterThan(2);
    }
  });
});

describe('matchesSearch', () => {
  const a = { label: 'Main Account', clientCode: 'A1234567', notes: 'wife' };
  it('matches label, client code and notes case-insensitively', () => {
    expect(matchesSearch(a, 'main')).toBe(true);
    expect(matchesSearch(a, 'a123')).toBe(true);
    expect(matchesSearch(a, 'WIFE')).toBe(true);
    expect(matchesSearch(a, '  ')).toBe(true);
    expect(matchesSearch(a, 'other')).toBe(false);
  });
});

describe('moveId', () => {
  it('moves an id up and down', () => {
    expect(moveId(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveId(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
  });
  it('does nothing past the ends or for unknown ids', () => {
    expect(moveId(['a', 'b'], 'a', -1)).toEqual(['a', 'b']);
    expect(moveId(['a', 'b'], 'b', 1)).toEqual(['a', 'b']);
    expect(moveId(['a', 'b'], 'x', 1)).toEqual(['a', 'b']);
  });
  it('never loses or duplicates an id', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    for (const id of ids)
      for (const d of [-2, -1, 1, 2]) {
        expect([...moveId(ids, id, d)].sort()).toEqual(ids);
      }
  });
});

describe('summarizePreview', () => {
  it('counts what would change', () => {
    expect(summarizePreview({ added: ['A', 'B'], changed: ['C'], unchanged: [], removed: [] })).toBe(
      '3 accounts: 2 added, 1 changed.',
    );
    expect(summarizePreview({ added: [], changed: [], unchanged: ['X'], removed: [] })).toBe(
      '1 account: 1 unchanged.',
    );
    expect(summarizePreview({ added: [], changed: [], unchanged: [], removed: ['Y'] })).toBe(
      '1 account: 1 removed.',
    );
    expect(summarizePreview({ added: [], changed: [], unchanged: [], removed: [] })).toMatch(
      /nothing would change/,
    );
  });
});

describe('describeOtpauth', () => {
  it('reads issuer, account and parameters without returning the secret', () => {
    const info = describeOtpauth(
      'otpauth://totp/Angel%20One:A1234567?secret=JBSWY3DPEHPK3PXP&digits=8&period=60&algorithm=sha256',
    );
    expect(info).toEqual({
      issuer: 'Angel One',
      account: 'A1234567',
      algorithm: 'SHA256',
      digits: 8,
      period: 60,
    });
    expect(JSON.stringify(info)).not.toContain('JBSWY3DP');
  });
  it('prefers the issuer parameter and applies defaults', () => {
    expect(describeOtpauth('otpauth://totp/Label:bob?secret=AAAA&issuer=Angel')).toMatchObject({
      issuer: 'Angel',
      account: 'bob',
      digits: 6,
      period: 30,
      algorithm: 'SHA1',
    });
  });
  it('returns null for anything else', () => {
    expect(describeOtpauth('JBSWY3DPEHPK3PXP')).toBeNull();
    expect(describeOtpauth('otpauth://hotp/x?secret=AA')).toBeNull();
    expect(describeOtpauth('otpauth://')).toBeNull();
  });
  it('ignores nonsense numbers', () => {
    expect(describeOtpauth('otpauth://totp/x?secret=A&digits=abc&period=-5')).toMatchObject({
      digits: 6,
      period: 30,
    });
  });
});

describe('safeFileName', () => {
  it('strips path separators and control characters', () => {
    expect(safeFileName('../x/y.json', 'f.json')).toBe('.._x_y.json');
    expect(safeFileName('a:b?.json', 'f.json')).toBe('a_b_.json');
    expect(safeFileName('  ', 'f.json')).toBe('f.json');
    expect(safeFileName('..', 'f.json')).toBe('f.json');
    expect(safeFileName('backup-2026.json', 'f.json')).toBe('backup-2026.json');
  });
});

describe('checkNewPassword', () => {
  it('asks for 8 characters and a matching confirmation', () => {
    expect(checkNewPassword('short', 'short')).toEqual({ password: expect.stringMatching(/at least 8/) });
    expect(checkNewPassword('long enough', 'long enougH')).toEqual({
      confirm: expect.stringMatching(/differ/),
    });
    expect(checkNewPassword('long enough', 'long enough')).toEqual({});
  });
});

describe('parseMinutes', () => {
  it('accepts whole minutes from 1 to 1440', () => {
    expect(parseMinutes('30')).toBe(30);
    expect(parseMinutes(' 1 ')).toBe(1);
    expect(parseMinutes('1440')).toBe(1440);
  });
  it('says what is wrong otherwise', () => {
    expect(parseMinutes('0')).toMatch(/between 1 and 1440/);
    expect(parseMinutes('1441')).toMatch(/between 1 and 1440/);
    expect(parseMinutes('2.5')).toMatch(/whole number/);
    expect(parseMinutes('')).toMatch(/whole number/);
    expect(parseMinutes('-3')).toMatch(/whole number/);
  });
});
