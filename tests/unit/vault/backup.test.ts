import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { render } from '@/utils/i18n/core';
import '@/utils/i18n';
import { textIn as translate } from '@/utils/i18n/core';
import {
  BACKUP_APP,
  BACKUP_FORMAT,
  BackupError,
  createBackupFile,
  exportOtpauthList,
  parseBackupPayload,
  parseOtpauthList,
  planImport,
  planOtpauthImport,
  readBackupFile,
} from '@/utils/vault/backup';
import { createEnvelope } from '@/utils/vault/envelope';
import { encodeBase32 } from '@/utils/vault/base32';
import type { Account, VaultData } from '@/utils/vault/types';

const IT = 1000;

function account(over: Partial<Account> & { label: string; clientCode: string }): Account {
  return {
    id: `id-${over.label}`,
    platform: 'SMART_API',
    redirectUrl: 'https://webx.stocksdeveloper.in/auth/angel',
    notes: '',
    totp: { algorithm: 'SHA1', digits: 6, period: 30 },
    dailyLogin: false,
    autoFill: false,
    secrets: { mpin: '1234', totpSecret: 'JBSWY3DPEHPK3PXP', apiKey: 'key1' },
    ...over,
  };
}

/** A BackupError's message in English, as the import screen shows it. */
const words = (err: BackupError) => render(err.msg, (k, p) => translate('en', k, p));

async function backupErr(p: Promise<unknown> | (() => unknown)): Promise<BackupError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    if (err instanceof BackupError) return err;
    throw err;
  }
  throw new Error('expected a BackupError');
}

let n = 0;
const newId = () => `new-${++n}`;

