import type { AccountSummary } from '@/utils/vault/types';

// Mount point owned by the portal feature; it replaces this placeholder.
export function ProfilesSection(_props: { account?: AccountSummary }) {
  return null;
}
