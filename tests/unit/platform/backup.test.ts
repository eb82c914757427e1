import { describe, expect, it } from 'vitest';
import { parseBackupGroups, planGroups, vaultExtrasOf } from '@/utils/vault/backupGroups';
import type { VaultData } from '@/utils/vault/types';
import type { PlatformProfile } from '@/utils/platform/profiles';

const custom = (id: string, origin: string): PlatformProfile => ({
  id,
  name: id,
  origin,
  labels: { apiKey: ['Key'] },
  neverPress: ['save'],
});

describe('platforms in backups', () => {
  it('travel in the vault-data group, counted in the preview, merged by id', () => {
    const data: VaultData = {
      schemaVersion: 1,
      accounts: [],
      webhookSecrets: {},
      platforms: [custom('p1', 'https://a.example')],
    };
    const extras = vaultExtrasOf(data);
    expect(extras).toEqual({ platforms: [custom('p1', 'https://a.example')] });
    const incoming = parseBackupGroups({ vaultExtras: JSON.parse(JSON.stringify(extras)) });
    const current = { vaultExtras: { platforms: [custom('p2', 'https://b.example')] } };
    const plan = planGroups(current, incoming, 'merge', { idMap: {}, accountIds: new Set() });
    expect(plan.preview.find((p) => p.id === 'vaultExtras')).toEqual({
      id: 'vaultExtras',
      count: 1,
      action: 'merge',
    });
    // Merge keeps the platforms added here and adds the backup's.
    expect(plan.write.vaultExtras).toEqual({
      platforms: [custom('p2', 'https://b.example'), custom('p1', 'https://a.example')],
    });
    const replaced = planGroups(current, incoming, 'replace', { idMap: {}, accountIds: new Set() });
    expect(replaced.write.vaultExtras).toEqual(extras);
  });
});
