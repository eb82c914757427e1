import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch } from '@/utils/messaging';
import { registerVault } from '@/entrypoints/background/vault';
import { createEnvelope, openEnvelope } from '@/utils/vault/envelope';
import { migrateVaultData, VAULT_SCHEMA_VERSION } from '@/utils/vault/migrations';
import { v0ToV1 } from '@/utils/vault/migrations/v0ToV1';
import { BACKUP_PAYLOAD_KIND, BackupError, parseBackupPayload } from '@/utils/vault/backup';
import { enBackground } from '@/utils/i18n/en.background';
import release010 from '../../fixtures/update/0.1.0.storage.json';
import vaultDataV0 from '../../fixtures/update/vaultData.v0.json';
import { RELEASE_ACCOUNTS, RELEASE_PASSWORD } from '../../fixtures/update/releaseData';
import { clearHandlers, setKdfIterationsForTests } from '@/tests/unit/testHooks';

/** Vault data as each past version stored it (decrypted), by schema version. */
const PAST_VERSIONS: Record<number, unknown> = { 0: vaultDataV0 };

function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object') {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

const page = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });
const send = (type: string, data?: unknown) => dispatch({ __sac: 1, type, data }, page());

describe('vault data migrations', () => {
  it('the v0 fixture is exactly what release 0.1.0 stored (decrypted from its storage)', async () => {
    const opened = await openEnvelope(release010.local.vault, RELEASE_PASSWORD);
    expect(JSON.parse(opened.plaintext)).toEqual(vaultDataV0);
  });

  it('there is a fixture of every past version', () => {
    const versions = Object.keys(PAST_VERSIONS).map(Number);
    expect(versions).toEqual([...Array(VAULT_SCHEMA_VERSION).keys()]);
  });

  it.each(Object.entries(PAST_VERSIONS))(
    'version %s comes through every step to the current shape',
    (v, data) => {
      const input = deepFreeze(structuredClone(data)) as Record<string, unknown>;
      const out = migrateVaultData(input);
      expect(out).toMatchObject({ ok: true, from: Number(v) });
      if (!out.ok) return;
      expect(out.data.schemaVersion).toBe(VAULT_SCHEMA_VERSION);
      // Nothing the user had is lost on the way.
      expect(out.data.accounts).toEqual(input.accounts);
      expect(out.data.webhookSecrets).toEqual(input.webhookSecrets);
      const labels = (out.data.accounts as { label: string }[]).map((a) => a.label);
      expect(labels).toEqual(RELEASE_ACCOUNTS.map((a) => a.label));
      // Current data goes through unchanged.
      expect(migrateVaultData(out.data)).toEqual({ ok: true, data: out.data, from: VAULT_SCHEMA_VERSION });
    },
  );

  it('v0 → v1 gives a v0 vault without webhook secrets an empty map and changes nothing else', () => {
    for (const webhookSecrets of [undefined, null, [], 'x']) {
      const v0 = deepFreeze({ accounts: [], webhookSecrets, pageRules: [] });
      expect(v0ToV1(v0)).toEqual({ accounts: [], webhookSecrets: {}, pageRules: [], schemaVersion: 1 });
    }
  });

  it('refuses data newer than the code and versions that are not versions, changing nothing', () => {
    const newer = deepFreeze({ schemaVersion: VAULT_SCHEMA_VERSION + 1, accounts: [] });
    expect(migrateVaultData(newer)).toEqual({
      ok: false,
      problem: 'too-new',
      version: VAULT_SCHEMA_VERSION + 1,
    });
    for (const schemaVersion of [-1, 1.5, '1', null])
      expect(migrateVaultData({ schemaVersion, accounts: [] })).toEqual({
        ok: false,
        problem: 'bad-version',
      });
    for (const json of [null, [], 'vault', 3]) expect(migrateVaultData(json)).toMatchObject({ ok: false });
  });
});

describe('migrations where the vault is opened', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    clearHandlers();
    registerVault();
  });

  it('unlocking the 0.1.0 vault migrates it; the next write stores the current version', async () => {
    setKdfIterationsForTests(null); // the release's own 600,000 iterations: no upgrade in between
    await fakeBrowser.storage.local.set(release010.local);
    expect(await send('vault/unlock', { password: RELEASE_PASSWORD })).toMatchObject({
      ok: true,
      value: { state: 'unlocked' },
    });
    const list = (await send('accounts/list')) as { ok: true; value: { id: string; label: string }[] };
    expect(list.value.map((a) => a.label)).toEqual(RELEASE_ACCOUNTS.map((a) => a.label));
    const ids = list.value.map((a) => a.id).reverse();
    expect(await send('accounts/reorder', { ids })).toMatchObject({ ok: true });
    const { vault } = await fakeBrowser.storage.local.get('vault');
    const stored = JSON.parse((await openEnvelope(vault, RELEASE_PASSWORD)).plaintext);
    expect(stored.schemaVersion).toBe(VAULT_SCHEMA_VERSION);
  }, 30_000);

  it('a vault from a newer version is refused with a clear message and left exactly as stored', async () => {
    setKdfIterationsForTests(1000);
    const data = { schemaVersion: VAULT_SCHEMA_VERSION + 1, accounts: [], webhookSecrets: {} };
    const { envelope } = await createEnvelope('pw-newer-1', JSON.stringify(data), 1000);
    await fakeBrowser.storage.local.set({ vault: envelope });
    const before = JSON.stringify(await fakeBrowser.storage.local.get(null));
    const reply = await send('vault/unlock', { password: 'pw-newer-1' });
    expect(reply).toEqual({
      ok: false,
      code: 'vault-too-new',
      message: enBackground['vdmg.tooNew']
        .replace('{version}', String(VAULT_SCHEMA_VERSION + 1))
        .replace('{known}', String(VAULT_SCHEMA_VERSION)),
    });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toBe(before);
    expect(await send('vault/status')).toMatchObject({ ok: true, value: { state: 'locked' } });
    setKdfIterationsForTests(null);
  });
});

describe('migrations on backup import', () => {
  const account = structuredClone(vaultDataV0.accounts[0]!);
  const payload = (extra: Record<string, unknown>) =>
    JSON.stringify({ kind: BACKUP_PAYLOAD_KIND, accounts: [account], ...extra });

  it('a backup of a v0 vault reads into the current shape; the version is no vault extra', () => {
    const read = parseBackupPayload(
      payload({ webhookSecrets: { t: 's' }, groups: { vaultExtras: { pageRules: [] } } }),
    );
    expect(read.accounts.map((a) => a.label)).toEqual([account.label]);
    expect(read.webhookSecrets).toEqual({ t: 's' });
    expect(read.groups?.vaultExtras).toEqual({ pageRules: [] });
  });

  it('a backup from a newer version is refused before anything is imported', () => {
    let err: unknown;
    try {
      parseBackupPayload(payload({ vaultSchemaVersion: VAULT_SCHEMA_VERSION + 1 }));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BackupError);
    expect((err as BackupError).code).toBe('unsupported-version');
  });
});
