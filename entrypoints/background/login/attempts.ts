/**
 * The login attempts' durable state. Everything the flow needs to continue after the
 * service worker (or Firefox event page) is stopped lives here, in session storage,
 * which the content scripts cannot read. The `state` nonce is the only sensitive value.
 */
import { defineStoredItem } from '@/utils/storage/item';
import { withLock as lock } from '@/utils/locks';
import type { AttemptView } from '@/utils/login/protocol';
import { loginAttemptViewsItem } from '@/utils/login/storage';

export interface Attempt extends AttemptView {
  tabId: number;
  /** The `state` sent to Angel (extension) or found in the site's URL (site). */
  state: string;
  deadline: number;
  /** 1 normally; 2 after one invalid-TOTP error allowed a single retry. */
  round: number;
  /** How often each value was handed out; each at most `round` times. */
  given: { clientCode: number; pin: number; totp: number };
  /** A retry's code must come from a window starting after this instant. */
  totpNotBefore: number;
  /** End of the window of the last code handed out. */
  totpWindowEnd: number;
  /** Tokens captured on the user's backend: close the tab once that page has loaded. */
  closeWhenLoaded?: boolean;
  /** A page finished loading in the tab after the tokens were seen. */
  landingLoaded?: boolean;
  /** Origin of the account's Redirect URL: the only non-Angel origin the tab may reach. */
  redirectOrigin?: string;
}

const attemptsItem = defineStoredItem<Attempt[]>('session:loginAttempts', { fallback: [] });
const queueItem = defineStoredItem<string[]>('session:loginQueue', { fallback: [] });
export const pendingScheduleItem = defineStoredItem<string | null>('session:loginPendingSchedule', {
  fallback: null,
});

const KEEP_FINISHED = 20;
/** Alarm name prefix: `TIMEOUT_ALARM + attemptId` fires at the attempt's deadline. */
export const TIMEOUT_ALARM = 'sac-login-timeout:';

/**
 * Run `fn` alone: every read-modify-write of the attempts (checking and recording a new one
 * included) goes through here. Not re-entrant: `fn` must not call withLock again.
 */
export function withLock<T>(fn: () => Promise<T>): Promise<T> {
  return lock('login-attempts', fn);
}

export async function allAttempts(): Promise<Attempt[]> {
  // A copy: the storage helper hands out its shared fallback object when nothing is stored.
  return structuredClone(await attemptsItem.getValue());
}

function toView(a: Attempt): AttemptView {
  const v: AttemptView = {
    id: a.id,
    accountId: a.accountId,
    label: a.label,
    origin: a.origin,
    status: a.status,
    startedAt: a.startedAt,
    steps: a.steps,
  };
  if (a.finishedAt !== undefined) v.finishedAt = a.finishedAt;
  if (a.message !== undefined) v.message = a.message;
  if (a.errorKind !== undefined) v.errorKind = a.errorKind;
  return v;
}

export async function saveAttempts(list: Attempt[]): Promise<void> {
  const running = list.filter((a) => a.status === 'running');
  const finished = list.filter((a) => a.status !== 'running').slice(-KEEP_FINISHED);
  const kept = list.filter((a) => running.includes(a) || finished.includes(a));
  await attemptsItem.setValue(kept);
  await loginAttemptViewsItem.setValue(kept.slice(-10).map(toView));
}

/** Apply `fn` to one attempt under the lock; returns the updated attempt or null. */
export function updateAttempt(id: string, fn: (a: Attempt) => void): Promise<Attempt | null> {
  return withLock(async () => {
    const list = await allAttempts();
    const a = list.find((x) => x.id === id);
    if (!a) return null;
    fn(a);
    await saveAttempts(list);
    return { ...a };
  });
}

export async function runningAttempts(): Promise<Attempt[]> {
  return (await allAttempts()).filter((a) => a.status === 'running');
}

export async function attemptForTab(tabId: number): Promise<Attempt | undefined> {
  const list = await allAttempts();
  return [...list].reverse().find((a) => a.tabId === tabId);
}

export const queue = {
  get: async () => [...(await queueItem.getValue())],
  set: (ids: string[]) => queueItem.setValue(ids),
};
