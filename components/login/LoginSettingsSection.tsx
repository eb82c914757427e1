import type { AccountSummary } from '@/utils/vault/types';

// Mount point owned by the daily-login feature; it replaces this placeholder.
export function LoginSettingsSection(_props: { account?: AccountSummary }) {
  return null;
}
