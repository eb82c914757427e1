/**
 * Backups, in two formats (docs/backup.md describes both byte for byte):
 *  - an encrypted file: JSON with a format marker and the app's name around a v2 envelope
 *    (its own password), holding the accounts, the webhook signing secrets and the rest of the
 *    set-up in groups (delivery targets, profiles, schedule and settings: ./backupGroups.ts);
 *  - a plain list of otpauth://totp/ URIs, one per line, for TOTP-only use in other apps.
 * Reading either never throws anything but BackupError, whose message is a code and values
 * (Msg), worded by whoever shows it.
 */
import { Base32Error, parseBase32Secret } from './base32';
import {
  createEnvelope,
  EnvelopeError,
  openData,
  parseEnvelope,
  unwrapVaultKey,
  DEFAULT_KDF_ITERATIONS,
  type EnvelopeV2,
} from './envelope';
import { msg, type Msg } from '../i18n/core';
import type { MessageKey } from '../i18n/en';
import { migrateVaultData, VAULT_SCHEMA_VERSION } from './migrations';
import { BackupGroupError, parseBackupGroups, vaultExtrasOf, type BackupGroups } from './backupGroups';
import { formatOtpauth, OtpauthError, parseOtpauth } from './otpauth';
import {
  AUTOTRADER_REDIRECT_URL,
  type Account,
  type BackupPreview,
  type Platform,
  type TotpParams,
  type VaultData,
} from './types';
import { CLIENT_CODE_MAX, LABEL_MAX, NOTES_MAX, redirectUrlProblem } from './validation';

export const BACKUP_FORMAT = 'smartapi-companion-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_APP = 'SmartAPI Companion';
/** Marker inside the encrypted payload, so a vault envelope is not mistaken for a backup. */
export const BACKUP_PAYLOAD_KIND = 'smartapi-companion-accounts';
/** Issuer written into exported otpauth:// URIs. */
export const OTPAUTH_ISSUER = 'Angel One';
/** Larger inputs are refused before parsing (a real backup of 100 accounts is ~100 KB). */
export const MAX_IMPORT_CHARS = 5_000_000;

export type BackupErrorCode =
  | 'empty'
  | 'too-large'
  | 'not-json'
  | 'not-a-backup'
  | 'unsupported-version'
  | 'wrong-password'
  | 'damaged'
  | 'bad-account'
  | 'bad-line';

/** What a backup error says: a catalogue key (bkf.*, bkg.*, a secret parser's) and its values. */
export type BackupMsg = Msg<MessageKey>;

export class BackupError extends Error {
  constructor(
    public readonly code: BackupErrorCode,
    /** For the user, worded where it is shown (the background's reply). */
    public readonly msg: BackupMsg,
  ) {
    super(msg.code);
    this.name = 'BackupError';
  }
}

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  app: typeof BACKUP_APP;
  createdAt: string; // ISO 8601
  envelope: EnvelopeV2;
}

