/**
 * The parts of the user's set-up that an encrypted backup carries besides the accounts and
 * the webhook signing secrets (docs/backup.md lists them). Each group is one entry of
 * `BACKUP_GROUPS`: how to check it when it comes out of a file, how to count it for the
 * preview, and how "merge" combines it with what the extension holds. To carry a new part of
 * the set-up, add its member to `BackupGroups` and one entry to `BACKUP_GROUPS` (and its
 * storage in entrypoints/background/vault/backup.ts). Anything stored inside the vault's
 * data (VaultData) travels in the `vaultExtras` group without any change here.
 *
 * Pure: no storage, no browser. Reading never throws anything but BackupError.
 */
import type { DeliveryTarget } from '../delivery/types';
import { checkWebhookUrl } from '../delivery/url';
import { msg, type LanguageSetting, type Msg } from '../i18n/core';
import type { BackupKey } from '../i18n/en.backup';
import type { LoginSettings } from '../login/protocol';
import { isValidDateKey, parseTime } from '../login/schedule';
import type { ApiType, ProfilesState, RegistrationProfile } from '../portal/profiles';
import type { ValidationSettings } from '../angel/protocol';
import type { VaultData } from './types';

/** Auto-lock and language: the settings that are not part of another group. */
export interface OtherSettings {
  autoLockMinutes?: number | null;
  language?: LanguageSetting;
}

export interface BackupGroups {
  deliveryTargets?: DeliveryTarget[];
  profiles?: ProfilesState;
  loginSettings?: LoginSettings;
  validationSettings?: ValidationSettings;
  settings?: OtherSettings;
  /** Every member of the vault's data besides accounts and webhook secrets (e.g. taught page rules). */
  vaultExtras?: Record<string, unknown>;
}

export type BackupGroupId = keyof BackupGroups;

/** What an import does with one group: merged in, replaces the current one, or leaves it be. */
export type GroupAction = 'merge' | 'replace' | 'keep' | 'absent';

export interface BackupGroupPreview {
  id: BackupGroupId;
  /** How many items the backup holds (targets, profiles, days, settings…). */
  count: number;
  action: GroupAction;
}

/** Members of VaultData that the backup carries in its own fields, or never (the export date). */
const VAULT_CORE_KEYS = new Set(['schemaVersion', 'accounts', 'webhookSecrets', 'backupExportedAt']);

