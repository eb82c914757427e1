import type { PageAdapter } from './adapter';

// Mount point: the feature's adapter replaces this placeholder.
export const createAppAdapter: PageAdapter = {
  kinds: ['create-app-old', 'create-app-new'],
  start: () => () => {},
};
