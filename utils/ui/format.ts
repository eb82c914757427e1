/**
 * Small pure helpers the popup and the options page use to show things.
 * No browser APIs here, so they are tested in plain vitest.
 */
import { t } from '../i18n';
import type { AccountSummary, BackupPreview } from '@/utils/vault/types';

/** "123456" -> "123 456"; 8 digits -> "1234 5678"; 7 -> "123 4567". Other lengths unchanged. */
export function groupCode(code: string): string {
  if (!/^\d+$/.test(code) || code.length < 6) return code;
  const head = Math.floor(code.length / 2);
  return `${code.slice(0, head)} ${code.slice(head)}`;
}

/** Digits spelled apart for screen readers: "123456" -> "1 2 3 4 5 6". */
export function spellCode(code: string): string {
  return code.split('').join(' ');
}

/** Whole seconds left in a TOTP window, never below 0 and never above the period. */
export function secondsLeft(remainingMs: number, periodSeconds: number): number {
  const s = Math.ceil(Math.max(0, remainingMs) / 1000);
  return Math.min(s, periodSeconds);
}

/** Share of the window still left, 0..1, for the countdown bar. */
export function windowFraction(remainingMs: number, periodSeconds: number): number {
  if (periodSeconds <= 0) return 0;
  return Math.min(1, Math.max(0, remainingMs / (periodSeconds * 1000)));
}

export function countdownLabel(seconds: number): string {
  return seconds === 1 ? t('fmt.countdown1') : t('fmt.countdown', { n: seconds });
}

/** Skew in whole seconds with a sign word people understand. */
export function describeSkew(skewMs: number): string {
  const s = Math.round(Math.abs(skewMs) / 1000);
  if (skewMs > 0) return s === 1 ? t('fmt.behind1') : t('fmt.behind', { n: s });
  return s === 1 ? t('fmt.ahead1') : t('fmt.ahead', { n: s });
}

export type StrengthLevel = 0 | 1 | 2 | 3 | 4;
export interface Strength {
  level: StrengthLevel;
  label: string;
  hint: string;
}

/**
 * A rough, honest strength hint for the master password: length dominates, character
 * variety helps, obvious patterns hurt. It is a hint, not a gate (except the minimum length
 * the background enforces).
 */
export function passwordStrength(pw: string): Strength {
  if (pw.length === 0) return { level: 0, label: t('pw.empty'), hint: t('pw.emptyHint') };
  let classes = 0;
  if (/[a-z]/.test(pw)) classes++;
  if (/[A-Z]/.test(pw)) classes++;
  if (/\d/.test(pw)) classes++;
  if (/[^A-Za-z0-9]/.test(pw)) classes++;
  const unique = new Set(pw).size;
  let score = 0;
  if (pw.length >= 8) score++;
  if (pw.length >= 12) score++;
  if (pw.length >= 16) score++;
  if (classes >= 3) score++;
  if (unique < 5 || /^(.)\1+$/.test(pw) || /^(?:0123|1234|abcd|qwer|pass)/i.test(pw))
    score = Math.min(score, 1);
  const level = Math.min(4, score) as StrengthLevel;
  const labels = ['pw.l0', 'pw.l1', 'pw.l2', 'pw.l3', 'pw.l4'] as const;
  const hints = ['pw.h0', 'pw.h1', 'pw.h2', 'pw.h3', 'pw.h4'] as const;
  return { level, label: t(labels[level]), hint: t(hints[level]) };
}

/** Case-insensitive search over what a person sees of an account. */
export function matchesSearch(
  a: Pick<AccountSummary, 'label' | 'clientCode' | 'notes'>,
  query: string,
): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [a.label, a.clientCode, a.notes].some((s) => s.toLowerCase().includes(q));
}