export interface BackupPayload {
  kind: typeof BACKUP_PAYLOAD_KIND;
  accounts: Account[]; // without session tokens
  webhookSecrets: Record<string, string>;
  /** The vault data's schemaVersion when exported; absent in backups of v0 vaults (0.1.0). */
  vaultSchemaVersion?: number;
  /** The rest of the set-up; absent in backups made before groups existed. */
  groups?: BackupGroups;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function checkSize(content: unknown): string {
  if (typeof content !== 'string' || content.trim() === '') throw new BackupError('empty', msg('bkf.empty'));
  if (content.length > MAX_IMPORT_CHARS) throw new BackupError('too-large', msg('bkf.tooLarge'));
  return content;
}

function datePart(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

// ---------- encrypted backup file ----------

export async function createBackupFile(
  data: VaultData,
  password: string,
  opts: { iterations?: number; now?: number; groups?: BackupGroups } = {},
): Promise<{ fileName: string; content: string }> {
  const now = opts.now ?? Date.now();
  // Whatever else the vault holds goes along as it is, so new vault members need no change here.
  const extras = vaultExtrasOf(data);
  const groups: BackupGroups = {
    ...opts.groups,
    ...(Object.keys(extras).length ? { vaultExtras: extras } : {}),
  };
  const payload: BackupPayload = {
    kind: BACKUP_PAYLOAD_KIND,
    accounts: data.accounts.map(({ tokens: _tokens, ...rest }) => rest),
    webhookSecrets: { ...data.webhookSecrets },
    vaultSchemaVersion: VAULT_SCHEMA_VERSION,
    groups,
  };
  const { envelope } = await createEnvelope(
    password,
    JSON.stringify(payload),
    opts.iterations ?? DEFAULT_KDF_ITERATIONS,
  );
  const file: BackupFile = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    app: BACKUP_APP,
    createdAt: new Date(now).toISOString(),
    envelope,
  };
  return {
    fileName: `smartapi-companion-backup-${datePart(now)}.json`,
    content: `${JSON.stringify(file, null, 2)}\n`,
  };
}

/** Decrypt and check a backup file. Throws BackupError only. */
export async function readBackupFile(content: string, password: string): Promise<BackupPayload> {
  const text = checkSize(content);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupError('not-json', msg('bkf.notJson'));
  }
  if (!isRecord(json) || json.format !== BACKUP_FORMAT) {
    throw new BackupError('not-a-backup', msg('bkf.noMarker'));
  }
  if (json.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      'unsupported-version',
      msg('bkf.version', {
        found: String(JSON.stringify(json.formatVersion)),
        supported: BACKUP_FORMAT_VERSION,
      }),
    );
  }
  let envelope: EnvelopeV2;
  try {
    const parsed = parseEnvelope(json.envelope);
    if (parsed.v !== 2) throw new EnvelopeError('unreadable', msg('env.noVersion'));
    envelope = parsed.envelope;
  } catch (err) {
    if (err instanceof EnvelopeError)
      throw new BackupError('damaged', msg('bkf.damagedDetail', { detail: err.problem }));
    throw err;
  }
  let plaintext: string;
  try {
    const key = await unwrapVaultKey(envelope, typeof password === 'string' ? password : '');
    plaintext = await openData(key, envelope.data);
  } catch (err) {
    if (err instanceof EnvelopeError) {
      if (err.code === 'wrong-password') {
        throw new BackupError('wrong-password', msg('bkf.wrongPassword'));
      }
      throw new BackupError('damaged', msg('bkf.integrity'));
    }
    throw err;
  }
  return parseBackupPayload(plaintext);
}

/**
 * The backup's vault data (accounts, webhook secrets, extras) brought to the current schema
 * version by the same migrations as a stored vault. Throws BackupError only.
 */
function migratedPayload(json: Record<string, unknown>): Record<string, unknown> {
  const groups = isRecord(json.groups) ? json.groups : undefined;
  const extras = groups && isRecord(groups.vaultExtras) ? groups.vaultExtras : {};
  const migrated = migrateVaultData({
    ...extras,
    accounts: json.accounts,
    ...(json.webhookSecrets !== undefined ? { webhookSecrets: json.webhookSecrets } : {}),
    ...(json.vaultSchemaVersion !== undefined ? { schemaVersion: json.vaultSchemaVersion } : {}),
  });
  if (!migrated.ok && migrated.problem === 'too-new')
    throw new BackupError(
      'unsupported-version',
      msg('bkf.tooNew', { version: migrated.version, known: VAULT_SCHEMA_VERSION }),
    );
  if (!migrated.ok) throw new BackupError('damaged', msg('bkf.unreadable'));
  const { accounts, webhookSecrets, schemaVersion: _version, ...rest } = migrated.data;
  const hadExtras = groups !== undefined && groups.vaultExtras !== undefined;
  return {
    ...json,
    accounts,
    webhookSecrets,
    ...(groups
      ? { groups: { ...groups, ...(hadExtras || Object.keys(rest).length ? { vaultExtras: rest } : {}) } }
      : {}),
  };
}

