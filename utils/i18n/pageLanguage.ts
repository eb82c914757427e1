/**
 * The language of an extension page (options, setup, popup) for React: the user's stored
 * choice followed across pages, applied once its texts are there, and the hooks components use
 * (`useT`, `useLanguage`). utils/i18n/index.ts (every text registered up front) and popup.ts
 * (Hindi loaded on demand) each create one with their own way of making a language's texts
 * ready.
 */
import { useSyncExternalStore } from 'react';
import { setCorePageLanguage, textIn, type Language, type LanguageSetting, type Params } from './core';
import { languageItem, resolveLanguage } from './language';

export function createPageLanguage<K extends string>(opts: {
  /** Make a language's texts ready; false if they could not be loaded (stay on the current one). */
  ready(lang: Language): Promise<boolean>;
}) {
  type T = (key: K, params?: Params) => string;
  let current: Language = 'en';
  let setting: LanguageSetting = 'auto';
  let applied = 0;
  const listeners = new Set<() => void>();

  async function apply(next: LanguageSetting): Promise<void> {
    const ticket = ++applied;
    setting = next;
    const lang = resolveLanguage(next);
    // Stay in the previous language until the texts of the new one are there.
    const ok = await opts.ready(lang).catch(() => false);
    if (ticket !== applied || !ok) return;
    setCorePageLanguage(lang);
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
    if (lang === current) return;
    current = lang;
    for (const l of listeners) l();
  }

  const currentLanguage = (): Language => current;
  const subscribe = (cb: () => void): (() => void) => {
    listeners.add(cb);
    return () => listeners.delete(cb);
  };
  const bound: Partial<Record<Language, T>> = {};
  let started: Promise<void> | null = null;

  return {
    currentLanguage,
    currentSetting: (): LanguageSetting => setting,
    /** Read the stored choice and follow changes made in another page. Await before the first render. */
    initLanguage(): Promise<void> {
      started ??= (async () => {
        let stored: LanguageSetting = 'auto';
        try {
          stored = await languageItem.getValue();
        } catch {
          /* storage unavailable: the browser's language */
        }
        await apply(stored);
        languageItem.watch((v) => void apply(v ?? 'auto'));
      })();
      return started;
    },
    async setLanguage(next: LanguageSetting): Promise<void> {
      await apply(next);
      await languageItem.setValue(next);
    },
    /** `const t = useT();` re-renders the component when the language changes. */
    useT(): T {
      const lang = useSyncExternalStore(subscribe, currentLanguage, currentLanguage);
      // A new function per language, so memoised children see the change.
      return (bound[lang] ??= (key, params) => textIn(lang, key, params));
    },
    useLanguage(): Language {
      return useSyncExternalStore(subscribe, currentLanguage, currentLanguage);
    },
  };
}
