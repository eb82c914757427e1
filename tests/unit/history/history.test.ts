import { describe, expect, it } from 'vitest';
import {
  csvCell,
  filterHistory,
  historyCsv,
  HISTORY_MAX_AGE_MS,
  HISTORY_MAX_ENTRIES,
  maskSecrets,
  pruneHistory,
  toCsv,
  type HistoryEntry,
} from '@/utils/login/history';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 11, 2, 4, 0, 0);

function entry(over: Partial<HistoryEntry>): HistoryEntry {
  return {
    id: Math.random().toString(36).slice(2),
    at: NOW,
    accountId: 'a1',
    label: 'Main',
    kind: 'login',
    result: 'success',
    message: 'Logged in.',
    ...over,
  };
}

describe('pruneHistory', () => {
  it('keeps the last 60 days, oldest first, and drops older entries', () => {
    const list = [
      entry({ id: 'new', at: NOW - 1000 }),
      entry({ id: 'old', at: NOW - HISTORY_MAX_AGE_MS - 1 }),
      entry({ id: 'edge', at: NOW - HISTORY_MAX_AGE_MS }),
      entry({ id: 'mid', at: NOW - 30 * DAY }),
    ];
    expect(pruneHistory(list, NOW).map((e) => e.id)).toEqual(['edge', 'mid', 'new']);
  });

  it('drops entries dated in the future (a wrong clock) and caps the count', () => {
    expect(pruneHistory([entry({ at: NOW + DAY })], NOW)).toEqual([]);
    const many = Array.from({ length: HISTORY_MAX_ENTRIES + 10 }, (_, i) =>
      entry({ id: String(i), at: NOW - 50 * DAY + i }),
    );
    const kept = pruneHistory(many, NOW);
    expect(kept).toHaveLength(HISTORY_MAX_ENTRIES);
    expect(kept[0]!.id).toBe('10');
  });
});

describe('filterHistory', () => {
  const list = [
    entry({ id: '1', accountId: 'a1', kind: 'login', result: 'failure' }),
    entry({ id: '2', accountId: 'a2', kind: 'login', result: 'success' }),
    entry({ id: '3', accountId: 'a1', kind: 'delivery', result: 'success' }),
    entry({ id: '4', accountId: 'a1', kind: 'validation', result: 'failure' }),
  ];
  const ids = (f: Parameters<typeof filterHistory>[1]) => filterHistory(list, f).map((e) => e.id);
  it('filters by account, kind and result together', () => {
    expect(ids({})).toEqual(['1', '2', '3', '4']);
    expect(ids({ accountId: 'a1' })).toEqual(['1', '3', '4']);
    expect(ids({ kind: 'login' })).toEqual(['1', '2']);
    expect(ids({ result: 'failure' })).toEqual(['1', '4']);
    expect(ids({ accountId: 'a1', kind: 'login', result: 'failure' })).toEqual(['1']);
    expect(ids({ accountId: 'a2', kind: 'delivery' })).toEqual([]);
  });
});

describe('maskSecrets', () => {
  it.each([
    ['Invalid totp 123456', 'Invalid totp •••'],
    ['Code 123 456 refused', 'Code ••• refused'],
    ['Invalid client code A1234567', 'Invalid client code A•••'],
    ['token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJBMSJ9.sig-nature here', 'token ••• here'],
    ['Invalid API key Ab12Cd34Ef56Gh78', 'Invalid API key •••'],
    ['hex 0a1b2c3d4e5f60718293a4b5c6d7e8f9', 'hex •••'],
  ])('%s → %s', (text, masked) => {
    expect(maskSecrets(text)).toBe(masked);
  });

  it('keeps ordinary words, HTTP codes, short numbers and times', () => {
    const s = 'Invalid MPIN. 2 attempts left before your account is blocked. HTTP 403 at 09:15:00.';
    expect(maskSecrets(s)).toBe(s);
    expect(maskSecrets('Please authenticate again')).toBe('Please authenticate again');
  });

  it('masks the known values of the account even when short', () => {
    expect(maskSecrets('PIN 4321 is wrong', ['4321'])).toBe('PIN ••• is wrong');
    expect(maskSecrets('nothing here', ['', 'abc'])).toBe('nothing here');
  });

  it('collapses whitespace and shortens very long text', () => {
    expect(maskSecrets('a\n\n b')).toBe('a b');
    expect(maskSecrets('word '.repeat(200)).length).toBeLessThanOrEqual(400);
  });
});

describe('CSV', () => {
  it('escapes quotes, commas and line breaks (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes a header and one row per entry with CRLF line ends', () => {
    const csv = historyCsv(
      [
        entry({
          at: Date.UTC(2026, 0, 5, 3, 0, 0),
          label: '=cmd',
          result: 'failure',
          step: 'pin',
          message: 'Invalid PIN, "2" left',
        }),
      ],
      ['Time', 'Account', 'Kind', 'Result', 'Step', 'Message'],
      (e) => ({
        account: e.label,
        kind: e.kind,
        result: e.result,
        step: e.step ?? '',
        message: e.message as string,
      }),
    );
    expect(csv).toBe(
      'Time,Account,Kind,Result,Step,Message\r\n' +
        `2026-01-05T03:00:00.000Z,'=cmd,login,failure,pin,"Invalid PIN, ""2"" left"\r\n`,
    );
    expect(toCsv([['x']])).toBe('x\r\n');
  });
});
