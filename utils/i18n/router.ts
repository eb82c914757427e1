/**
 * The message router's own errors (utils/messaging.ts): t() with only the router section of
 * the catalogues, because content scripts import the router too. Language: the core's.
 */
import { withTexts } from './core';
import { enRouter } from './en.background';
import { hiRouter } from './hi.background';

export type { RouterKey } from './en.background';

export const t = withTexts({ en: enRouter, hi: hiRouter });
