/**
 * Messages of the page engine's login side (content script → background). No secrets, except
 * the values of `login/portal-values`, which go to the one tab of the running attempt.
 */
import type { Message } from '../messaging';
import type { LoginField } from './fields';

/** The three values of one fill, or: ask again after `waitMs` (TOTP window almost over). */
export type FillValues = { values: Record<LoginField, string> } | { waitMs: number };

declare module '../messaging' {
  interface MessageMap {
    /**
     * The login page cannot be read (a field or the Login button is missing, a value was
     * not kept): stop the attempt now with this message; the tab stays open.
     */
    'login/portal-stuck': Message<{ attemptId: string; message: string }, void, 'portal'>;
    /**
     * Client code, MPIN and TOTP in one answer, for a page where all three fields were found
     * and none is filled yet (one fill). Each value counts as handed out, as with
     * 'login/portal-value'; the TOTP is computed first, so a wait hands out nothing.
     */
    'login/portal-values': Message<{ attemptId: string }, FillValues, 'portal'>;
  }
}
