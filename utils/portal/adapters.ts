import type { PageAdapter } from './adapter';
import { createAppAdapter } from './createApp';
import { myApisAdapter } from './myApis';
import { enableTotpAdapter } from './enableTotp';
import { publisherLoginAdapter } from './publisherLogin';

export const PAGE_ADAPTERS: readonly PageAdapter[] = [
  createAppAdapter,
  myApisAdapter,
  enableTotpAdapter,
  publisherLoginAdapter,
];
