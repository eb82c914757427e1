/**
 * Every alarm the extension sets, and who answers it. The background has one
 * `alarms.onAlarm` listener (registered in index.ts); a feature that needs a timer adds a
 * line here instead of a listener of its own.
 */
import { browser, type Browser } from 'wxt/browser';
import { AUTO_LOCK_ALARM, onAutoLockAlarm } from './vault/autolock';
import { onScheduleAlarm, SCHEDULE_ALARM } from './login/schedule';
import { onTimeout } from './login/results';
import { TIMEOUT_ALARM } from './login/attempts';
import { OUTBOX_ALARM, processOutbox } from './delivery/outbox';

type Alarm = Browser.alarms.Alarm;

/** An alarm by exact name, or a family of alarms by name prefix (the rest of the name is an id). */
export type AlarmRoute = ({ name: string } | { prefix: string }) & {
  /** `id`: what follows the prefix ('' for an exact name). */
  run: (alarm: Alarm, id: string) => Promise<unknown>;
};

export const ALARM_ROUTES: readonly AlarmRoute[] = [
  // The vault locks after the chosen idle time (vault/autolock.ts).
  { name: AUTO_LOCK_ALARM, run: () => onAutoLockAlarm() },
  // A login attempt that has not finished by its deadline fails (login/results.ts).
  { prefix: TIMEOUT_ALARM, run: (_a, attemptId) => onTimeout(attemptId) },
  // The daily login run (login/schedule.ts).
  { name: SCHEDULE_ALARM, run: (a) => onScheduleAlarm(a.scheduledTime) },
  // The next webhook delivery due, or the safety net of a pass cut short (delivery/outbox.ts).
  { name: OUTBOX_ALARM, run: () => processOutbox() },
];

/** Run the handler of `alarm`; an unknown name (an alarm of an older version) is ignored. */
export async function dispatchAlarm(
  alarm: Alarm,
  routes: readonly AlarmRoute[] = ALARM_ROUTES,
): Promise<void> {
  for (const r of routes) {
    if ('name' in r && r.name === alarm.name) await r.run(alarm, '');
    else if ('prefix' in r && alarm.name.startsWith(r.prefix))
      await r.run(alarm, alarm.name.slice(r.prefix.length));
    else continue;
    return;
  }
}

export function listenForAlarms(routes: readonly AlarmRoute[] = ALARM_ROUTES): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    void dispatchAlarm(alarm, routes).catch(() => undefined);
  });
}
