/**
 * English texts of how a login ended (timeout, tab closed, tokens not saved…): the background
 * stores them as messages in the last login result, the attempt and the history, and each page
 * words them in its language when it shows them. Spread into the validation advice texts
 * (en.advice.ts), which the popup loads on demand. The Hindi twin is hi.loginEnd.ts.
 */
export const enLoginEnd = {
  'lgbg.tabNotOpened': 'The login tab could not be opened. Try again.',
  'lgbg.accountDeleted': 'The account was deleted during the login.',
  'lgbg.tokensNotSaved': 'The tokens could not be saved.',
  'lgbg.capturedNotSaved': 'Tokens were captured but not saved: {why}',
  'lgbg.loggedIn': 'Logged in; session tokens captured and handed to delivery.',
  'lgbg.handoffFailed':
    'Logged in and tokens saved, but handing them to delivery failed. Open the options page to deliver them again.',
  'lgbg.tabClosed': 'The login tab was closed before Angel sent the tokens. Log in again.',
  'lgbg.leftAngel':
    "The login tab left Angel's site (it went to {origin}), so nothing was typed there and no tokens from it are accepted. Log in again.",
  'lgbg.stateMismatch':
    'Angel\'s redirect carried a different "state" than this login sent, so its tokens were refused (they may not be yours). Log in again.',
  'lgbg.timeout':
    "Angel's login did not finish within {seconds} seconds. The login tab was left open so you can see where it stopped; log in again, or raise the timeout in the options.",
  'lgbg.lockedDuring': 'The vault locked during the login. Unlock it and log in again.',
  'lgbg.accountUnreadable': 'The account could not be read.',
} as const;

export type LoginEndKey = keyof typeof enLoginEnd;
