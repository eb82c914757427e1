import { useEffect } from 'react';
import { sendMessage } from '@/utils/messaging';
import { vaultStore } from './vaultStore';

/**
 * Re-read the vault status now and then and whenever the page becomes visible, so a page left
 * open notices an auto-lock done by the background.
 */
export function useStatusWatch(everyMs: number): void {
  useEffect(() => {
    const check = () => {
      if (document.visibilityState !== 'visible') return;
      const before = vaultStore.getState().status?.state;
      void sendMessage('vault/status').then(
        (s) => {
          // Only reload the list when the state changed: the page may hold an open form.
          if (s.state !== before) void vaultStore.getState().refresh();
          else vaultStore.setState({ status: s });
        },
        () => undefined,
      );
    };
    const timer = window.setInterval(check, everyMs);
    document.addEventListener('visibilitychange', check);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', check);
    };
  }, [everyMs]);
}

/** Minimum time between two activity reports to the background. */
export const TOUCH_EVERY_MS = 30_000;

/**
 * Tell the background that the user is working on this page (keys, clicks), at most every
 * 30 s, so auto-lock counts idle time from the last real activity.
 */
export function useActivityTouch(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let last = 0;
    const onActivity = () => {
      const now = Date.now();
      if (now - last < TOUCH_EVERY_MS) return;
      last = now;
      void sendMessage('vault/touch').catch(() => undefined);
    };
    const events = ['keydown', 'pointerdown', 'focusin'] as const;
    for (const e of events) window.addEventListener(e, onActivity, { passive: true });
    return () => {
      for (const e of events) window.removeEventListener(e, onActivity);
    };
  }, [active]);
}
