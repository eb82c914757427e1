/** Messages and stored shapes of the daily login. No secret ever appears in these shapes,
 * except `FillValue.value` (and `FillValues`, utils/login/pageProtocol.ts), which go to the one tab
 * the attempt belongs to: one value at a time, or the three values of one fill once all three
 * fields were found. */
import type { Message } from '../messaging';
import type { LoginField } from './fields';
import type { LoginSchedule } from './schedule';
import type { Said } from '../i18n/core';
import type { LoginErrorMsg } from './errors';
import type { LoginEndKey } from '../i18n/en.loginEnd';

/**
 * A login result's words (see AttemptView.message): a login-page failure or how the login ended
 * (en.loginEnd.ts) as a message, or a sentence stored by an older version.
 */
export type LoginSaid = Said<LoginErrorMsg['code'] | LoginEndKey>;

export type LoginStep = 'opening' | 'clientCode' | 'pin' | 'totp' | 'redirected' | 'delivered';
export const LOGIN_STEPS: readonly LoginStep[] = [
  'opening',
  'clientCode',
  'pin',
  'totp',
  'redirected',
  'delivered',
];
// The steps' names are in the catalogues (login.step*), shown by components/login/AttemptSteps.tsx.

export type AttemptStatus = 'running' | 'success' | 'failed';

/** One login attempt as the popup sees it (session storage; no secrets). */
export interface AttemptView {
  id: string;
  accountId: string;
  label: string;
  origin: 'extension' | 'site';
  status: AttemptStatus;
  startedAt: number;
  finishedAt?: number;
  /** When each step was reached, epoch ms. */
  steps: Partial<Record<LoginStep, number>>;
  /**
   * What happened and what to do: a message shown in the language of the moment, or a sentence
   * (older versions stored sentences; a page that reports itself stuck sends its own words).
   */
  message?: LoginSaid;
  errorKind?: string;
}

/** Last result per account (local storage; no secrets). */
export interface LastLoginResult {
  accountId: string;
  ok: boolean;
  at: number;
  /** As in AttemptView.message. */
  message: LoginSaid;
  /** Wrong PIN/credentials: the schedule and "Log in all" skip it until a manual login. */
  needsAttention?: boolean;
}

export interface LoginSettings {
  timeoutSec: number;
  schedule: LoginSchedule;
}

export interface LoginOverview {
  attempts: AttemptView[];
  queue: string[];
  results: Record<string, LastLoginResult>;
  settings: LoginSettings;
  nextScheduledAt: number | null;
}

/** What the login tab's content script learns when it asks what to do. */
export type PortalHello =
  | { mode: 'attempt'; attemptId: string }
  | { mode: 'site'; accounts: { id: string; label: string; autoFill: boolean }[] }
  | { mode: 'site-locked' }
  | { mode: 'none' };

export type FillValue =
  | { value: string; field: LoginField }
  /** Ask again after this many ms (TOTP window almost over, or a retry needs the next window). */
  | { waitMs: number };

export type ErrorDecision = { action: 'retry-totp' } | { action: 'stop'; message: string };

declare module '../messaging' {
  interface MessageMap {
    /** Throws 'confirm-same-pin' after Angel refused the unchanged MPIN, unless `confirmSamePin`. */
    'login/start': Message<{ accountId: string; confirmSamePin?: boolean }, { attemptId: string }, 'page'>;
    'login/start-all': Message<void, { queued: number }, 'page'>;
    'login/overview': Message<void, LoginOverview, 'page'>;
    'login/settings': Message<{ settings: LoginSettings }, LoginOverview, 'page'>;
    /** The per-account daily-login and auto-fill switches, without the full account form. */
    'login/account-flags': Message<
      { accountId: string; dailyLogin?: boolean; autoFill?: boolean },
      void,
      'page'
    >;

    'login/portal-hello': Message<void, PortalHello, 'portal'>;
    /** The user clicked "Log in as ..." (or auto-fill is on) on a site-opened login page. */
    'login/portal-site-start': Message<{ accountId: string }, { attemptId: string }, 'portal'>;
    /** One value for one field the page asks for now. */
    'login/portal-value': Message<{ attemptId: string; field: LoginField }, FillValue, 'portal'>;
    /** The page shows an error after a submit. */
    'login/portal-error': Message<
      { attemptId: string; text: string; httpStatus?: number },
      ErrorDecision,
      'portal'
    >;
  }
}
