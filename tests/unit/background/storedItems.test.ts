import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from '#imports';
import { checkStored, storedSchemas } from '@/entrypoints/background/schemas/stored';
import { CORRUPT_SUFFIX, defineStoredItem, StoredItemError } from '@/utils/storage/item';

type Key = keyof typeof storedSchemas;
const msg = { code: 'login.wrongPin', params: { left: 2, label: 'Main' } };

/** A valid value of every stored item (messages both as sentences and as codes). */
const valid: Record<Key, unknown> = {
  'local:vault': { v: 2 },
  'local:vaultSettings': { autoLockMinutes: null, accountCount: 2, backupExportedAt: 1 },
  'local:vaultKeptCopies': [{ savedAt: 1, reason: 'restore', envelope: { v: 2 } }],
  'session:vaultKey': 'AAAA',
  'session:vaultProblem': { fingerprint: 'a.b', problem: 'damaged' },
  'session:vaultActivity': 5,
  'session:clockSkew': { offsetMs: -3, measuredAt: 1, roundTripMs: 40 },
  'session:clockSkewAttemptAt': 0,
  'local:loginSettings': {
    timeoutSec: 60,
    schedule: { enabled: true, time: '08:45', weekdays: [1, 2], holidays: ['2026-01-26'] },
  },
  'local:loginResults': {
    a1: { accountId: 'a1', ok: false, at: 1, message: msg, needsAttention: true },
    a2: { accountId: 'a2', ok: true, at: 2, message: 'Logged in.' },
  },
  'session:loginAttemptViews': [
    {
      id: 'x',
      accountId: 'a1',
      label: 'M',
      origin: 'site',
      status: 'failed',
      startedAt: 1,
      steps: { pin: 2 },
      message: msg,
    },
  ],
  'session:loginAttempts': [
    {
      id: 'x',
      accountId: 'a1',
      label: 'M',
      origin: 'extension',
      status: 'running',
      startedAt: 1,
      steps: {},
      tabId: 3,
      state: 's',
      deadline: 9,
      round: 1,
      given: { clientCode: 1, pin: 0, totp: 0 },
      totpNotBefore: 0,
      totpWindowEnd: 0,
    },
  ],
  'session:loginQueue': ['a1'],
  'session:loginPendingSchedule': '2026-12-02',
  'local:loginHistory': 'sealed',
  'session:loginHistoryPending': [
    {
      id: 'h',
      at: 1,
      accountId: 'a1',
      label: '',
      kind: 'login',
      result: 'failure',
      step: 'pin',
      message: msg,
    },
  ],
  'local:delivery.targets': [
    { id: 't', accountId: 'a1', kind: 'webhook', url: 'https://x.example/h', createdAt: 1 },
  ],
  'local:delivery.outbox': [
    {
      eventId: 'e',
      targetId: 't',
      accountId: 'a1',
      test: false,
      sealedBody: 'b',
      createdAt: 1,
      deadline: 2,
      attempts: 1,
      nextAttemptAt: 2,
      state: 'pending',
      lastMessage: msg,
    },
  ],
  'local:delivery.status': {
    t: { at: 1, eventId: 'e', test: true, outcome: 'delivered', httpStatus: 200, message: 'Delivered.' },
    u: {
      at: 1,
      eventId: 'f',
      test: false,
      outcome: 'failed',
      message: { code: 'dl.http', params: { status: 500 } },
    },
  },
  'session:delivery.lockedNotified': true,
  'local:delivery.targetsMac': { v: 1, keyId: 'k', mac: 'm' },
  'local:validation:results': {
    a1: { accountId: 'a1', label: 'M', clientCode: 'A1', state: 'ok', startedAt: 1, finishedAt: 2 },
  },
  'local:validation:settings': { timeoutMs: 15_000 },
  'local:portalProfiles': {
    profiles: [
      {
        id: 'p',
        name: 'P',
        appName: 'app',
        redirectUrl: 'https://x.example/',
        postbackUrl: '',
        apiType: 'publisher',
        clientId: '',
        primaryIp: '',
        secondaryIp: '',
      },
    ],
    selectedId: 'p',
  },
  'session:portalCodeGrants': { '3': { accountId: 'a1', until: 9 } },
  'local:platformProgress': { a1: { origin: 'https://x.example', filledAt: 1 } },
  'session:platformFills': [
    { fillId: 'f', tabId: 1, origin: 'https://x.example', accountId: 'a1', fields: ['mpin'], until: 2 },
  ],
  'local:platformOrigins': ['https://x.example'],
  'session:tabPages': { '1': { tabId: 1, kind: 'create-app', url: 'https://x', seenAt: 1 } },
  'local:uiLanguage': 'hi',
};
/** Every item but the vault envelope, which is checked by its own parse when opened. */
const checked = (Object.keys(storedSchemas) as Key[]).filter((k) => k !== 'local:vault');
/** A value no checked item accepts: a number where a string is wanted, a string elsewhere. */
const corruptValue = (key: Key): unknown =>
  ['session:vaultKey', 'session:loginPendingSchedule', 'local:loginHistory', 'local:uiLanguage'].includes(key)
    ? 7
    : 'not this';

const browserKey = (key: string) => key.slice(key.indexOf(':') + 1);
const areaOf = (key: string) => (key.startsWith('local:') ? 'local' : 'session') as 'local' | 'session';
async function rawOf(key: string): Promise<unknown> {
  return (await fakeBrowser.storage[areaOf(key)].get(browserKey(key)))[browserKey(key)];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

beforeEach(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined); // each damage is logged
  fakeBrowser.reset();
  await storage.clear('local');
  await storage.clear('session');
});

