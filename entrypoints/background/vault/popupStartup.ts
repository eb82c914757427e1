/** Answers the popup's startup request (utils/vault/popupStartup.ts) from the cached vault. */
import { handle, UserError } from '@/utils/messaging';
import type { PopupStartup } from '@/utils/vault/popupStartup';
import { peekVault } from './store';
import { summarize } from './accounts';
import { totpCodes } from './codes';
import { vaultStatus } from './status';

export async function popupStartup(now = Date.now()): Promise<PopupStartup> {
  const status = await vaultStatus();
  if (status.state !== 'unlocked') return { status, accounts: [], codes: null };
  try {
    const [data, codes] = await Promise.all([peekVault(), totpCodes(now)]);
    return { status, accounts: data.accounts.map(summarize), codes };
  } catch (err) {
    // Locked between the two reads (auto-lock, another page): say locked, like vault/status would.
    if (err instanceof UserError && err.code === 'locked')
      return { status: { ...status, state: 'locked' }, accounts: [], codes: null };
    throw err;
  }
}

export function registerPopupStartup(): void {
  handle('popup/startup', 'page', () => popupStartup());
}
