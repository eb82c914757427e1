/** Messages of the page engine's login side (content script → background). No secrets. */
import type { Message } from '../messaging';

declare module '../messaging' {
  interface MessageMap {
    /**
     * The login page cannot be read (a field or the Login button is missing, a value was
     * not kept): stop the attempt now with this message; the tab stays open.
     */
    'login/portal-stuck': Message<{ attemptId: string; message: string }, void, 'portal'>;
  }
}
