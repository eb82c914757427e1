/** Messages of the validation feature: log in to Angel's REST API to check an account. */
import type { Message } from '../messaging';
import type { Advice } from './advice';

export interface ValidationProfile {
  name: string;
  exchanges: string[];
}

/** The last validation of one account, kept in storage.local. Never holds a secret. */
export interface ValidationResult {
  accountId: string;
  label: string;
  clientCode: string;
  state: 'running' | 'ok' | 'failed';
  startedAt: number;
  finishedAt?: number;
  /** The API host that answered (current or older generation). */
  host?: string;
  profile?: ValidationProfile;
  /** Login worked but the profile could not be read: why. */
  profileProblem?: Advice;
  tokensStored?: boolean;
  /** Whether the new tokens were handed to the account's delivery targets. */
  delivery?: 'queued' | 'failed';
  advice?: Advice;
  /** Clock offset measured from Angel's Date header (server - device), ms. */
  skewMs?: number | null;
}

export interface ValidationSettings {
  /** Per request to Angel, ms. */
  timeoutMs: number;
}

export const DEFAULT_VALIDATION_SETTINGS: ValidationSettings = { timeoutMs: 15_000 };
export const MIN_TIMEOUT_MS = 3_000;
export const MAX_TIMEOUT_MS = 120_000;

declare module '../messaging' {
  interface MessageMap {
    /** Log in with the account's stored details; resolves when done (queued per rate limit). */
    'validate/account': Message<{ accountId: string }, ValidationResult, 'page'>;
    /** Validate every account; resolves with all results when done. */
    'validate/all': Message<void, ValidationResult[], 'page'>;
    /** Last results by account id (only accounts still in the vault when it is unlocked). */
    'validate/results': Message<void, Record<string, ValidationResult>, 'page'>;
    'validate/settings': Message<void, ValidationSettings, 'page'>;
    'validate/set-settings': Message<Partial<ValidationSettings>, ValidationSettings, 'page'>;
  }
}
