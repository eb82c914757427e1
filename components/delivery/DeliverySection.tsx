import type { AccountSummary } from '@/utils/vault/types';

// Mount point owned by the delivery feature; it replaces this placeholder.
export function DeliverySection(_props: { account?: AccountSummary }) {
  return null;
}
