/** Notifications and menu titles in the user's chosen language. */
import { languageItem, resolveLanguage, translate, type MessageKey, type Params } from '@/utils/i18n';

export async function backgroundT(): Promise<(key: MessageKey, params?: Params) => string> {
  const setting = await languageItem.getValue().catch(() => 'auto' as const);
  const lang = resolveLanguage(setting);
  return (key, params) => translate(lang, key, params);
}
