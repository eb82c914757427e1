/**
 * What a stored result says, as the English UI shows it: stored login and validation results
 * keep messages (codes and values), older ones sentences. For tests that read storage directly.
 */
import { format, render, type Said } from '@/utils/i18n/core';
import { en, type MessageKey } from '@/utils/i18n/en';

export function saidText(s: Said<MessageKey> | undefined): string {
  if (s === undefined) return '';
  return typeof s === 'string' ? s : render(s, (k, p) => format(en[k] ?? k, p));
}