export class BackupGroupError extends Error {
  /** For the user, worded where it is shown: which group is unreadable. */
  public readonly msg: Msg<BackupKey>;
  constructor(public readonly group: BackupGroupId) {
    super('bkg.badGroup');
    this.msg = msg('bkg.badGroup', { group: msg(`bkg.g.${group}`) });
    this.name = 'BackupGroupError';
  }
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function shortString(x: unknown, max: number): string | null {
  return typeof x === 'string' && x.length <= max ? x : null;
}

export interface MergeContext {
  /** Account id in the backup → account id in the vault after the import. */
  idMap: Readonly<Record<string, string>>;
  /** Every account id the vault holds after the import. */
  accountIds: ReadonlySet<string>;
}

interface GroupDef<K extends BackupGroupId> {
  id: K;
  /** Check a value from a decrypted backup; throws BackupGroupError. */
  parse(raw: unknown): NonNullable<BackupGroups[K]>;
  count(v: NonNullable<BackupGroups[K]>): number;
  /** Whether "merge" combines lists (true) or keeps the current settings (false). */
  mergesItems: boolean;
  /** Fit the backup's value to the vault after the import (account ids). Default: as is. */
  adapt?(v: NonNullable<BackupGroups[K]>, ctx: MergeContext): NonNullable<BackupGroups[K]>;
  /** Merge mode, `mergesItems` groups only: current combined with the backup's. */
  merge?(
    current: NonNullable<BackupGroups[K]>,
    incoming: NonNullable<BackupGroups[K]>,
  ): NonNullable<BackupGroups[K]>;
}

/** Items with an `id`: the backup's version of an item wins, new ones are added at the end. */
function unionById<T extends { id: string }>(current: readonly T[], incoming: readonly T[]): T[] {
  const byId = new Map(incoming.map((x) => [x.id, x]));
  const out = current.map((c) => byId.get(c.id) ?? c);
  for (const x of incoming) if (!current.some((c) => c.id === x.id)) out.push(x);
  return out;
}

function parseTarget(x: unknown): DeliveryTarget | null {
  if (!isRecord(x)) return null;
  const id = shortString(x.id, 100);
  const accountId = shortString(x.accountId, 100);
  if (!id || !accountId) return null;
  const createdAt = typeof x.createdAt === 'number' && Number.isFinite(x.createdAt) ? x.createdAt : 0;
  if (x.kind === 'angel-redirect') return { id, accountId, kind: 'angel-redirect', createdAt };
  if (x.kind !== 'webhook' || typeof x.url !== 'string') return null;
  const check = checkWebhookUrl(x.url);
  if (!check.ok) return null;
  return { id, accountId, kind: 'webhook', url: check.url, createdAt };
}

const API_TYPES: readonly ApiType[] = ['trading', 'publisher', 'market-feeds', 'historical'];

function parseProfile(x: unknown): RegistrationProfile | null {
  if (!isRecord(x)) return null;
  const text = (k: string, max = 300) => shortString(x[k], max);
  const id = text('id', 100);
  const name = text('name', 100);
  const fields = ['appName', 'redirectUrl', 'postbackUrl', 'clientId', 'primaryIp', 'secondaryIp'] as const;
  const values = fields.map((f) => text(f) ?? (x[f] === undefined ? '' : null));
  if (!id || !name || values.some((v) => v === null)) return null;
  const apiType = API_TYPES.find((t) => t === x.apiType);
  if (!apiType) return null;
  const [appName, redirectUrl, postbackUrl, clientId, primaryIp, secondaryIp] = values as string[];
  return {
    id,
    name,
    ...(x.builtIn === true ? { builtIn: true } : {}),
    appName: appName!,
    redirectUrl: redirectUrl!,
    postbackUrl: postbackUrl!,
    apiType,
    clientId: clientId!,
    primaryIp: primaryIp!,
    secondaryIp: secondaryIp!,
  };
}

const deliveryTargets: GroupDef<'deliveryTargets'> = {
  id: 'deliveryTargets',
  mergesItems: true,
  parse(raw) {
    if (!Array.isArray(raw) || raw.length > 1000) throw new BackupGroupError('deliveryTargets');
    const out = raw.map(parseTarget);
    if (out.some((t) => t === null)) throw new BackupGroupError('deliveryTargets');
    return out as DeliveryTarget[];
  },
  count: (v) => v.length,
  // Targets follow their account to its id in the vault; those of accounts not there go.
  adapt: (v, ctx) =>
    v.flatMap((t) => {
      const accountId = ctx.idMap[t.accountId];
      return accountId && ctx.accountIds.has(accountId) ? [{ ...t, accountId }] : [];
    }),
  merge: (current, incoming) => {
    const out = unionById(current, incoming);
    // One target per account and URL (or one Angel redirect per account): the current one stays.
    const seen = new Set<string>();
    return out.filter((t) => {
      const key = `${t.accountId}\u0000${t.kind}\u0000${t.url ?? ''}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  },
};

const profiles: GroupDef<'profiles'> = {
  id: 'profiles',
  mergesItems: true,
  parse(raw) {
    if (!isRecord(raw) || !Array.isArray(raw.profiles) || raw.profiles.length > 200)
      throw new BackupGroupError('profiles');
    const list = raw.profiles.map(parseProfile);
    if (list.some((p) => p === null)) throw new BackupGroupError('profiles');
    const selectedId = shortString(raw.selectedId, 100) ?? '';
    return { profiles: list as RegistrationProfile[], selectedId };
  },
  count: (v) => v.profiles.length,
  merge: (current, incoming) => ({
    profiles: unionById(current.profiles, incoming.profiles),
    selectedId: current.selectedId,
  }),
};

const loginSettings: GroupDef<'loginSettings'> = {
  id: 'loginSettings',
  mergesItems: false,
  parse(raw) {
    const bad = () => new BackupGroupError('loginSettings');
    if (!isRecord(raw) || !isRecord(raw.schedule)) throw bad();
    const { timeoutSec } = raw;
    const s = raw.schedule;
    if (typeof timeoutSec !== 'number' || !Number.isFinite(timeoutSec) || timeoutSec < 20 || timeoutSec > 600)
      throw bad();
    if (typeof s.enabled !== 'boolean' || typeof s.time !== 'string' || !parseTime(s.time)) throw bad();
    if (!Array.isArray(s.weekdays) || !s.weekdays.every((d) => Number.isInteger(d) && d >= 0 && d <= 6))
      throw bad();
    if (
      !Array.isArray(s.holidays) ||
      s.holidays.length > 1000 ||
      !s.holidays.every((d) => typeof d === 'string' && isValidDateKey(d))
    )
      throw bad();
    const weekdays = [...new Set(s.weekdays as number[])].sort();
    if (s.enabled && weekdays.length === 0) throw bad();
    return {
      timeoutSec: Math.round(timeoutSec),
      schedule: {
        enabled: s.enabled,
        time: s.time.trim(),
        weekdays,
        holidays: [...new Set(s.holidays as string[])].sort(),
      },
    };
  },
  // The schedule's time, its days and its holidays, plus the timeout.
  count: (v) => 1 + v.schedule.holidays.length,
};

const validationSettings: GroupDef<'validationSettings'> = {
  id: 'validationSettings',
  mergesItems: false,
  parse(raw) {
    if (
      !isRecord(raw) ||
      typeof raw.timeoutMs !== 'number' ||
      !Number.isFinite(raw.timeoutMs) ||
      raw.timeoutMs < 3_000 ||
      raw.timeoutMs > 120_000
    )
      throw new BackupGroupError('validationSettings');
    return { timeoutMs: Math.round(raw.timeoutMs) };
  },
  count: () => 1,
};

const settings: GroupDef<'settings'> = {
  id: 'settings',
  mergesItems: false,
  parse(raw) {
    if (!isRecord(raw)) throw new BackupGroupError('settings');
    const out: OtherSettings = {};
    const m = raw.autoLockMinutes;
    if (m !== undefined) {
      if (m !== null && (typeof m !== 'number' || !Number.isInteger(m) || m < 1 || m > 24 * 60))
        throw new BackupGroupError('settings');
      out.autoLockMinutes = m;
    }
    if (raw.language !== undefined) {
      if (raw.language !== 'auto' && raw.language !== 'en' && raw.language !== 'hi')
        throw new BackupGroupError('settings');
      out.language = raw.language;
    }
    return out;
  },
  count: (v) => Object.keys(v).length,
};

function countItems(x: unknown): number {
  if (Array.isArray(x)) return x.length;
  if (isRecord(x)) return Object.keys(x).length;
  return 1;
}

const vaultExtras: GroupDef<'vaultExtras'> = {
  id: 'vaultExtras',
  mergesItems: true,
  parse(raw) {
    if (!isRecord(raw)) throw new BackupGroupError('vaultExtras');
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(raw)) if (!VAULT_CORE_KEYS.has(k) && v !== undefined) out[k] = v;
    return out;
  },
  count: (v) => Object.values(v).reduce<number>((n, x) => n + countItems(x), 0),
  // Per member: lists of items with ids are combined (the backup's item wins), other lists
  // gain the backup's items they lack, records gain the backup's keys, single values stay.
  merge: (current, incoming) => {
    const out: Record<string, unknown> = { ...current };
    for (const [k, inc] of Object.entries(incoming)) {
      const cur = current[k];
      if (cur === undefined) out[k] = inc;
      else if (Array.isArray(cur) && Array.isArray(inc)) {
        const withIds = [...cur, ...inc].every((x) => isRecord(x) && typeof x.id === 'string');
        if (withIds) out[k] = unionById(cur as { id: string }[], inc as { id: string }[]);
        else {
          const have = new Set(cur.map((x) => JSON.stringify(x)));
          out[k] = [...cur, ...inc.filter((x) => !have.has(JSON.stringify(x)))];
        }
      } else if (isRecord(cur) && isRecord(inc)) out[k] = { ...cur, ...inc };
    }
    return out;
  },
};

/** Every group, in the order the preview lists them. */
export const BACKUP_GROUPS = [
  deliveryTargets,
  profiles,
  loginSettings,
  validationSettings,
  settings,
  vaultExtras,
] as const;

/** The vault's data besides what the backup carries in its own fields. */
export function vaultExtrasOf(data: VaultData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) if (!VAULT_CORE_KEYS.has(k) && v !== undefined) out[k] = v;
  return out;
}

/** Check every group a backup holds; an unknown group (from a newer version) is ignored. */
export function parseBackupGroups(raw: unknown): BackupGroups {
  if (raw === undefined) return {};
  if (!isRecord(raw)) throw new BackupGroupError('settings');
  const out: BackupGroups = {};
  for (const def of BACKUP_GROUPS) {
    const value = raw[def.id];
    if (value === undefined) continue;
    (out as Record<string, unknown>)[def.id] = (def as GroupDef<BackupGroupId>).parse(value);
  }
  return out;
}

export interface GroupPlan {
  /** The value each group gets; a group left out is not written. */
  write: BackupGroups;
  preview: BackupGroupPreview[];
}

/**
 * What importing the backup's groups does to the current ones. Merge combines lists and keeps
 * the current settings; replace makes every group the backup holds exactly the backup's. A
 * group the backup does not hold (an older backup) is left as it is.
 */
export function planGroups(
  current: BackupGroups,
  incoming: BackupGroups,
  mode: 'merge' | 'replace',
  ctx: MergeContext,
): GroupPlan {
  const write: BackupGroups = {};
  const preview: BackupGroupPreview[] = [];
  for (const d of BACKUP_GROUPS) {
    const def = d as GroupDef<BackupGroupId>;
    const raw = incoming[def.id];
    if (raw === undefined) {
      preview.push({ id: def.id, count: 0, action: 'absent' });
      continue;
    }
    const inc = def.adapt ? def.adapt(raw as never, ctx) : raw;
    const count = def.count(inc as never);
    const cur = current[def.id];
    if (mode === 'replace') {
      (write as Record<string, unknown>)[def.id] = inc;
      preview.push({ id: def.id, count, action: 'replace' });
    } else if (def.mergesItems && def.merge) {
      (write as Record<string, unknown>)[def.id] =
        cur === undefined ? inc : def.merge(cur as never, inc as never);
      preview.push({ id: def.id, count, action: 'merge' });
    } else {
      preview.push({ id: def.id, count, action: 'keep' });
    }
  }
  return { write, preview };
}
