import type { PageAdapter } from './adapter';

// Mount point: the feature's adapter replaces this placeholder.
export const enableTotpAdapter: PageAdapter = {
  kinds: ['enable-totp'],
  start: () => () => {},
};
