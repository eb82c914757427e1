import { defineConfig } from 'wxt';

/** Fixed add-on id so Firefox profiles, storage and tests always see the same extension. */
export const GECKO_ID = 'smartapi-companion@companion-extension.org';

export default defineConfig({
  // Parallel builds (several developers, tests) can each use their own folder.
  outDir: process.env.SAC_OUT_DIR || '.output',
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Store packages: `npm run zip`. The Firefox sources zip is what AMO reviewers rebuild from
  // (docs/BUILD-FOR-REVIEW.md); tests, examples, the store listing and screenshots are not needed for that.
  zip: {
    excludeSources: ['tests/**', 'examples/**', 'store/**', 'docs/screenshots/**', 'coverage/**', '*.log'],
  },
  manifest: ({ browser }) => ({
    name: 'SmartAPI Companion',
    description:
      'Encrypted vault with live TOTP codes, Smart API portal assistant and safe daily login for Angel One traders.',
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
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    commands: {
      'copy-default-totp': {
        suggested_key: { default: 'Alt+Shift+Y' },
        description: 'Copy the TOTP code of the default account',
      },
    },
    // Token delivery: asked for one origin at a time when the user adds a webhook, never at install.
    // WXT 0.20 does not move optional_host_permissions into MV2's optional_permissions: do it here.
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'] }
      : { optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'] }),
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
