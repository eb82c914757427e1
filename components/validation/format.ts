/**
 * How a validation result reads in the popup and the options table, in the language shown now
 * (stored advice is a message; older results hold sentences, shown as they are). Tested in vitest.
 */
import type { ValidationResult } from '@/utils/angel/protocol';
import { renderSaid, t } from '@/utils/i18n';

/** Angel's own codes look like AB1050 or AG8004; ours are words ("timeout"). */
export function angelCodeOf(r: ValidationResult): string {
  const code = r.advice?.code ?? '';
  return /^A[A-Z]\d{4}$/i.test(code) ? code.toUpperCase() : '';
}

export function resultHeadline(r: ValidationResult): string {
  if (r.state === 'running') return t('val.checking');
  if (r.state === 'ok') {
    return r.profile?.name ? t('val.validWho', { name: r.profile.name }) : t('val.valid');
  }
  return r.advice ? renderSaid(r.advice.explanation, t) : t('val.failedFallback');
}

/** Exchanges and what happened to the session, one line. */
export function okDetails(r: ValidationResult): string {
  const parts: string[] = [];
  if (r.profile?.exchanges.length) parts.push(t('val.exchanges', { list: r.profile.exchanges.join(', ') }));
  // Delivery sends only to the account's targets, if it has any: claim no more than "saved".
  if (r.tokensStored) parts.push(t('val.sessionSaved'));
  if (r.delivery === 'failed') parts.push(t('val.deliveryFailed'));
  return parts.join(' · ');
}

export function adviceText(r: ValidationResult): string {
  if (r.state === 'ok')
    return r.profileProblem
      ? t('val.profileProblem', { explanation: renderSaid(r.profileProblem.explanation, t) })
      : '';
  if (r.state === 'failed' && r.advice) return renderSaid(r.advice.nextStep, t);
  return '';
}

export function formatWhen(ms: number | undefined, now = Date.now()): string {
  if (!ms) return '';
  const d = new Date(ms);
  const sameDay = new Date(now).toDateString() === d.toDateString();
  return sameDay
    ? d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })
    : d.toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}