/** Check the decrypted payload account by account. Throws BackupError only. */
export function parseBackupPayload(plaintext: string): BackupPayload {
  let json: unknown;
  try {
    json = JSON.parse(plaintext);
  } catch {
    throw new BackupError('damaged', msg('bkf.unreadable'));
  }
  if (!isRecord(json) || json.kind !== BACKUP_PAYLOAD_KIND || !Array.isArray(json.accounts)) {
    throw new BackupError('not-a-backup', msg('bkf.noAccounts'));
  }
  json = migratedPayload(json);
  if (!isRecord(json) || !Array.isArray(json.accounts))
    throw new BackupError('not-a-backup', msg('bkf.noAccounts'));
  const accounts = json.accounts.map((a, i) => sanitiseAccount(a, i));
  const seen = new Set<string>();
  for (const a of accounts) {
    const key = accountKey(a);
    if (seen.has(key))
      throw new BackupError('bad-account', msg('bkf.twice', { label: a.label, clientCode: a.clientCode }));
    seen.add(key);
  }
  const webhookSecrets: Record<string, string> = {};
  if (json.webhookSecrets !== undefined) {
    if (!isRecord(json.webhookSecrets)) throw new BackupError('damaged', msg('bkf.secrets'));
    for (const [k, v] of Object.entries(json.webhookSecrets)) {
      if (typeof v !== 'string') throw new BackupError('damaged', msg('bkf.secrets'));
      webhookSecrets[k] = v;
    }
  }
  let groups: BackupGroups;
  try {
    groups = parseBackupGroups(json.groups);
  } catch (err) {
    if (err instanceof BackupGroupError) throw new BackupError('damaged', err.msg);
    throw err;
  }
  return { kind: BACKUP_PAYLOAD_KIND, accounts, webhookSecrets, groups };
}

function str(x: unknown): string | undefined {
  return typeof x === 'string' ? x : undefined;
}

function sanitiseTotp(x: unknown): TotpParams | null {
  if (!isRecord(x)) return null;
  const { algorithm, digits, period } = x;
  if (algorithm !== 'SHA1' && algorithm !== 'SHA256' && algorithm !== 'SHA512') return null;
  if (digits !== 6 && digits !== 7 && digits !== 8) return null;
  if (typeof period !== 'number' || !Number.isInteger(period) || period < 1 || period > 3600) return null;
  return { algorithm, digits, period };
}

/** One account from a backup, checked field by field. Throws BackupError('bad-account'). */
export function sanitiseAccount(x: unknown, index: number): Account {
  const where = (label?: string) =>
    label ? msg('bkf.whereLabel', { n: index + 1, label }) : msg('bkf.where', { n: index + 1 });
  if (!isRecord(x)) throw new BackupError('bad-account', msg('bkf.notRecord', { where: where() }));
  const label = str(x.label)?.trim();
  const fail = (what: BackupMsg): never => {
    throw new BackupError('bad-account', msg('bkf.badAccount', { where: where(label), what }));
  };
  if (!label || label.length > LABEL_MAX) return fail(msg('bkf.label'));
  const clientCode = str(x.clientCode)?.trim().toUpperCase() ?? '';
  if (!new RegExp(`^[A-Z0-9]{0,${CLIENT_CODE_MAX}}$`).test(clientCode)) fail(msg('bkf.clientCode'));
  const platform = x.platform;
  if (platform !== 'SMART_API' && platform !== 'SMART_API_M') return fail(msg('bkf.platform'));
  const redirectUrl = str(x.redirectUrl)?.trim() || AUTOTRADER_REDIRECT_URL;
  const redirectProblem = redirectUrlProblem(redirectUrl);
  if (redirectProblem) fail(msg('bkf.redirect', { problem: redirectProblem }));
  const notes = str(x.notes) ?? '';
  if (notes.length > NOTES_MAX) fail(msg('bkf.notes'));
  const totp = sanitiseTotp(x.totp);
  if (!totp) return fail(msg('bkf.totp'));
  const secrets = x.secrets;
  if (!isRecord(secrets)) return fail(msg('bkf.noSecrets'));
  const mpin = str(secrets.mpin) ?? '';
  if (mpin !== '' && !/^\d{4}$/.test(mpin)) fail(msg('bkf.mpin'));
  let totpSecret = str(secrets.totpSecret) ?? '';
  if (totpSecret !== '') {
    try {
      totpSecret = parseBase32Secret(totpSecret).secret;
    } catch (err) {
      if (err instanceof Base32Error) fail(msg('bkf.totpSecret', { problem: err.msg }));
      throw err;
    }
  }
  const apiKey = str(secrets.apiKey)?.trim() ?? '';
  if (/\s/.test(apiKey)) fail(msg('bkf.apiKey'));
  const apiSecret = str(secrets.apiSecret)?.trim();
  if (apiSecret !== undefined && /\s/.test(apiSecret)) fail(msg('bkf.apiSecret'));
  const id = str(x.id);
  return {
    id: id && id.length <= 100 ? id : '',
    label,
    clientCode,
    platform,
    redirectUrl,
    notes,
    totp,
    dailyLogin: x.dailyLogin === true,
    autoFill: x.autoFill === true,
    secrets: { mpin, totpSecret, apiKey, ...(apiSecret ? { apiSecret } : {}) },
  };
}

