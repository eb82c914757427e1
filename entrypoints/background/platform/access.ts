/**
 * Which platform sites the extension may run on: the origins the user turned on in Options
 * that still have the browser's site access, and the runtime registration of the platform
 * content script for exactly those origins.
 */
import { browser } from 'wxt/browser';
import { defineStoredItem } from '@/utils/storage/item';
import { originPattern } from '@/utils/platform/profiles';

/** Origins the user turned on (not secret: which sites the extension may run on). */
export const enabledOrigins = defineStoredItem<string[]>('local:platformOrigins', { fallback: [] });
const SCRIPT_ID = 'sac-platform';
const SCRIPT_FILE = 'content-scripts/platform.js';

export async function hasAccess(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(origin)] });
  } catch {
    return false;
  }
}

export async function isEnabledOrigin(origin: string): Promise<boolean> {
  return (await enabledOrigins.getValue()).includes(origin) && (await hasAccess(origin));
}

interface LegacyRegistration {
  unregister(): Promise<void>;
}
type LegacyApi = {
  contentScripts?: {
    register(o: { matches: string[]; js: { file: string }[]; runAt: string }): Promise<LegacyRegistration>;
  };
};
let legacy: LegacyRegistration | null = null;

/** Make the registered platform script match exactly the enabled origins that still have access. */
export async function syncRegistration(): Promise<string[]> {
  const origins: string[] = [];
  for (const o of await enabledOrigins.getValue()) if (await hasAccess(o)) origins.push(o);
  const matches = origins.map(originPattern);
  const scripting = browser.scripting as typeof browser.scripting | undefined;
  if (scripting?.registerContentScripts) {
    const existing = await scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] }).catch(() => []);
    if (existing.length) await scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    if (matches.length)
      await scripting.registerContentScripts([
        { id: SCRIPT_ID, matches, js: [SCRIPT_FILE], runAt: 'document_idle', allFrames: false },
      ]);
  } else {
    // Firefox MV2 without scripting registration: contentScripts.register, not persisted,
    // so the background calls this again at every start.
    await legacy?.unregister().catch(() => undefined);
    legacy = null;
    const api = (browser as unknown as LegacyApi).contentScripts;
    if (api && matches.length)
      legacy = await api.register({ matches, js: [{ file: `/${SCRIPT_FILE}` }], runAt: 'document_idle' });
  }
  return origins;
}
