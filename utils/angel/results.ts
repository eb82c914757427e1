/**
 * Durable storage of the last validation result per account and of the settings. Pages read
 * and watch the results item directly (no secrets in it); only the background writes.
 */
import { defineStoredItem } from '@/utils/storage/item';
import { DEFAULT_VALIDATION_SETTINGS, type ValidationResult, type ValidationSettings } from './protocol';

export const validationResultsItem = defineStoredItem<Record<string, ValidationResult>>(
  'local:validation:results',
  {
    fallback: {},
    version: 1,
  },
);

export const validationSettingsItem = defineStoredItem<ValidationSettings>('local:validation:settings', {
  fallback: DEFAULT_VALIDATION_SETTINGS,
  version: 1,
});

/** A result still 'running' after this long belongs to a background that was stopped. */
export const STALE_RUNNING_MS = 5 * 60 * 1000;

export function isStaleRunning(r: ValidationResult, now: number): boolean {
  return r.state === 'running' && now - r.startedAt > STALE_RUNNING_MS;
}
