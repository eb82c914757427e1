/** Live TOTP codes: the popup's list, and one code for a login fill (clock skew corrected). */
import { t } from '@/utils/i18n/text';
import { handle, UserError } from '@/utils/messaging';
import { decodeBase32 } from '@/utils/vault/base32';
import { totpWindow } from '@/utils/vault/totp';
import type { Account, TotpCode, TotpCodes } from '@/utils/vault/types';
import { peekVault } from './store';
import { knownSkew, loadSkew, measureSkewIfDue, skewCorrectionMs, SKEW_WARN_MS } from './skew';

/** The code for `atMs` device time (default now), corrected by a measured clock skew above 5 s. */
export function currentTotp(a: Account, atMs: number = Date.now()): { code: string; remainingMs: number } {
  if (!a.secrets.totpSecret) {
    throw new UserError('no-totp-secret', t('bg.noTotpSecret', { label: a.label }));
  }
  const w = totpWindow(a.secrets.totpSecret, a.totp, atMs + skewCorrectionMs());
  return { code: w.code, remainingMs: w.remainingMs };
}

export async function totpCodes(now = Date.now()): Promise<TotpCodes> {
  const data = await peekVault();
  await loadSkew();
  void measureSkewIfDue(false, now).catch(() => undefined);
  const skew = knownSkew();
  const at = now + skewCorrectionMs();
  const codes: TotpCode[] = [];
  for (const a of data.accounts) {
    if (!a.secrets.totpSecret) continue;
    try {
      const w = totpWindow(decodeBase32(a.secrets.totpSecret), a.totp, at);
      codes.push({
        accountId: a.id,
        code: w.code,
        next: w.next,
        remainingMs: w.remainingMs,
        period: a.totp.period,
      });
    } catch {
      /* a secret that no longer decodes is skipped rather than breaking every code */
    }
  }
  return {
    codes,
    skewMs: skew ? skew.offsetMs : null,
    skewWarning: !!skew && Math.abs(skew.offsetMs) > SKEW_WARN_MS,
  };
}

export function registerCodes(): void {
  // Asked every second while the popup is open: never activity (auto-lock would never fire).
  handle('totp/codes', 'page', () => totpCodes());
}
