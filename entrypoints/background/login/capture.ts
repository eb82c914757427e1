/**
 * Which navigations of a login tab may deliver tokens (the rules of docs/security.md,
 * "Token capture"). A pure decision, so every rule is unit-tested; tabEvents.ts acts on it.
 *
 * - Tokens count only on a navigation OUT of Angel's portal hosts TO the account's Redirect
 *   URL origin, or on Angel's own error landing `/publisher-login/undefined?auth_token=...`
 *   (an app whose Redirect URL Angel does not know), and only after this attempt handed out
 *   the TOTP code: before that, no genuine login can have finished.
 * - The tab going anywhere else (a look-alike host reached by a redirect, a script's
 *   location.replace, a page the user typed) ends the attempt at once: "the login tab left
 *   Angel's site". The content script only runs on Angel's hosts, so nothing is typed there,
 *   and whatever that page does next (even navigating to the Redirect URL with the right
 *   state) finds no running attempt.
 * - An extension-initiated attempt also requires its own random `state`. A site-initiated
 *   attempt never looks at the site's `state` (the page that opened the login chose it).
 */
import { isPortalOrigin } from '@/utils/angelHosts';
import { captureTokensFromUrl, mentionsAuthToken, type CapturedRedirect } from '@/utils/login/tokens';
import { stateMatches } from '@/utils/login/state';
import type { Attempt } from './attempts';

export type NavigationVerdict =
  | { kind: 'ignore' }
  | { kind: 'left'; origin: string }
  | { kind: 'state-mismatch' }
  | { kind: 'capture'; captured: CapturedRedirect };

type AttemptFacts = Pick<Attempt, 'origin' | 'state' | 'given' | 'steps'> & { redirectOrigin?: string };

const IGNORE: NavigationVerdict = { kind: 'ignore' };

/** The origin of a Redirect URL as Angel would use it ('' when there is none). */
export function redirectOriginOf(redirectUrl: string): string {
  try {
    const u = new URL(redirectUrl.trim());
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : '';
  } catch {
    return '';
  }
}

/** Angel's landing for an app whose Redirect URL it does not know (docs/security.md). */
export function isAngelErrorLanding(url: URL): boolean {
  return (
    isPortalOrigin(url.href) &&
    url.pathname.replace(/\/+$/, '').toLowerCase() === '/publisher-login/undefined'
  );
}

/** Decide what one top-frame navigation of the attempt's tab means. */
export function judgeNavigation(a: AttemptFacts, url: string): NavigationVerdict {
  // Tokens already claimed: the rest of the tab's life (the backend's own pages) is not ours.
  if (a.steps.redirected) return IGNORE;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return IGNORE;
  }
  // The initial empty document of a new tab: no content, no script of ours, no tokens.
  if (u.protocol === 'about:') return IGNORE;
  const captured = mentionsAuthToken(url) ? captureTokensFromUrl(url) : null;
  const totpGiven = a.given.totp > 0;
  if (isPortalOrigin(url)) {
    // Angel's own pages: the login itself. Tokens only on the known error landing.
    if (!captured || !isAngelErrorLanding(u)) return IGNORE;
  } else {
    const target = a.redirectOrigin ?? '';
    if (!target || u.origin !== target) return { kind: 'left', origin: u.origin };
    // A forged redirect (another attempt's, or no, state) says so, whenever it comes.
    if (captured && a.origin === 'extension' && !stateMatches(a.state, captured.state))
      return { kind: 'state-mismatch' };
    // The Redirect URL's origin before the code was typed: not the end of this login.
    if (!totpGiven) return { kind: 'left', origin: u.origin };
    if (!captured) return IGNORE;
  }
  if (a.origin === 'extension' && !stateMatches(a.state, captured.state)) return { kind: 'state-mismatch' };
  if (!totpGiven) return IGNORE;
  return { kind: 'capture', captured };
}
