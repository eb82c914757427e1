/**
 * t() with every text of the extension, for code outside React that extension pages and the
 * background share (field checks, background messages, notifications). The language is the
 * core's: pages keep it in step through index.ts, the background through initPageLanguage().
 * No React here, so the background can import it.
 */
import { withTexts } from './core';
import { en, type MessageKey } from './en';
import { hi } from './hi';

export type { MessageKey } from './en';

export const t = withTexts<MessageKey>({ en, hi });
