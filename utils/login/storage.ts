/** Durable state of the daily login: live attempts (session), results and settings (local). */
import { defineStoredItem } from '@/utils/storage/item';
import { DEFAULT_SCHEDULE } from './schedule';
import type { AttemptView, LastLoginResult, LoginSettings } from './protocol';

export const DEFAULT_LOGIN_SETTINGS: LoginSettings = { timeoutSec: 60, schedule: DEFAULT_SCHEDULE };
export const MIN_TIMEOUT_SEC = 20;
export const MAX_TIMEOUT_SEC = 600;

export const loginSettingsItem = defineStoredItem<LoginSettings>('local:loginSettings', {
  fallback: DEFAULT_LOGIN_SETTINGS,
  version: 1,
});

export const loginResultsItem = defineStoredItem<Record<string, LastLoginResult>>('local:loginResults', {
  fallback: {},
  version: 1,
});

/** Popup-visible attempts, newest last (at most a handful are kept). */
export const loginAttemptViewsItem = defineStoredItem<AttemptView[]>('session:loginAttemptViews', {
  fallback: [],
});
