import type { AccountSummary } from '@/utils/vault/types';

// Mount point owned by the portal feature; it replaces this placeholder.
export function PopupPortalActions(_props: { account?: AccountSummary }) {
  return null;
}
