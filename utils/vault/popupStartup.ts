/**
 * The popup's one startup request: everything its first paint needs (vault status and, when
 * unlocked, the account summaries and their codes) in a single round trip, so opening the
 * popup never waits on a chain of requests.
 */
import type { Message } from '../messaging';
import type { AccountSummary, TotpCodes, VaultStatus } from './types';

export interface PopupStartup {
  status: VaultStatus;
  /** Empty unless the vault is unlocked. */
  accounts: AccountSummary[];
  /** Null unless the vault is unlocked. */
  codes: TotpCodes | null;
}

declare module '../messaging' {
  interface MessageMap {
    'popup/startup': Message<void, PopupStartup, 'page'>;
  }
}
