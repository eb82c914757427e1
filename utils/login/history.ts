/**
 * Login history: the outcomes of daily logins, validations and token deliveries per account,
 * kept for 60 days. No secret ever goes in: an entry holds a time, an account, what ran,
 * how it ended, the step that failed and the words shown (Angel's, masked for anything that
 * looks like a code or a token). The background stores the list sealed with the vault key.
 */
import type { Message } from '../messaging';
import type { MessageKey } from '../i18n/en';
import type { MsgParams, Said } from '../i18n/core';

export type HistoryKind = 'login' | 'validation' | 'delivery';
export type HistoryResult = 'success' | 'failure';

export interface HistoryEntry {
  id: string;
  /** ms epoch */
  at: number;
  accountId: string;
  /** The account's label when the entry was written (the account may be deleted later). */
  label: string;
  kind: HistoryKind;
  result: HistoryResult;
  /** The step that failed (login: opening, clientCode, pin, totp...; validation: its check; delivery: the target). */
  step?: string;
  /**
   * What the user was told, masked: a message shown in the language of the moment, or a sentence
   * (entries written by older versions, and deliveries, hold sentences).
   */
  message: HistorySaid;
}

export type HistorySaid = Said<MessageKey>;

export interface HistoryFilter {
  accountId?: string;
  kind?: HistoryKind;
  result?: HistoryResult;
}

export const HISTORY_DAYS = 60;
export const HISTORY_MAX_AGE_MS = HISTORY_DAYS * 24 * 60 * 60 * 1000;
/** A ceiling so a runaway loop cannot fill storage: far above 60 days of daily use. */
export const HISTORY_MAX_ENTRIES = 5000;
const MAX_MESSAGE = 400;
const MASK = '•••';

/**
 * Mask what could be a secret in words shown to the user: runs of 6 or more digits (TOTP
 * codes, client-code digits), long token-like runs (JWTs, API keys, hex), and any exact
 * value in `known` (the account's own MPIN, API key...).
 */
export function maskSecrets(text: string, known: readonly string[] = []): string {
  let out = text.replace(/\s+/g, ' ').trim();
  for (const k of known) {
    if (k && k.length >= 4) out = out.split(k).join(MASK);
  }
  out = out
    // Token-like: 16+ characters of a token alphabet with at least one digit, or a JWT.
    .replace(/\beyJ[\w-]*\.[\w-]*\.?[\w-]*/g, MASK)
    .replace(/[A-Za-z0-9_\-+/=.~]{16,}/g, (run) => (/\d/.test(run) && /[A-Za-z]/.test(run) ? MASK : run))
    // Long digit runs, also when split by single spaces ("123 456").
    .replace(/\d(?: ?\d){5,}/g, MASK);
  return out.length > MAX_MESSAGE ? `${out.slice(0, MAX_MESSAGE - 1)}…` : out;
}

/** maskSecrets on a sentence, or on every text value of a message (Angel's words are values). */
export function maskSaid<K extends string>(said: Said<K>, known: readonly string[] = []): Said<K> {
  if (typeof said === 'string') return maskSecrets(said, known);
  if (!said.params) return said;
  const params: MsgParams = {};
  for (const [k, v] of Object.entries(said.params)) {
    params[k] =
      typeof v === 'string' ? maskSecrets(v, known) : typeof v === 'object' ? maskSaid(v, known) : v;
  }
  return { code: said.code, params };
}

/** Entries within the last 60 days, newest last, at most HISTORY_MAX_ENTRIES. */
export function pruneHistory(entries: readonly HistoryEntry[], now: number): HistoryEntry[] {
  const since = now - HISTORY_MAX_AGE_MS;
  const kept = entries.filter((e) => e.at >= since && e.at <= now + 60_000).sort((a, b) => a.at - b.at);
  return kept.length > HISTORY_MAX_ENTRIES ? kept.slice(kept.length - HISTORY_MAX_ENTRIES) : kept;
}

export function filterHistory(entries: readonly HistoryEntry[], f: HistoryFilter): HistoryEntry[] {
  return entries.filter(
    (e) =>
      (!f.accountId || e.accountId === f.accountId) &&
      (!f.kind || e.kind === f.kind) &&
      (!f.result || e.result === f.result),
  );
}

/**
 * One CSV cell: a cell that a spreadsheet would read as a formula (starting with = + - @,
 * a tab or a carriage return) gets a leading apostrophe; cells with a comma, quote or line
 * break are quoted, quotes doubled (RFC 4180).
 */
export function csvCell(value: string): string {
  let v = value;
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The history as CSV, with the header texts given (in the user's language). */
export function historyCsv(
  entries: readonly HistoryEntry[],
  header: readonly [string, string, string, string, string, string],
  name: (e: HistoryEntry) => { account: string; kind: string; result: string; step: string; message: string },
): string {
  return toCsv([
    header,
    ...entries.map((e) => {
      const n = name(e);
      return [new Date(e.at).toISOString(), n.account, n.kind, n.result, n.step, n.message];
    }),
  ]);
}

/** Where the background keeps the sealed list and the entries waiting for an unlock (watched by the options page). */
export const HISTORY_STORAGE_KEYS = ['local:loginHistory', 'session:loginHistoryPending'] as const;

declare module '../messaging' {
  interface MessageMap {
    /** The stored history, oldest first. Only reads: pruning happens when an entry is written. */
    'history/list': Message<void, { entries: HistoryEntry[]; unreadable: boolean }, 'page'>;
    'history/clear': Message<void, void, 'page'>;
  }
}
