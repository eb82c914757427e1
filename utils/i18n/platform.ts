/**
 * t() for the platform content script: only the platform section of the catalogues
 * (en.platform.ts / hi.platform.ts), in the page's current language (core.ts).
 */
import { withTexts } from './core';
import { enPlatformInPage } from './en.platform';
import { hiPlatformInPage } from './hi.platform';

export type { PlatformInPageKey } from './en.platform';

export const t = withTexts({ en: enPlatformInPage, hi: hiPlatformInPage });
