/**
 * Messages of the platform fill (AutoTrader Web and custom platforms). Options turns a
 * platform on or off ('page'); the platform's content script ('platform' sender: top frame of
 * a tab at an origin the user turned on) asks for the account list (nothing secret), opens
 * one fill for one account, and then receives the values of that fill one at a time, each
 * once, for two minutes at most.
 */
import type { Message } from '../messaging';
import type { PlatformAccountChoice, PlatformField, PlatformProfile, ValueField } from './profiles';

export interface PlatformView {
  id: string;
  name: string;
  origin: string;
  builtIn: boolean;
  /** The user turned it on (site access granted and the script registered). */
  enabled: boolean;
  labels: Partial<Record<PlatformField, string[]>>;
}

/** Per account: the setup checklist's "Account added in AutoTrader Web". */
export interface PlatformProgress {
  origin: string;
  filledAt: number;
  /** When the platform's own page listed the account's client code after the fill. */
  listedAt?: number;
}

/** Background -> platform content script (browser.tabs.sendMessage), never from a page. */
export interface PlatformTabRequest {
  __sacPlatform: 'open';
}

export function isPlatformTabRequest(m: unknown): m is PlatformTabRequest {
  return !!m && typeof m === 'object' && (m as PlatformTabRequest).__sacPlatform === 'open';
}

export interface PlatformTabReply {
  formFound: boolean;
}

declare module '../messaging' {
  interface MessageMap {
    'platform/list': Message<void, PlatformView[], 'page'>;
    /** After permissions.request succeeded in the page: register the script for the origin. */
    'platform/enable': Message<{ id: string }, PlatformView[], 'page'>;
    /** Unregister the script and give the site access back. */
    'platform/disable': Message<{ id: string }, PlatformView[], 'page'>;
    'platform/add': Message<
      { name: string; origin: string; labels: Partial<Record<PlatformField, string>> },
      PlatformView[],
      'page'
    >;
    'platform/delete': Message<{ id: string }, PlatformView[], 'page'>;
    /** Setup page: progress per account id. */
    'platform/progress': Message<void, Record<string, PlatformProgress>, 'page'>;
    /** Popup: the active tab, when it shows a platform the user turned on. */
    'platform/active-tab': Message<void, { tabId: number; name: string } | null, 'page'>;
    /** Popup "Fill this page": open the in-page picker in that tab. */
    'platform/open-tab': Message<{ tabId: number }, PlatformTabReply, 'page'>;

    /** The sender's platform profile (how to read its form), or null. */
    'platform/profile': Message<void, PlatformProfile | null, 'platform'>;
    /** The sender's platform profile and the accounts to pick from. */
    'platform/accounts': Message<
      void,
      { profile: PlatformProfile; accounts: PlatformAccountChoice[] },
      'platform'
    >;
    /** Open one fill: these fields of this account, for this tab only. */
    'platform/begin-fill': Message<
      { accountId: string; fields: ValueField[] },
      { fillId: string },
      'platform'
    >;
    /** One value of the open fill (each field once). */
    'platform/value': Message<{ fillId: string; field: ValueField }, { value: string }, 'platform'>;
    /** The fill put at least one value into the form: the checklist waits for the account list. */
    'platform/filled': Message<{ fillId: string }, void, 'platform'>;
    /** Client codes this origin was given in fills and has not yet listed. */
    'platform/pending-listed': Message<void, { accountId: string; clientCode: string }[], 'platform'>;
    'platform/listed': Message<{ accountId: string }, void, 'platform'>;
  }
}
