/**
 * Login history in the background: one list of outcomes (daily login, validation, delivery),
 * sealed with the vault key in storage.local, so account names and Angel's words are never
 * stored in clear. Entries that arrive while the vault is locked wait in session storage
 * (cleared when the browser closes) and are sealed in at the next write or unlock.
 *
 * Pruning to 60 days happens on write only; reading (the options page) never writes.
 * Writing history never fails the flow that reports it.
 */
import { defineStoredItem } from '@/utils/storage/item';
import { withLock } from '@/utils/locks';
import { handle, UserError } from '@/utils/messaging';
import { t } from '@/utils/i18n/text';
import { msg } from '@/utils/i18n/core';
import {
  HISTORY_STORAGE_KEYS,
  maskSaid,
  type HistorySaid,
  pruneHistory,
  type HistoryEntry,
  type HistoryKind,
  type HistoryResult,
} from '@/utils/login/history';
import { LOGIN_STEPS, type AttemptView } from '@/utils/login/protocol';
import type { ValidationResult } from '@/utils/angel/protocol';
import type { Account } from '@/utils/vault/types';
import { isUnlocked, onVaultUnlocked, openBlob, readVault, sealBlob } from '@/entrypoints/background/vault';

/** The sealed list (sealBlob of the JSON array), or null when empty. */
export const historyItem = defineStoredItem<string | null>(HISTORY_STORAGE_KEYS[0], { fallback: null });
/** Entries written while the vault was locked: account ids only, words already masked. */
export const historyPendingItem = defineStoredItem<HistoryEntry[]>(HISTORY_STORAGE_KEYS[1], {
  fallback: [],
});

function serialized<T>(fn: () => Promise<T>): Promise<T> {
  return withLock('history', fn);
}

/** The stored list; `unreadable` when it was sealed under another vault key (vault reset). */
async function openStored(): Promise<{ entries: HistoryEntry[]; unreadable: boolean }> {
  const sealed = await historyItem.getValue();
  if (!sealed) return { entries: [], unreadable: false };
  try {
    const parsed: unknown = JSON.parse(await openBlob(sealed));
    return { entries: Array.isArray(parsed) ? (parsed as HistoryEntry[]) : [], unreadable: false };
  } catch (err) {
    if (err instanceof UserError && err.code === 'locked') throw err;
    return { entries: [], unreadable: true };
  }
}

/** The values of an account that must never show in history, masked wherever they appear. */
function secretsOf(a: Account | undefined): string[] {
  if (!a) return [];
  const s = a.secrets;
  const t = a.tokens;
  return [
    s.mpin,
    s.apiKey,
    s.apiSecret ?? '',
    s.totpSecret,
    t?.authToken ?? '',
    t?.feedToken ?? '',
    t?.refreshToken ?? '',
  ];
}

export interface NewHistoryEntry {
  accountId: string;
  kind: HistoryKind;
  result: HistoryResult;
  step?: string;
  message: HistorySaid;
  label?: string;
  at?: number;
}

/** Add one outcome. Never throws: history must not break a login, validation or delivery. */
export function recordHistory(e: NewHistoryEntry): Promise<void> {
  return serialized(async () => {
    try {
      const now = Date.now();
      const unlocked = await isUnlocked();
      let account: Account | undefined;
      if (unlocked) {
        try {
          account = (await readVault()).accounts.find((a) => a.id === e.accountId);
        } catch {
          /* locked in between: the entry waits below */
        }
      }
      const entry: HistoryEntry = {
        id: crypto.randomUUID(),
        at: e.at ?? now,
        accountId: e.accountId,
        label: account?.label ?? e.label ?? '',
        kind: e.kind,
        result: e.result,
        ...(e.step ? { step: e.step } : {}),
        message: maskSaid(e.message, secretsOf(account)),
      };
      const pending = await historyPendingItem.getValue();
      if (!account && !unlocked) {
        // No vault key now: keep it in session storage (no label) until the next unlock.
        await historyPendingItem.setValue(pruneHistory([...pending, { ...entry, label: '' }], now));
        return;
      }
      await writeWith([...pending, entry], now);
    } catch {
      console.error('[SmartAPI Companion] a history entry could not be written');
    }
  });
}

