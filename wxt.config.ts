import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { popupI18n } from './scripts/build/popupI18n';

/** Fixed add-on id so Firefox profiles, storage and tests always see the same extension. */
export const GECKO_ID = 'smartapi-companion@companion-extension.org';

/** Content security policy of the extension's own pages (popup, options, setup, offscreen). */
export const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'";

export default defineConfig({
  // Parallel builds (several developers, tests) can each use their own folder.
  outDir: process.env.SAC_OUT_DIR || '.output',
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  hooks: {
    // The popup is opened many times a day: build it alone, so it loads one script holding only
    // its own code instead of chunks shared with the options and setup pages (README, Performance).
    'entrypoints:grouped': (_wxt, groups) => {
      for (const [i, group] of groups.entries()) {
        if (!Array.isArray(group) || group.length < 2) continue;
        const popup = group.find((e) => e.type === 'popup');
        if (!popup) continue;
        groups[i] = group.filter((e) => e !== popup);
        groups.push([popup]);
        return;
      }
    },
    // ...and with only the popup's texts, Hindi loaded when it is the active language.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.length === 1 && entrypoints[0]!.type === 'popup')
        (config.plugins ??= []).push(popupI18n(dirname(fileURLToPath(import.meta.url))));
    },
  },
  // Store packages: `npm run zip`. The Firefox sources zip is what AMO reviewers rebuild from
  // (docs/BUILD-FOR-REVIEW.md); tests, examples, the store listing and screenshots are not needed for that.
  zip: {
    excludeSources: ['tests/**', 'examples/**', 'store/**', 'docs/screenshots/**', 'coverage/**', '*.log'],
  },
  manifest: ({ browser }) => ({
    // Name, description and the shortcut's name in the browser's language: public/_locales/{en,hi}.
    // (The in-app language switch in Options governs everything else.)
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Every permission is explained in README.md ("Permissions").
    permissions: [
      'storage',
      'alarms',
      'notifications',
      'webNavigation',
      'idle',
      'clipboardWrite',
      // "Fill TOTP here" on Angel's pages; Chrome's keyboard-shortcut copy needs an offscreen document.
      'contextMenus',
      // The QR decoder is injected into an Angel tab only when a QR code is to be read.
      'scripting',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    commands: {
      'copy-default-totp': {
        suggested_key: { default: 'Alt+Shift+Y' },
        description: '__MSG_cmdCopyDefaultTotp__',
      },
    },
    // Token delivery: asked for one origin at a time when the user adds a webhook, never at install.
    // WXT 0.20 does not move optional_host_permissions into MV2's optional_permissions: do it here.
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'] }
      : { optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'] }),
    // Extension pages run only the extension's own scripts: no inline or remote code, no
    // plugins, no <base> rewriting. (WXT writes MV2's string form for Firefox.)
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    // Chromium 116: runtime.getContexts (is the popup open?); also offscreen (109),
    // storage.session (102), MessageSender.origin (80). Firefox: see strict_min_version.
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '116' }),
    host_permissions: [
      'https://smartapi.angelone.in/*',
      'https://smartapi.angelbroking.com/*',
      'https://apiconnect.angelone.in/*',
      'https://apiconnect.angelbroking.com/*',
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // 140: data_collection_permissions (below); the APIs used (storage.session,
              // MessageSender.origin or url, closed shadow roots, Web Locks) are older.
              strict_min_version: '140.0',
              // The extension collects nothing: everything stays in the user's browser or goes
              // to the backends the user configures.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
