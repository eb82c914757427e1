import type { AccountSummary } from '@/utils/vault/types';

// Mount point owned by the validation feature; it replaces this placeholder.
export function ValidateAllSection(_props: { account?: AccountSummary }) {
  return null;
}
