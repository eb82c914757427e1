import type { PageAdapter } from './adapter';

// Mount point: the feature's adapter replaces this placeholder.
export const myApisAdapter: PageAdapter = {
  kinds: ['my-apis'],
  start: () => () => {},
};
