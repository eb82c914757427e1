/**
 * Shapes of the vault and of what the extension's pages may see of it.
 * Secrets (MPIN, TOTP secret, API key/secret, session tokens, webhook signing secrets)
 * exist in clear only inside the background, after unlock. Pages get AccountSummary.
 */
import type { PageRule } from '../page/rules';
import type { PlatformProfile } from '../platform/profiles';
import type { Message } from '../messaging';
import type { BackupGroupPreview } from './backupGroups';

export type Platform = 'SMART_API' | 'SMART_API_M';
export type TotpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

export interface TotpParams {
  algorithm: TotpAlgorithm;
  digits: 6 | 7 | 8;
  period: number; // seconds
}

export const DEFAULT_TOTP: TotpParams = { algorithm: 'SHA1', digits: 6, period: 30 };
export const AUTOTRADER_REDIRECT_URL = 'https://webx.stocksdeveloper.in/auth/angel';

export type TokenSource = 'publisher-login' | 'rest-login';

export interface SessionTokens {
  authToken: string;
  feedToken: string;
  refreshToken?: string;
  capturedAt: number; // ms epoch
  expiresAt: number; // ms epoch: next midnight IST after capture
  source: TokenSource;
}

export interface AccountSecrets {
  mpin: string; // exactly 4 digits
  totpSecret: string; // normalised base32, upper case, no padding; '' when not set
  apiKey: string;
  apiSecret?: string;
}

export interface Account {
  id: string; // random UUID
  label: string;
  clientCode: string;
  platform: Platform;
  redirectUrl: string;
  notes: string;
  totp: TotpParams;
  dailyLogin: boolean; // included in "Log in all" and the schedule
  autoFill: boolean; // site-initiated publisher login fills without a click
  secrets: AccountSecrets;
  tokens?: SessionTokens;
}

/** What the popup and options page see of an account: no secret, ever. */
export interface AccountSummary {
  id: string;
  label: string;
  clientCode: string;
  platform: Platform;
  redirectUrl: string;
  notes: string;
  totp: TotpParams;
  dailyLogin: boolean;
  autoFill: boolean;
  hasMpin: boolean;
  hasTotpSecret: boolean;
  hasApiSecret: boolean;
  apiKeyLast4: string;
  tokensCapturedAt?: number;
  tokensExpireAt?: number;
  tokensSource?: TokenSource;
}

/** The account form as the user typed it. Secret fields left '' on edit mean "keep". */
export interface AccountInput {
  label: string;
  clientCode: string;
  mpin: string;
  totpSecret: string; // base32 or an otpauth:// URI
  apiKey: string;
  apiSecret: string;
  platform: Platform;
  redirectUrl: string;
  notes: string;
  dailyLogin: boolean;
  autoFill: boolean;
}

export type AccountField = keyof AccountInput;
export type FieldErrors = Partial<Record<AccountField, string>>;

/** Everything encrypted inside the vault. New features add optional members. */
export interface VaultData {
  /** The data's shape version (utils/vault/migrations): absent before 0.2, the migrations fill it. */
  schemaVersion: number;
  accounts: Account[];
  /** Webhook signing secrets by delivery-target id (the delivery feature owns the ids). */
  webhookSecrets: Record<string, string>;
  backupExportedAt?: number;
  /** Page rules the user taught (utils/page/rules.ts): selectors only, never values. */
  pageRules?: PageRule[];
  /** Trading platforms the user added (utils/platform/profiles.ts): origins and label texts, no values. */
  platforms?: PlatformProfile[];
}

export type VaultState = 'none' | 'locked' | 'unlocked' | 'corrupt';

export interface VaultStatus {
  state: VaultState;
  /** When state is 'corrupt': what failed, in plain words, and what to do. */
  problem?: string;
  autoLockMinutes: number | null; // null = never (the UI warns)
  /** True after the first account was added and no backup was exported since. */
  backupReminder: boolean;
  accountCount: number;
}

export interface TotpCode {
  accountId: string;
  code: string; // current code
  next: string | null; // the next window's code, only within the last 5 s
  remainingMs: number; // until the current window ends
  period: number; // seconds
}

export interface TotpCodes {
  codes: TotpCode[];
  /** Measured device clock offset (server - device), ms; null until measured. */
  skewMs: number | null;
  /** True when |skew| > 5 s; codes are then already corrected by the offset. */
  skewWarning: boolean;
}

export interface BackupPreview {
  added: string[]; // labels
  changed: string[];
  unchanged: string[];
  removed: string[]; // only for mode 'replace'
  /** The rest of the set-up, group by group (encrypted backups only). */
  groups?: BackupGroupPreview[];
  /** After an import: webhook sites whose access must be granted again (permission patterns). */
  needsSiteAccess?: string[];
}

declare module '../messaging' {
  interface MessageMap {
    'vault/status': Message<void, VaultStatus, 'page'>;
    'vault/create': Message<{ password: string }, VaultStatus, 'page'>;
    'vault/unlock': Message<{ password: string }, VaultStatus, 'page'>;
    'vault/lock': Message<void, VaultStatus, 'page'>;
    'vault/change-password': Message<{ current: string; next: string }, void, 'page'>;
    'vault/set-auto-lock': Message<{ minutes: number | null }, VaultStatus, 'page'>;
    /** Wipes the vault; `confirm` must be exactly "RESET". */
    'vault/reset': Message<{ confirm: string }, VaultStatus, 'page'>;
    /** Seen activity on a page (keeps auto-lock from firing while the user works). */
    'vault/touch': Message<void, void, 'page'>;

    'accounts/list': Message<void, AccountSummary[], 'page'>;
    /** On invalid input nothing is saved and `errors` says why, field by field. */
    'accounts/save': Message<
      { id?: string; input: AccountInput },
      { account?: AccountSummary; errors?: FieldErrors },
      'page'
    >;
    'accounts/delete': Message<{ id: string }, void, 'page'>;
    'accounts/reorder': Message<{ ids: string[] }, void, 'page'>;

    'totp/codes': Message<void, TotpCodes, 'page'>;

    'backup/export': Message<{ password: string }, { fileName: string; content: string }, 'page'>;
    'backup/preview': Message<
      { content: string; password: string; mode: 'merge' | 'replace' },
      BackupPreview,
      'page'
    >;
    'backup/import': Message<
      { content: string; password: string; mode: 'merge' | 'replace' },
      BackupPreview,
      'page'
    >;
    /** Plain otpauth:// list; `confirmUnencrypted` must be true. */
    'backup/export-otpauth': Message<
      { confirmUnencrypted: boolean },
      { fileName: string; content: string },
      'page'
    >;
    'backup/import-otpauth': Message<{ content: string }, BackupPreview, 'page'>;
  }
}
