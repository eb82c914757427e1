/**
 * The popup's and options page's view of the daily login: a zustand store mirroring the
 * background's overview, refreshed whenever the attempts or results in storage change.
 */
import { create } from 'zustand';
import { t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging';
import '@/utils/login/protocol';
import type { LoginOverview } from '@/utils/login/protocol';
import { loginAttemptViewsItem, loginResultsItem, loginSettingsItem } from '@/utils/login/storage';

interface LoginStore {
  overview: LoginOverview | null;
  error: string;
  refresh(): Promise<void>;
  set(overview: LoginOverview): void;
}

export const useLoginStore = create<LoginStore>((set) => ({
  overview: null,
  error: '',
  async refresh() {
    try {
      set({ overview: await sendMessage('login/overview'), error: '' });
    } catch (err) {
      set({ error: err instanceof Error ? err.message : t('login.statusUnreadable') });
    }
  },
  set(overview) {
    set({ overview, error: '' });
  },
}));

let watchers = 0;
let unwatch: (() => void)[] = [];

/** Keep the store live while at least one component uses it. Returns the release function. */
export function watchLogin(): () => void {
  if (watchers++ === 0) {
    const refresh = () => void useLoginStore.getState().refresh();
    unwatch = [
      loginAttemptViewsItem.watch(refresh),
      loginResultsItem.watch(refresh),
      loginSettingsItem.watch(refresh),
    ];
    refresh();
  }
  return () => {
    if (--watchers === 0) {
      for (const u of unwatch) u();
      unwatch = [];
    }
  };
}

export function formatTime(ms: number): string {
  const d = new Date(ms);
  const sameDay = new Date().toDateString() === d.toDateString();
  return sameDay
    ? d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : d.toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}
