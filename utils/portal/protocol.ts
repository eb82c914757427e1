/**
 * Messages of the portal assistant (create-app fill, My APIs key capture, enable-totp
 * secret capture). Secrets travel only page -> background, after the user's click; the
 * one thing a content script receives back is the current TOTP code to finish Angel's
 * confirmation.
 */
import type { Message } from '../messaging';
import type { FieldOutcome } from './filler';
import type { ProfileIssue } from './profiles';

export interface FillReport {
  profileName: string;
  /** Problems with the profile; any 'error' means nothing was filled. */
  issues: ProfileIssue[];
  blocked: boolean;
  /** False when no create-app form was visible (e.g. the "+ ADD APP" modal is closed). */
  formFound: boolean;
  outcomes: FieldOutcome[];
}

/** An account as the portal pages may see it: enough to pick one, nothing secret. */
export interface PortalAccountChoice {
  id: string;
  label: string;
  clientCode: string;
}

export interface SavedTotp {
  label: string;
  code: string;
  remainingMs: number;
  period: number;
}

/** Background -> content script (browser.tabs.sendMessage), never from a page. */
export interface PortalTabRequest {
  __sacPortal: 'fill';
  profileId: string;
}

export function isPortalTabRequest(m: unknown): m is PortalTabRequest {
  return (
    !!m &&
    typeof m === 'object' &&
    (m as PortalTabRequest).__sacPortal === 'fill' &&
    typeof (m as PortalTabRequest).profileId === 'string'
  );
}

declare module '../messaging' {
  interface MessageMap {
    /** Popup: fill the create-app form in this tab with a profile. */
    'portal/fill-tab': Message<{ tabId: number; profileId: string }, FillReport, 'page'>;
    /** Portal pages: accounts to pick from (needs an unlocked vault). */
    'portal/accounts': Message<void, PortalAccountChoice[], 'portal'>;
    'portal/save-api-key': Message<
      { accountId: string; apiKey: string; apiSecret?: string },
      { label: string },
      'portal'
    >;
    /** `secret` is base32 text or an otpauth:// URI decoded from the QR code. */
    'portal/save-totp-secret': Message<{ accountId: string; secret: string }, SavedTotp, 'portal'>;
    /** The current code of the account whose secret this tab just saved (10 minutes). */
    'portal/totp-code': Message<{ accountId: string }, SavedTotp, 'portal'>;
  }
}
