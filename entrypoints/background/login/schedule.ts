/**
 * The daily login schedule: its settings, the alarm for the next run, and a run that finds
 * the vault locked (it waits for the unlock, the same India day only).
 */
import { browser } from 'wxt/browser';
import { UserError } from '@/utils/messaging';
import { t } from '@/utils/i18n/text';
import { isUnlocked } from '@/entrypoints/background/vault';
import type { LoginSettings } from '@/utils/login/protocol';
import { istDateKey, isScheduledDay, nextRunAt, parseTime, isValidDateKey } from '@/utils/login/schedule';
import { loginSettingsItem, MAX_TIMEOUT_SEC, MIN_TIMEOUT_SEC } from '@/utils/login/storage';
import { pendingScheduleItem } from './attempts';
import { startAll } from './queue';
import { notify } from './results';

export const SCHEDULE_ALARM = 'sac-login-schedule';

/** Settings from the options page, checked field by field (any shape may arrive). */
export function checkSettings(s: LoginSettings): LoginSettings {
  if (!Number.isFinite(s.timeoutSec) || s.timeoutSec < MIN_TIMEOUT_SEC || s.timeoutSec > MAX_TIMEOUT_SEC)
    throw new UserError('bad-timeout', t('lgbg.badTimeout', { min: MIN_TIMEOUT_SEC, max: MAX_TIMEOUT_SEC }));
  const schedule: Partial<Record<keyof LoginSettings['schedule'], unknown>> =
    typeof s.schedule === 'object' && s.schedule !== null ? s.schedule : {};
  const time = typeof schedule.time === 'string' ? schedule.time.trim() : '';
  if (!parseTime(time)) throw new UserError('bad-time', t('lgbg.badTime'));
  const holidays: unknown[] = Array.isArray(schedule.holidays) ? schedule.holidays : [];
  const bad = holidays.filter((d) => typeof d !== 'string' || !isValidDateKey(d)).map(String);
  if (bad.length) throw new UserError('bad-holiday', t('lgbg.badHolidays', { dates: bad.join(', ') }));
  const days: unknown[] = Array.isArray(schedule.weekdays) ? schedule.weekdays : [];
  const weekdays = [...new Set(days)]
    .filter((d): d is number => Number.isInteger(d) && (d as number) >= 0 && (d as number) <= 6)
    .sort();
  const enabled = schedule.enabled === true;
  if (enabled && weekdays.length === 0) throw new UserError('no-days', t('lgbg.noDays'));
  return {
    timeoutSec: Math.round(s.timeoutSec),
    schedule: { enabled, time, weekdays, holidays: [...new Set(holidays as string[])].sort() },
  };
}

export async function armSchedule(): Promise<void> {
  const { schedule } = await loginSettingsItem.getValue();
  const at = nextRunAt(schedule, Date.now());
  await browser.alarms.clear(SCHEDULE_ALARM);
  if (at !== null) await browser.alarms.create(SCHEDULE_ALARM, { when: at });
}

export async function onScheduleAlarm(scheduledTime: number): Promise<void> {
  const now = Date.now();
  const { schedule } = await loginSettingsItem.getValue();
  await armSchedule();
  // A run missed while the computer was off is only made up the same India day.
  if (
    !schedule.enabled ||
    istDateKey(scheduledTime) !== istDateKey(now) ||
    !isScheduledDay(schedule, scheduledTime)
  )
    return;
  if (!(await isUnlocked())) {
    await pendingScheduleItem.setValue(istDateKey(now));
    await notify(t('lgbg.unlockTitle'), t('lgbg.unlockDue'), true);
    return;
  }
  await startAll().catch(() => undefined);
}

/** The vault was unlocked: a run that found it locked today goes now. */
export async function runPendingSchedule(): Promise<void> {
  const pending = await pendingScheduleItem.getValue();
  if (!pending) return;
  await pendingScheduleItem.setValue(null);
  if (pending === istDateKey(Date.now())) await startAll().catch(() => undefined);
}
