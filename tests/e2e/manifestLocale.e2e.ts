/**
 * The manifest speaks the browser's language: in a Hindi browser the extension's name and
 * description (what the extensions page, the shortcut settings and management.getSelf() show)
 * come from public/_locales/hi, in an English browser from public/_locales/en.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BROWSER, builtExtensionPath, launchExtension, type ExtensionSession } from './harness';

type Messages = Record<string, { message: string }>;
const messages = (lang: string): Messages =>
  JSON.parse(readFileSync(join(builtExtensionPath(), '_locales', lang, 'messages.json'), 'utf8')) as Messages;

/**
 * The browser's language. Chromium on Linux ignores --lang and reads LANGUAGE (its Hindi UI
 * comes with the chromium-l10n package); Firefox follows intl.locale.requested when its Hindi
 * language pack (firefox-esr-l10n-hi-in) is installed. .ci/run installs both.
 */
function inLanguage(lang: 'hi' | 'en-US'): Parameters<typeof launchExtension>[0] {
  return BROWSER === 'chromium'
    ? { env: { LANGUAGE: lang.replace('-', '_') }, chromiumArgs: [`--lang=${lang}`] }
    : { firefoxPrefs: { 'intl.locale.requested': lang, 'intl.locale.matchOS': false } };
}

async function self(h: ExtensionSession): Promise<{ name: string; description: string; uiLanguage: string }> {
  return h.inExtension(async () => {
    type Api = {
      management: { getSelf(): Promise<{ name: string; description: string }> };
      i18n: { getUILanguage(): string };
    };
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const api = g.browser ?? g.chrome;
    const info = await api.management.getSelf();
    return { name: info.name, description: info.description, uiLanguage: api.i18n.getUILanguage() };
  });
}

describe(`the manifest in the browser's language (${BROWSER})`, () => {
  let h: ExtensionSession | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('a Hindi browser shows the Hindi name and description', async () => {
    h = await launchExtension(inLanguage('hi'));
    const hi = messages('hi');
    const got = await self(h);
    // Not Hindi here: the browser has no Hindi UI (see inLanguage), not a fault of the extension.
    expect(got.uiLanguage, 'the browser runs in Hindi').toMatch(/^hi\b/);
    expect(got.name).toBe(hi.extName!.message);
    expect(got.description).toBe(hi.extDescription!.message);
    expect(got.description).toMatch(/[\u0900-\u097F]/);
  });

  it('an English browser shows the English name and description', async () => {
    h = await launchExtension(inLanguage('en-US'));
    const en = messages('en');
    const got = await self(h);
    expect(got.name).toBe(en.extName!.message);
    expect(got.description).toBe(en.extDescription!.message);
    expect(got.description).not.toBe(messages('hi').extDescription!.message);
  });
});