describe('stored items are parsed by schemas', () => {
  it('every item the code defines has a schema, and every schema an item', () => {
    const defined = new Set<string>();
    for (const file of [
      ...sourceFiles('entrypoints'),
      ...sourceFiles('utils'),
      ...sourceFiles('components'),
    ]) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/defineStoredItem<[^(]*?>\(\s*'((?:local|session):[^']+)'/g))
        defined.add(m[1]!);
      if (/defineStoredItem<[^(]*?>\(\s*HISTORY_STORAGE_KEYS/.test(text)) {
        defined.add('local:loginHistory');
        defined.add('session:loginHistoryPending');
      }
    }
    expect([...defined].sort()).toEqual(Object.keys(storedSchemas).sort());
  });

  it.each(checked)('%s: a valid value parses and is returned as stored', async (key) => {
    const item = defineStoredItem<unknown>(key, { fallback: null });
    await fakeBrowser.storage[areaOf(key)].set({ [browserKey(key)]: valid[key] });
    expect(checkStored(key, valid[key])).toMatchObject({ ok: true });
    expect(await item.read()).toEqual({ ok: true, value: valid[key], stored: true });
    expect(await item.getValue()).toEqual(valid[key]);
    expect(await rawOf(`${key}${CORRUPT_SUFFIX}`)).toBeUndefined();
  });

  it.each(checked)('%s: a corrupt value gives a StoredItemError and stays stored', async (key) => {
    const fallback = { fresh: true };
    const item = defineStoredItem<unknown>(key, { fallback });
    const bad = corruptValue(key);
    await fakeBrowser.storage[areaOf(key)].set({ [browserKey(key)]: bad });
    const read = await item.read();
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error).toBeInstanceOf(StoredItemError);
    expect(read.error.item).toBe(key);
    expect(read.error.issues.length).toBeGreaterThan(0);
    expect(JSON.stringify(read.error.issues)).not.toContain(String(bad));
    // getValue hands out a fresh fallback, never the shared object, and the value stays.
    const got = await item.getValue();
    expect(got).toEqual(fallback);
    expect(got).not.toBe(fallback);
    expect(await rawOf(key)).toEqual(bad);
    const kept = (await rawOf(`${key}${CORRUPT_SUFFIX}`)) as { value: unknown; issues: string[] };
    expect(kept.value).toEqual(bad);
    // A later write goes ahead, and the kept copy is still there, unchanged.
    await item.setValue(valid[key]);
    expect(await rawOf(key)).toEqual(valid[key]);
    expect(((await rawOf(`${key}${CORRUPT_SUFFIX}`)) as { value: unknown }).value).toEqual(bad);
    // A second damage does not overwrite the first copy.
    await fakeBrowser.storage[areaOf(key)].set({ [browserKey(key)]: [bad, bad] });
    await item.getValue();
    expect(((await rawOf(`${key}${CORRUPT_SUFFIX}`)) as { value: unknown }).value).toEqual(bad);
  });

  it('a damaged value written over without a read first is still kept aside', async () => {
    const item = defineStoredItem<string[]>('local:platformOrigins', { fallback: [] });
    await fakeBrowser.storage.local.set({ platformOrigins: 'oops' });
    await item.setValue(['https://a.example']);
    expect(await rawOf('local:platformOrigins')).toEqual(['https://a.example']);
    expect(await rawOf(`local:platformOrigins${CORRUPT_SUFFIX}`)).toMatchObject({ value: 'oops' });
  });

  it('nothing stored: a fresh copy of the fallback each time', async () => {
    const fallback = { profiles: [], selectedId: 'x' };
    const item = defineStoredItem<typeof fallback>('local:portalProfiles', { fallback });
    const a = await item.getValue();
    a.profiles.push({} as never);
    expect(await item.getValue()).toEqual({ profiles: [], selectedId: 'x' });
    expect(await item.read()).toMatchObject({ ok: true, stored: false });
  });

  it('stored messages: a sentence or a code with parameters, nothing else', () => {
    const key = 'local:loginResults';
    const at = (message: unknown) => checkStored(key, { a: { accountId: 'a', ok: true, at: 1, message } }).ok;
    expect(at('Logged in.')).toBe(true);
    expect(at({ code: 'x' })).toBe(true);
    expect(at({ code: 'x', params: { n: 1, s: 's', o: { code: 'y' } } })).toBe(true);
    expect(at({ params: {} })).toBe(false);
    expect(at({ code: 'x', params: { n: true } })).toBe(false);
    expect(at(7)).toBe(false);
  });

  it('fuzz: 1,000 random values per item never throw past the read path', async () => {
    for (const key of Object.keys(storedSchemas) as Key[]) {
      // The schema check on anything at all (not only what storage can hold).
      fc.assert(
        fc.property(fc.anything(), (x) => {
          const r = checkStored(key, x);
          if (r.ok !== true && !(r.ok === false && Array.isArray(r.issues)))
            throw new Error(`${key}: untyped result`);
        }),
        { numRuns: 1000 },
      );
      // The whole read path on what storage can hold.
      const item = defineStoredItem<unknown>(key, { fallback: null });
      await fc.assert(
        fc.asyncProperty(fc.jsonValue(), async (x) => {
          await fakeBrowser.storage[areaOf(key)].set({ [browserKey(key)]: x });
          const r = await item.read();
          if (!r.ok && !(r.error instanceof StoredItemError)) throw new Error(`${key}: untyped error`);
          await item.getValue();
          if (!r.ok && JSON.stringify(await rawOf(key)) !== JSON.stringify(x))
            throw new Error(`${key}: not kept`);
        }),
        { numRuns: 1000 },
      );
    }
  }, 300_000);
});