/** Seal the stored list plus `added`, pruned to 60 days. Caller is serialized. */
async function writeWith(added: HistoryEntry[], now: number): Promise<void> {
  const { entries } = await openStored();
  const all = pruneHistory([...entries, ...added], now);
  await historyItem.setValue(all.length ? await sealBlob(JSON.stringify(all)) : null);
  await historyPendingItem.setValue([]);
}

/** Entries that waited for the unlock: give them labels and seal them in. */
export function flushPendingHistory(): Promise<void> {
  return serialized(async () => {
    try {
      const pending = await historyPendingItem.getValue();
      if (pending.length === 0 || !(await isUnlocked())) return;
      const { accounts } = await readVault();
      const labelled = pending.map((p) => ({
        ...p,
        label: p.label || accounts.find((a) => a.id === p.accountId)?.label || '',
      }));
      await writeWith(labelled, Date.now());
    } catch {
      console.error('[SmartAPI Companion] waiting history entries could not be written');
    }
  });
}

/** What the options page shows: stored and waiting entries, oldest first. Writes nothing. */
export async function listHistory(): Promise<{ entries: HistoryEntry[]; unreadable: boolean }> {
  if (!(await isUnlocked())) throw new UserError('locked', t('bg.locked'));
  const stored = await openStored();
  const pending = await historyPendingItem.getValue();
  const entries = [...stored.entries, ...pending].sort((a, b) => a.at - b.at);
  return { entries, unreadable: stored.unreadable };
}

/** The step of a login attempt that failed: from Angel's verdict, else the step after the last one reached. */
export function failedLoginStep(a: Pick<AttemptView, 'errorKind' | 'steps'>): string {
  switch (a.errorKind) {
    case 'wrong-credentials':
    case 'account-locked':
      return 'pin';
    case 'invalid-totp':
      return 'totp';
    case 'invalid-api-key':
      return 'opening';
  }
  let i = 0;
  LOGIN_STEPS.forEach((s, n) => {
    if (a.steps[s]) i = n;
  });
  return LOGIN_STEPS[Math.min(i + 1, LOGIN_STEPS.length - 1)]!;
}

/** A finished login attempt (the attempt as the popup sees it). */
export function recordLoginHistory(a: AttemptView): Promise<void> {
  const ok = a.status === 'success';
  return recordHistory({
    accountId: a.accountId,
    label: a.label,
    kind: 'login',
    result: ok ? 'success' : 'failure',
    ...(ok ? {} : { step: failedLoginStep(a) }),
    message: a.message ?? '',
    at: a.finishedAt,
  });
}

/** A finished validation (REST login). */
export function recordValidationHistory(r: ValidationResult): Promise<void> {
  if (r.state === 'running') return Promise.resolve();
  const ok = r.state === 'ok';
  const adv = r.advice;
  // Kept as a message: the history shows it in the language of the moment.
  const words: HistorySaid = !adv
    ? ''
    : adv.angelMessage
      ? msg('adv.withAngel', {
          text: adv.explanation,
          said: msg('ip.errAngelSaid', { message: adv.angelMessage }),
        })
      : adv.explanation;
  return recordHistory({
    accountId: r.accountId,
    label: r.label,
    kind: 'validation',
    result: ok ? 'success' : 'failure',
    ...(ok || !adv ? {} : { step: adv.code }),
    message: ok ? msg('hist.validated') : words,
    at: r.finishedAt,
  });
}

/** A delivery that ended (delivered, refused or expired); tests and retries are not history. */
export function recordDeliveryHistory(
  accountId: string,
  targetUrl: string | undefined,
  ok: boolean,
  message: HistorySaid,
): Promise<void> {
  let host = '';
  try {
    host = targetUrl ? new URL(targetUrl).host : '';
  } catch {
    /* not a URL: no step */
  }
  return recordHistory({
    accountId,
    kind: 'delivery',
    result: ok ? 'success' : 'failure',
    ...(host ? { step: host } : {}),
    message,
  });
}

export function registerHistory(): void {
  handle('history/list', 'page', () => listHistory());
  handle('history/clear', 'page', () =>
    serialized(async () => {
      if (!(await isUnlocked())) throw new UserError('locked', t('bg.locked'));
      await historyItem.setValue(null);
      await historyPendingItem.setValue([]);
    }),
  );
  onVaultUnlocked(() => void flushPendingHistory());
}