/** Move the item with `id` by `delta` places; returns a new array, or the same when it cannot move. */
export function moveId(ids: readonly string[], id: string, delta: number): string[] {
  const from = ids.indexOf(id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= ids.length || delta === 0) return [...ids];
  const out = [...ids];
  out.splice(from, 1);
  out.splice(to, 0, id);
  return out;
}

/** One line that says what an import would do, for the preview heading. */
export function summarizePreview(p: BackupPreview): string {
  const parts: string[] = [];
  if (p.added.length) parts.push(t('fmt.previewAdded', { n: p.added.length }));
  if (p.changed.length) parts.push(t('fmt.previewChanged', { n: p.changed.length }));
  if (p.removed.length) parts.push(t('fmt.previewRemoved', { n: p.removed.length }));
  if (p.unchanged.length) parts.push(t('fmt.previewUnchanged', { n: p.unchanged.length }));
  if (!parts.length) return t('fmt.previewEmpty');
  const total = p.added.length + p.changed.length + p.removed.length + p.unchanged.length;
  const joined = parts.join(', ');
  return total === 1
    ? t('fmt.previewOne', { parts: joined })
    : t('fmt.previewMany', { n: total, parts: joined });
}

/** What the TOTP field holds, for a hint under it (no secret is echoed back). */
export interface OtpauthInfo {
  issuer: string;
  account: string;
  algorithm: string;
  digits: number;
  period: number;
}

/**
 * Reads the visible parts of an otpauth:// URI for a preview under the field. The background
 * validates and stores it; this never returns or logs the secret. Returns null when the text
 * is not an otpauth URI or cannot be read.
 */
export function describeOtpauth(text: string): OtpauthInfo | null {
  const t = text.trim();
  if (!/^otpauth:\/\//i.test(t)) return null;
  let url: URL;
  try {
    url = new URL(t);
  } catch {
    return null;
  }
  if (url.host.toLowerCase() !== 'totp') return null;
  let label = '';
  try {
    label = decodeURIComponent(url.pathname.replace(/^\//, ''));
  } catch {
    label = url.pathname.replace(/^\//, '');
  }
  const colon = label.indexOf(':');
  const labelIssuer = colon >= 0 ? label.slice(0, colon).trim() : '';
  const account = colon >= 0 ? label.slice(colon + 1).trim() : label.trim();
  const num = (v: string | null, d: number) => {
    const n = v === null ? d : Number(v);
    return Number.isFinite(n) && n > 0 ? n : d;
  };
  return {
    issuer: url.searchParams.get('issuer') ?? labelIssuer,
    account,
    algorithm: (url.searchParams.get('algorithm') ?? 'SHA1').toUpperCase(),
    digits: num(url.searchParams.get('digits'), 6),
    period: num(url.searchParams.get('period'), 30),
  };
}

/** A file name safe for downloads, keeping what the background suggested when it is fine. */
export function safeFileName(name: string, fallback: string): string {
  const cleaned = Array.from(name, (ch) => (ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .trim();
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned : fallback;
}

/** A date and time in the user's locale, for token and backup dates. */
export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Shared client-side minimum; the background has the final word on what it accepts. */
export const MIN_PASSWORD_LENGTH = 8;

/** Checks what can be checked before asking the background: length and confirmation. */
export function checkNewPassword(pw: string, confirm: string): { password?: string; confirm?: string } {
  const errors: { password?: string; confirm?: string } = {};
  if (pw.length < MIN_PASSWORD_LENGTH) errors.password = t('pw.tooShort', { min: MIN_PASSWORD_LENGTH });
  if (confirm !== pw) errors.confirm = t('pw.differ');
  return errors;
}

export const DEFAULT_AUTO_LOCK_MINUTES = 30;

/** Whole minutes 1..1440, or an error sentence. */
export function parseMinutes(text: string): number | string {
  const v = text.trim();
  if (!/^\d+$/.test(v)) return t('fmt.minutesNumber');
  const n = Number(v);
  if (n < 1 || n > 1440) return t('fmt.minutesRange');
  return n;
}
