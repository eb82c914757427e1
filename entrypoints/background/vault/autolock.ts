/**
 * Auto-lock: the vault locks after the chosen idle minutes (an alarm, re-armed by activity on
 * extension pages) and when the computer's screen locks.
 */
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n/text';
import { defineStoredItem } from '@/utils/storage/item';
import { handle, isExtensionPageSender, UserError, type Sender } from '@/utils/messaging';
import { dispatchActivityTypes } from './activity';
import { keyItem, serial, settingsItem } from './store';
import { lockVault } from './lifecycle';
import { vaultStatus } from './status';

export const AUTO_LOCK_ALARM = 'vault-auto-lock';
/** Last seen page activity (ms epoch), for auto-lock. */
const activityItem = defineStoredItem<number>('session:vaultActivity', { fallback: 0 });
/** Activity is written at most this often (the popup asks for codes every second). */
const ACTIVITY_THROTTLE_MS = 15_000;
const MAX_AUTO_LOCK_MINUTES = 24 * 60;

/** Seen activity from an extension page: push the auto-lock back. */
export async function noteActivity(force = false): Promise<void> {
  if (!(await keyItem.getValue())) return;
  const now = Date.now();
  const last = await activityItem.getValue();
  if (!force && now - last < ACTIVITY_THROTTLE_MS && now >= last) return;
  await activityItem.setValue(now);
  await scheduleAutoLock(now);
}

async function scheduleAutoLock(lastActivity: number): Promise<void> {
  const { autoLockMinutes } = await settingsItem.getValue();
  if (autoLockMinutes === null) {
    await browser.alarms.clear(AUTO_LOCK_ALARM);
    return;
  }
  browser.alarms.create(AUTO_LOCK_ALARM, { when: lastActivity + autoLockMinutes * 60_000 });
}

/** The auto-lock alarm fired: lock if the idle time really has passed, else re-arm. */
export async function onAutoLockAlarm(now = Date.now()): Promise<void> {
  const { autoLockMinutes } = await settingsItem.getValue();
  if (autoLockMinutes === null || !(await keyItem.getValue())) return;
  const last = await activityItem.getValue();
  const due = last + autoLockMinutes * 60_000;
  if (now >= due - 1000) await serial(lockVault);
  else browser.alarms.create(AUTO_LOCK_ALARM, { when: due });
}

export function registerAutoLock(): void {
  handle('vault/set-auto-lock', 'page', async ({ minutes }) => {
    if (
      minutes !== null &&
      (typeof minutes !== 'number' ||
        !Number.isInteger(minutes) ||
        minutes < 1 ||
        minutes > MAX_AUTO_LOCK_MINUTES)
    ) {
      throw new UserError('bad-auto-lock', t('bg.autoLockRange', { max: MAX_AUTO_LOCK_MINUTES }));
    }
    const settings = await settingsItem.getValue();
    await settingsItem.setValue({ ...settings, autoLockMinutes: minutes });
    await noteActivity(true);
    if (minutes === null) await browser.alarms.clear(AUTO_LOCK_ALARM);
    return vaultStatus();
  });

  handle('vault/touch', 'page', () => noteActivity());

  try {
    browser.idle.onStateChanged.addListener((state) => {
      if (state === 'locked') void serial(lockVault);
    });
  } catch {
    /* no idle API here (tests' fake browser): auto-lock by alarm still works */
  }
  // Only what a person does on an extension page counts as activity (see activity.ts).
  browser.runtime.onMessage.addListener((message: unknown, sender: Sender) => {
    if (dispatchActivityTypes(message) && isExtensionPageSender(sender))
      void noteActivity().catch(() => undefined);
    return undefined;
  });
}
