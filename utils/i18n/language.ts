/**
 * The browser-bound half of the UI languages: the stored choice (Options) and the browser's UI
 * language. Everything pure (formatting, lookup, the current language) is in core.ts.
 */
import { browser } from 'wxt/browser';
import { defineStoredItem } from '@/utils/storage/item';
import { languageFromTag, setCorePageLanguage, type Language, type LanguageSetting } from './core';

/** Version 1: the first stored shape. */
export const languageItem = defineStoredItem<LanguageSetting>('local:uiLanguage', {
  fallback: 'auto',
  version: 1,
});

export function browserLanguage(): Language {
  let tag: string | undefined;
  try {
    tag = browser.i18n?.getUILanguage?.();
  } catch {
    tag = undefined;
  }
  if (!tag && typeof navigator !== 'undefined') tag = navigator.language;
  return languageFromTag(tag);
}

export function resolveLanguage(setting: LanguageSetting): Language {
  return setting === 'auto' ? browserLanguage() : setting;
}

let contentStarted: Promise<void> | null = null;
/**
 * For content scripts and the background: read the stored choice once and follow later
 * changes. Controls built after a change use the new language; controls already shown keep
 * theirs until rebuilt.
 */
export function initPageLanguage(): Promise<void> {
  contentStarted ??= (async () => {
    try {
      setCorePageLanguage(resolveLanguage(await languageItem.getValue()));
      languageItem.watch((v) => setCorePageLanguage(resolveLanguage(v ?? 'auto')));
    } catch {
      setCorePageLanguage(browserLanguage());
    }
  })();
  return contentStarted;
}