describe('encrypted backup file', () => {
  const data: VaultData = {
    schemaVersion: 1,
    accounts: [
      account({
        label: 'Main',
        clientCode: 'A1',
        tokens: { authToken: 'jwt', feedToken: 'f', capturedAt: 1, expiresAt: 2, source: 'rest-login' },
      }),
      account({
        label: 'Wife',
        clientCode: 'B2',
        secrets: { mpin: '9876', totpSecret: 'GEZDGNBVGY3TQOJQ', apiKey: 'key2', apiSecret: 'sec' },
      }),
    ],
    webhookSecrets: { t1: 'hook-secret' },
  };

  it('round-trips, carries the format marker and app name, and leaves session tokens out', async () => {
    const file = await createBackupFile(data, 'backup-pw', { iterations: IT, now: Date.UTC(2026, 10, 28) });
    expect(file.fileName).toBe('smartapi-companion-backup-2026-11-28.json');
    const json = JSON.parse(file.content);
    expect(json).toMatchObject({
      format: BACKUP_FORMAT,
      formatVersion: 1,
      app: BACKUP_APP,
      createdAt: '2026-11-28T00:00:00.000Z',
    });
    expect(json.envelope).toMatchObject({ v: 2, kdf: { name: 'PBKDF2-SHA256', iterations: IT } });
    for (const secret of ['1234', '9876', 'JBSWY3DPEHPK3PXP', 'key2', 'hook-secret', 'jwt', 'Main'])
      expect(file.content).not.toContain(secret);
    const back = await readBackupFile(file.content, 'backup-pw');
    expect(back.accounts).toEqual(data.accounts.map(({ tokens: _t, ...a }) => a));
    expect(back.webhookSecrets).toEqual({ t1: 'hook-secret' });
  });

  it('production backups use the production KDF by default', async () => {
    // Not run at 600k here: just check the default is wired to the envelope default.
    const { DEFAULT_KDF_ITERATIONS } = await import('@/utils/vault/envelope');
    expect(DEFAULT_KDF_ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });

  it('refuses wrong passwords, other files, other versions and tampering with typed errors', async () => {
    const file = await createBackupFile(data, 'backup-pw', { iterations: IT });
    expect((await backupErr(readBackupFile(file.content, 'nope'))).code).toBe('wrong-password');
    expect((await backupErr(readBackupFile('', 'x'))).code).toBe('empty');
    expect((await backupErr(readBackupFile('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP', 'x'))).code).toBe(
      'not-json',
    );
    expect((await backupErr(readBackupFile('{"a":1}', 'x'))).code).toBe('not-a-backup');
    const json = JSON.parse(file.content);
    expect(
      (await backupErr(readBackupFile(JSON.stringify({ ...json, formatVersion: 9 }), 'backup-pw'))).code,
    ).toBe('unsupported-version');
    const ct = json.envelope.data.ct as string;
    const tampered = {
      ...json,
      envelope: {
        ...json.envelope,
        data: { ...json.envelope.data, ct: (ct[0] === 'A' ? 'B' : 'A') + ct.slice(1) },
      },
    };
    expect((await backupErr(readBackupFile(JSON.stringify(tampered), 'backup-pw'))).code).toBe('damaged');
    // A vault envelope (no backup marker inside) is not taken for a backup.
    const { envelope } = await createEnvelope(
      'backup-pw',
      JSON.stringify({ accounts: [], webhookSecrets: {} }),
      IT,
    );
    const wrapped = JSON.stringify({ ...json, envelope });
    expect((await backupErr(readBackupFile(wrapped, 'backup-pw'))).code).toBe('not-a-backup');
  });

  it('checks each account inside, naming the bad one', () => {
    const payload = (accounts: unknown[]) =>
      JSON.stringify({ kind: 'smartapi-companion-accounts', accounts, webhookSecrets: {} });
    const good = account({ label: 'Main', clientCode: 'A1' });
    expect(parseBackupPayload(payload([good])).accounts).toEqual([good]);
    const bad = { ...good, secrets: { ...good.secrets, mpin: '12' } };
    const err = (() => {
      try {
        parseBackupPayload(payload([good, bad]));
      } catch (e) {
        return e as BackupError;
      }
    })();
    expect(err).toBeInstanceOf(BackupError);
    expect(words(err!)).toMatch(/Account 2 in the backup \("Main"\): the MPIN is not 4 digits/);
  });

  it('property: any file content and password give a payload or a BackupError, nothing else', async () => {
    const b64 = fc.base64String({ maxLength: 40 });
    const envelopeLike = fc.record(
      {
        v: fc.constantFrom(2, 1, '2', null),
        kdf: fc.record(
          {
            name: fc.constantFrom('PBKDF2-SHA256', 'x'),
            iterations: fc.oneof(fc.integer({ min: -5, max: 50 }), fc.double()),
            salt: b64,
          },
          { requiredKeys: [] },
        ),
        wrappedKey: fc.record({ iv: b64, ct: b64 }, { requiredKeys: [] }),
        data: fc.record({ iv: b64, ct: b64 }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    );
    const fileLike = fc.record(
      {
        format: fc.constantFrom(BACKUP_FORMAT, 'other'),
        formatVersion: fc.constantFrom(1, 2, '1'),
        app: fc.string(),
        envelope: fc.oneof(envelopeLike, fc.jsonValue()),
      },
      { requiredKeys: [] },
    );
    const content = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.jsonValue().map((j) => JSON.stringify(j) ?? ''),
      fileLike.map((f) => JSON.stringify(f)),
    );
    await fc.assert(
      fc.asyncProperty(content, fc.string({ maxLength: 10 }), async (c, pw) => {
        try {
          await readBackupFile(c, pw);
        } catch (err) {
          if (!(err instanceof BackupError)) throw err;
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('property: a real backup with any one character changed imports whole or fails with a BackupError', async () => {
    const file = await createBackupFile(data, 'backup-pw', { iterations: 50 });
    const outcomes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: file.content.length - 1 }),
        fc.string({ unit: 'binary', minLength: 0, maxLength: 2 }),
        async (at, repl) => {
          const mutated = file.content.slice(0, at) + repl + file.content.slice(at + 1);
          try {
            const back = await readBackupFile(mutated, 'backup-pw');
            outcomes.add('ok');
            expect(back.accounts).toHaveLength(2);
          } catch (err) {
            if (!(err instanceof BackupError)) throw err;
            outcomes.add(err.code);
          }
        },
      ),
      { numRuns: 2000 },
    );
    // The mutations reach the JSON layer and the envelope/crypto layer.
    expect(outcomes).toContain('not-json');
    expect(outcomes).toContain('damaged');
  });

  it('property: any decrypted payload gives accounts or a BackupError, nothing else', () => {
    const accountLike = fc.record(
      {
        id: fc.oneof(fc.string(), fc.integer()),
        label: fc.oneof(fc.string({ maxLength: 70 }), fc.constant(null)),
        clientCode: fc.oneof(fc.string({ maxLength: 25 }), fc.stringMatching(/^[A-Z0-9]{1,20}$/)),
        platform: fc.constantFrom('SMART_API', 'SMART_API_M', 'X'),
        redirectUrl: fc.oneof(fc.webUrl(), fc.string()),
        notes: fc.string(),
        totp: fc.record(
          {
            algorithm: fc.constantFrom('SHA1', 'SHA256', 'MD5'),
            digits: fc.integer({ min: 5, max: 9 }),
            period: fc.oneof(fc.integer({ min: -1, max: 4000 }), fc.double()),
          },
          { requiredKeys: [] },
        ),
        dailyLogin: fc.jsonValue(),
        secrets: fc.record(
          {
            mpin: fc.oneof(fc.stringMatching(/^\d{4}$/), fc.string({ maxLength: 6 })),
            totpSecret: fc.oneof(
              fc.uint8Array({ minLength: 8, maxLength: 70 }).map(encodeBase32),
              fc.string(),
            ),
            apiKey: fc.string(),
            apiSecret: fc.jsonValue(),
          },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    );
    const payload = fc.oneof(
      fc
        .record(
          {
            kind: fc.constantFrom('smartapi-companion-accounts', 'x'),
            accounts: fc.array(fc.oneof(accountLike, fc.jsonValue()), { maxLength: 4 }),
            webhookSecrets: fc.jsonValue(),
          },
          { requiredKeys: ['kind'] },
        )
        .map((p) => JSON.stringify(p)),
      fc.string({ unit: 'binary' }),
    );
    fc.assert(
      fc.property(payload, (p) => {
        try {
          const out = parseBackupPayload(p);
          for (const a of out.accounts) {
            expect(a.label.length).toBeGreaterThan(0);
            expect(['SMART_API', 'SMART_API_M']).toContain(a.platform);
          }
        } catch (err) {
          if (!(err instanceof BackupError)) throw err;
        }
      }),
      { numRuns: 5000 },
    );
  });
});

describe('merge and replace', () => {
  const main = account({ label: 'Main', clientCode: 'A1' });
  const wife = account({ label: 'Wife', clientCode: 'B2' });
  const old = account({ label: 'Old', clientCode: 'C3' });

  it('merge: adds new, updates changed (keeping ids), reports unchanged, removes nothing', () => {
    const incoming = [
      { ...main, id: 'other-id' },
      { ...wife, id: 'x', secrets: { ...wife.secrets, mpin: '5555' } },
      account({ label: 'New', clientCode: 'D4', id: 'id-Main' }),
    ];
    const { preview, accounts } = planImport([main, wife, old], incoming, 'merge', newId);
    expect(preview).toEqual({
      added: ['New (D4)'],
      changed: ['Wife (B2)'],
      unchanged: ['Main (A1)'],
      removed: [],
    });
    expect(accounts.map((a) => a.label)).toEqual(['Main', 'Wife', 'Old', 'New']);
    expect(accounts[1]!.id).toBe('id-Wife');
    expect(accounts[1]!.secrets.mpin).toBe('5555');
    // The new account's id collided with an existing one, so it got a fresh id.
    expect(accounts[3]!.id).toMatch(/^new-/);
  });

  it('replace: the vault becomes the backup, matched accounts keep their ids', () => {
    const { preview, accounts } = planImport(
      [main, wife, old],
      [{ ...wife, id: 'zzz' }, account({ label: 'New', clientCode: 'D4' })],
      'replace',
      newId,
    );
    expect(preview).toEqual({
      added: ['New (D4)'],
      changed: [],
      unchanged: ['Wife (B2)'],
      removed: ['Main (A1)', 'Old (C3)'],
    });
    expect(accounts.map((a) => [a.label, a.id])).toEqual([
      ['Wife', 'id-Wife'],
      ['New', 'id-New'],
    ]);
  });
});

describe('otpauth list', () => {
  const main = account({
    label: 'Main',
    clientCode: 'A1',
    totp: { algorithm: 'SHA256', digits: 8, period: 60 },
  });
  const noTotp = account({
    label: 'NoTotp',
    clientCode: 'E5',
    secrets: { mpin: '1111', totpSecret: '', apiKey: 'k' },
  });
  const same = account({
    label: 'B2',
    clientCode: 'B2',
    secrets: { mpin: '1111', totpSecret: 'GEZDGNBVGY3TQOJQ', apiKey: 'k' },
  });

  it('exports one URI per line and reads it back', () => {
    const text = exportOtpauthList([main, noTotp, same]);
    expect(text).toBe(
      'otpauth://totp/Angel%20One:Main%20(A1)?secret=JBSWY3DPEHPK3PXP&issuer=Angel%20One&algorithm=SHA256&digits=8&period=60\n' +
        'otpauth://totp/Angel%20One:B2?secret=GEZDGNBVGY3TQOJQ&issuer=Angel%20One&algorithm=SHA1&digits=6&period=30\n',
    );
    expect(parseOtpauthList(text)).toEqual([
      { label: 'Main', clientCode: 'A1', secret: 'JBSWY3DPEHPK3PXP', totp: main.totp },
      { label: 'B2', clientCode: 'B2', secret: 'GEZDGNBVGY3TQOJQ', totp: same.totp },
    ]);
  });

  it('import merges secrets into matching accounts and adds TOTP-only accounts', () => {
    const entries = parseOtpauthList(
      '# exported list\r\n\r\notpauth://totp/Angel%20One:Main%20(A1)?secret=GEZDGNBVGY3TQOJQ\notpauth://totp/Google:me@example.com?secret=JBSWY3DPEHPK3PXP\n',
    );
    const { preview, accounts } = planOtpauthImport([main, noTotp], entries, newId);
    expect(preview).toEqual({
      added: ['me@example.com'],
      changed: ['Main (A1)'],
      unchanged: [],
      removed: [],
    });
    expect(accounts[0]!.secrets).toEqual({ ...main.secrets, totpSecret: 'GEZDGNBVGY3TQOJQ' });
    expect(accounts[0]!.totp).toEqual({ algorithm: 'SHA1', digits: 6, period: 30 });
    expect(accounts[2]).toMatchObject({
      label: 'me@example.com',
      clientCode: '',
      secrets: { mpin: '', totpSecret: 'JBSWY3DPEHPK3PXP', apiKey: '' },
    });
  });

  it('refuses the whole list when one line is bad, naming the line', async () => {
    const err = await backupErr(() => parseOtpauthList('otpauth://totp/A1?secret=JBSWY3DPEHPK3PXP\nhello\n'));
    expect(err.code).toBe('bad-line');
    expect(words(err)).toMatch(/^Line 2: .*Nothing was imported/);
    expect((await backupErr(() => parseOtpauthList('\n# only comments\n'))).code).toBe('empty');
  });

  it('property: any text gives entries or a BackupError, nothing else', () => {
    const line = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc
        .tuple(fc.string({ maxLength: 20 }), fc.uint8Array({ minLength: 5, maxLength: 30 }))
        .map(([l, b]) => `otpauth://totp/${l}?secret=${encodeBase32(b)}`),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, eol) => {
        try {
          for (const e of parseOtpauthList(lines.join(eol))) expect(e.label.length).toBeGreaterThan(0);
        } catch (err) {
          if (!(err instanceof BackupError)) throw err;
        }
      }),
      { numRuns: 3000 },
    );
  });
});
