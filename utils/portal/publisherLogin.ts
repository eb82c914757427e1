import type { PageAdapter } from './adapter';

// Mount point: the feature's adapter replaces this placeholder.
export const publisherLoginAdapter: PageAdapter = {
  kinds: ['publisher-login'],
  start: () => () => {},
};