// ---------- merge / replace ----------

/** Accounts are matched across vault and backup by label plus client code. */
export function accountKey(a: Pick<Account, 'label' | 'clientCode'>): string {
  return `${a.label.trim()}\u0000${a.clientCode.trim().toUpperCase()}`;
}

function sameContent(a: Account, b: Account): boolean {
  const strip = ({ id: _id, tokens: _tokens, ...rest }: Account) => rest;
  return stableJson(strip(a)) === stableJson(strip(b));
}

function stableJson(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(stableJson).join(',')}]`;
  if (isRecord(x)) {
    return `{${Object.keys(x)
      .filter((k) => x[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(x[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(x);
}

function displayName(a: Account): string {
  return a.clientCode ? `${a.label} (${a.clientCode})` : a.label;
}

export interface ImportPlan {
  preview: BackupPreview;
  accounts: Account[];
  /** Account id in the backup → its id in the vault after the import (for the groups). */
  idMap: Record<string, string>;
}

/**
 * What importing `incoming` into `current` gives. Merge keeps every current account and updates
 * or adds; replace makes the vault exactly `incoming`. Matched accounts keep their current id
 * (other features refer to accounts by id), and their session tokens while the client code and
 * API key stay the same.
 */
export function planImport(
  current: Account[],
  incoming: Account[],
  mode: 'merge' | 'replace',
  newId: () => string,
): ImportPlan {
  const byKey = new Map<string, Account>();
  for (const a of current) if (!byKey.has(accountKey(a))) byKey.set(accountKey(a), a);
  const preview: BackupPreview = { added: [], changed: [], unchanged: [], removed: [] };
  // Never hand a new account the id of any current one, even one being removed.
  const usedIds = new Set<string>(current.map((a) => a.id));
  const mergedFor = new Map<Account, Account>();
  const resolved: Account[] = [];
  const added: Account[] = [];
  const idMap: Record<string, string> = {};
  for (const inc of incoming) {
    const cur = byKey.get(accountKey(inc));
    if (cur && !mergedFor.has(cur)) {
      const merged: Account = { ...inc, id: cur.id };
      if (inc.id) idMap[inc.id] = cur.id;
      if (cur.tokens && cur.clientCode === inc.clientCode && cur.secrets.apiKey === inc.secrets.apiKey)
        merged.tokens = cur.tokens;
      (sameContent(cur, inc) ? preview.unchanged : preview.changed).push(displayName(inc));
      mergedFor.set(cur, merged);
      resolved.push(merged);
    } else {
      preview.added.push(displayName(inc));
      const fresh: Account = { ...inc };
      if (!fresh.id || usedIds.has(fresh.id)) fresh.id = newId();
      if (inc.id) idMap[inc.id] = fresh.id;
      usedIds.add(fresh.id);
      resolved.push(fresh);
      added.push(fresh);
    }
  }
  if (mode === 'replace') {
    for (const a of current) if (!mergedFor.has(a)) preview.removed.push(displayName(a));
    return { preview, accounts: resolved, idMap };
  }
  const accounts = [...current.map((c) => mergedFor.get(c) ?? c), ...added];
  return { preview, accounts, idMap };
}

// ---------- plain otpauth:// list ----------

/** One otpauth://totp/ URI per line (accounts without a TOTP secret are left out), '\n' line ends. */
export function exportOtpauthList(accounts: Account[]): string {
  const lines = accounts
    .filter((a) => a.secrets.totpSecret !== '')
    .map((a) =>
      formatOtpauth({
        issuer: OTPAUTH_ISSUER,
        account: a.clientCode && a.clientCode !== a.label ? `${a.label} (${a.clientCode})` : a.label,
        secret: a.secrets.totpSecret,
        totp: a.totp,
      }),
    );
  return lines.length ? `${lines.join('\n')}\n` : '';
}

export interface OtpauthEntry {
  label: string;
  clientCode: string; // '' when the URI's account name does not carry one
  secret: string;
  totp: TotpParams;
}

/** Parse a list: blank lines and lines starting with '#' are skipped. Throws BackupError only. */
export function parseOtpauthList(content: string): OtpauthEntry[] {
  const text = checkSize(content);
  const entries: OtpauthEntry[] = [];
  const seen = new Set<string>();
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    let parsed;
    try {
      parsed = parseOtpauth(line);
    } catch (err) {
      if (err instanceof OtpauthError)
        throw new BackupError('bad-line', msg('bkf.line', { n: i + 1, problem: err.msg }));
      throw err;
    }
    const withCode = /^(.*\S)\s*\(([A-Za-z0-9]{1,20})\)$/.exec(parsed.account);
    let label: string;
    let clientCode: string;
    if (withCode) {
      label = withCode[1]!;
      clientCode = withCode[2]!.toUpperCase();
    } else if (/^[A-Za-z0-9]{1,20}$/.test(parsed.account)) {
      label = parsed.account;
      clientCode = parsed.account.toUpperCase();
    } else {
      label = parsed.account || parsed.issuer;
      clientCode = '';
    }
    label = label.trim().slice(0, LABEL_MAX);
    if (label === '') throw new BackupError('bad-line', msg('bkf.lineNoAccount', { n: i + 1 }));
    const entry: OtpauthEntry = { label, clientCode, secret: parsed.secret, totp: parsed.totp };
    if (seen.has(accountKey(entry)))
      throw new BackupError('bad-line', msg('bkf.lineTwice', { n: i + 1, label }));
    seen.add(accountKey(entry));
    entries.push(entry);
  }
  if (entries.length === 0) throw new BackupError('empty', msg('bkf.noLinks'));
  return entries;
}

/**
 * Merge an otpauth list: matching accounts (label + client code) get the list's secret and TOTP
 * settings; others become new TOTP-only accounts (no MPIN or API key; edit them to add those).
 */
export function planOtpauthImport(
  current: Account[],
  entries: OtpauthEntry[],
  newId: () => string,
): ImportPlan {
  const preview: BackupPreview = { added: [], changed: [], unchanged: [], removed: [] };
  const accounts = current.map((a) => ({ ...a }));
  for (const e of entries) {
    const target = accounts.find((a) => accountKey(a) === accountKey(e));
    const name = e.clientCode ? `${e.label} (${e.clientCode})` : e.label;
    if (target) {
      const same = target.secrets.totpSecret === e.secret && stableJson(target.totp) === stableJson(e.totp);
      if (same) preview.unchanged.push(name);
      else {
        preview.changed.push(name);
        target.secrets = { ...target.secrets, totpSecret: e.secret };
        target.totp = { ...e.totp };
      }
    } else {
      preview.added.push(name);
      const platform: Platform = 'SMART_API_M';
      accounts.push({
        id: newId(),
        label: e.label,
        clientCode: e.clientCode,
        platform,
        redirectUrl: AUTOTRADER_REDIRECT_URL,
        notes: '',
        totp: { ...e.totp },
        dailyLogin: false,
        autoFill: false,
        secrets: { mpin: '', totpSecret: e.secret, apiKey: '' },
      });
    }
  }
  return { preview, accounts, idMap: {} };
}
