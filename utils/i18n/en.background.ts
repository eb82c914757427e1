/**
 * English texts the background and the shared pure helpers produce, in two sections:
 *  - `enRouter`: the message router's own errors (utils/messaging.ts). The router is bundled
 *    into the content script, so only this small section goes there (see utils/i18n/router.ts).
 *  - `enBackground`: encrypted backups, the vault's "damaged" texts, webhook URL checks,
 *    delivery results and notifications, and the login and portal-assistant background errors.
 * Both are spread into `en` (en.ts). Tests match these English texts: change them only with the tests.
 */
export const enRouter = {
  'rt.noReply': 'The extension did not answer. Reload the page and try again.',
  'rt.unknown': 'Unknown request "{type}".',
  'rt.forbidden': 'This request is not allowed from here.',
  'rt.internal':
    'Something went wrong inside the extension. Try again; if it keeps failing, reload the extension.',
} as const;

export const enBackground = {
  // The router's payload check (entrypoints/background/schemas): background only, so not in enRouter
  'rtbg.badRequest':
    'The extension could not read this request (its data has the wrong shape). Reload the page and try again; if it keeps happening, reload the extension.',
  // Encrypted backup files (utils/vault/backup.ts)
  'bkf.empty': 'The file is empty. Choose the backup file you exported.',
  'bkf.tooLarge': 'The file is far larger than any backup. Check that you chose the right file.',
  'bkf.notJson':
    'This file is not a SmartAPI Companion backup (it is not JSON). For a list of otpauth:// links, use "Import otpauth list".',
  'bkf.noMarker': 'This file is not a SmartAPI Companion backup: its "format" marker is missing.',
  'bkf.version':
    'This backup has format version {found}; this version of the extension reads version {supported}. Update the extension and try again.',
  'bkf.damagedDetail': 'The backup file is damaged: {detail}',
  'bkf.wrongPassword':
    'The backup password is not correct. Use the password you chose when you exported this backup (it may differ from your master password).',
  'bkf.integrity':
    'The backup file is damaged: its encrypted contents fail their integrity check. Use another copy of the backup.',
  'bkf.unreadable': 'The backup decrypted, but its contents are not readable.',
  'bkf.noAccounts': 'The file decrypted, but it does not hold SmartAPI Companion accounts.',
  'bkf.tooNew':
    'This backup was made by a newer version of SmartAPI Companion (data version {version}; this version reads up to {known}). Nothing was imported. Update the extension, then import it again.',
  'bkf.twice':
    'The backup lists "{label}" ({clientCode}) twice. Remove one copy from the file or export again.',
  'bkf.secrets': "The backup's webhook secrets are not readable.",
  'bkf.where': 'Account {n} in the backup',
  'bkf.whereLabel': 'Account {n} in the backup ("{label}")',
  'bkf.notRecord': '{where} is not an account record.',
  'bkf.badAccount': '{where}: {what} Fix the file or export the backup again.',
  'bkf.label': 'the label is missing or too long.',
  'bkf.clientCode': 'the client code is not letters and digits.',
  'bkf.platform': 'the platform is neither SMART_API nor SMART_API_M.',
  'bkf.redirect': 'the redirect URL is not usable. {problem}',
  'bkf.notes': 'the notes are too long.',
  'bkf.totp': 'the TOTP settings (algorithm, digits, period) are not valid.',
  'bkf.noSecrets': 'its secrets are missing.',
  'bkf.mpin': 'the MPIN is not 4 digits.',
  'bkf.totpSecret': 'the TOTP secret is not valid. {problem}',
  'bkf.apiKey': 'the API key contains spaces.',
  'bkf.apiSecret': 'the API secret contains spaces.',
  'bkf.line': 'Line {n}: {problem} Nothing was imported.',
  'bkf.lineNoAccount': 'Line {n}: the link names no account. Nothing was imported.',
  'bkf.lineTwice': 'Line {n}: "{label}" appears twice in the list. Nothing was imported.',
  'bkf.noLinks': 'The list holds no otpauth://totp/ links.',

  // Vault and sealed data found damaged (entrypoints/background/vault/)
  'vdmg.notJson': 'The vault decrypted, but its contents are not valid JSON.',
  'vdmg.noList': 'The vault decrypted, but it does not contain an account list.',
  'vdmg.tooNew':
    'This vault was saved by a newer version of SmartAPI Companion (data version {version}; this version reads up to {known}). Nothing was changed. Update the extension, then unlock again.',
  'vdmg.corrupt':
    '{problem} The extension has not changed or deleted it. Import a backup you exported earlier to restore your accounts (the damaged vault is then kept aside, listed under "Kept copies"), or reset the vault (which deletes it and every copy for good).',
  'vdmg.upgradeFailed': 'Upgrading the vault format failed; nothing was changed. Try again.',
  'vdmg.noVaultYet': 'There is no vault yet.',
  'vdmg.blob': 'Stored encrypted data is damaged and cannot be read.',
  'vdmg.blobReset':
    'Stored encrypted data is damaged, or was sealed by a vault that has since been reset, and cannot be read.',

  // Webhook URL checks (utils/delivery/url.ts)
  'whurl.empty': 'Enter the URL of your server, for example https://example.com/angel-tokens.',
  'whurl.tooLong': 'This URL is too long (over 2000 characters). Use a shorter address.',
  'whurl.notUrl':
    'This is not a complete URL. It must start with https:// (for example https://example.com/hook).',
  'whurl.http':
    'Tokens must travel encrypted: use an https:// URL. Plain http:// is only allowed for localhost and 127.0.0.1.',
  'whurl.scheme': 'Only https:// URLs are supported (or http:// for localhost and 127.0.0.1).',
  'whurl.credentials':
    'Remove the user name and password from the URL. Your server checks the X-Signature header instead.',
  'whurl.noHost': 'The URL has no host name.',

  // Webhook delivery results and notifications (entrypoints/background/delivery/, utils/delivery/classify.ts)
  'dlv.queued': 'Queued; it goes out shortly.',
  'dlv.delivered': 'Delivered.',
  'dlv.deliveredHttp': 'Delivered (HTTP {status}).',
  'dlv.locked': 'The vault is locked. Unlock it and the delivery goes out at once.',
  'dlv.waitingTitle': 'Token delivery is waiting',
  'dlv.waitingOne':
    '1 token delivery is waiting because the vault is locked. Unlock SmartAPI Companion to send it.',
  'dlv.waitingMany':
    '{count} token deliveries are waiting because the vault is locked. Unlock SmartAPI Companion to send them.',
  'dlv.refusedTitle': 'Token delivery refused',
  'dlv.expired':
    'Not delivered before the deadline ({deadline}). These tokens are no longer useful; the next login sends fresh ones.',
  'dlv.noSecret':
    'The signing secret of this webhook is missing from the vault (perhaps restored from an older backup). Press "New secret", put it on your server, then "Retry now".',
  'dlv.cannotDecrypt':
    'This delivery cannot be decrypted with the current vault (was the vault reset?). Discard it; the next login sends fresh tokens.',
  'dlv.noAnswer': 'no answer within {seconds} s',
  'dlv.noAccess':
    'The extension also has no access to this site: open the options page and press "Allow access".',
  'dlv.deadlinePassed': '{reason} The deadline has passed, so no more attempts are made.',
  'dlv.nextAttempt': '{reason} Next attempt at {time}.',
  'dlv.then': '{first} {then}',
  'dlv.unreachable': 'Your server could not be reached ({error}). The extension will try again.',
  'dlv.redirect':
    'Your server answered with a redirect. Tokens are never sent on to another address: put the final URL in the target instead.',
  'dlv.said': 'It said: "{body}"',
  'dlv.later': 'Your server asked to try later (HTTP {status}).',
  'dlv.serverError': 'Your server had an error (HTTP {status}). The extension will try again.',
  'dlv.refused': 'Your server refused the delivery (HTTP {status}) and it will not be retried.',
  'dlv.refusedNext': 'Check the URL and the signing secret on your server, then press "Retry now".',
  'dlv.status3xx': 'Your server answered HTTP {status} (a redirect). Put the final URL in the target.',
  'dlv.unexpected': 'Unexpected answer from your server (HTTP {status}). The extension will try again.',

  // Login (entrypoints/background/login/index.ts)
  'lgbg.noAccountVault': 'That account no longer exists in the vault. Refresh the list and try again.',
  'lgbg.noApiKey':
    '"{label}" has no API key. Add the API key of its Publisher app in the vault, then log in.',
  'lgbg.noClientCode': '"{label}" has no client code. Add it in the vault, then log in.',
  'lgbg.noMpin': '"{label}" has no PIN. Add it in the vault, then log in.',
  'lgbg.noTotp':
    '"{label}" has no TOTP secret. Add it in the vault (from Angel\'s enable-totp page), then log in.',
  'lgbg.couldNotStart': 'The login could not start.',
  'lgbg.notStartedTitle': 'Login not started',
  'lgbg.loggedInTitle': 'Logged in: {label}',
  'lgbg.failedTitle': 'Login failed: {label}',
  'lgbg.notThisTab': 'This login is not running in this tab any more.',
  'lgbg.notLoginPage': 'This is not an Angel login page with an API key.',
  'lgbg.wrongAccount': 'This login page is for a different API key than that account.',
  'lgbg.alreadyGiven': 'This login already used that value; it is not typed again.',
  'lgbg.otherKey': 'This login page is for a different API key; nothing was filled.',
  'lgbg.noValues':
    'The login page asked for its values before the extension could give them. Close this tab and start the login again.',
  'lgbg.badTimeout': 'The timeout must be between {min} and {max} seconds.',
  'lgbg.badTime': 'The schedule time must look like 08:45 (24-hour, India time).',
  'lgbg.badHolidays': 'These holidays are not dates like 2026-01-26: {dates}.',
  'lgbg.noDays': 'Choose at least one weekday for the daily login, or turn the schedule off.',
  'lgbg.unlockTitle': 'Unlock to log in',
  'lgbg.unlockDue': 'The daily Angel login is due. Unlock SmartAPI Companion and the login starts by itself.',
  'lgbg.noAccountRefresh': 'That account no longer exists. Refresh the list.',

  // Portal assistant (entrypoints/background/portal/index.ts)
  'ptbg.noAccount': 'That account is no longer in the vault. Pick another account and try again.',
  'ptbg.badApiKey':
    'What the page shows does not look like an API key (letters and digits). Show the key with the page’s eye button and try again.',
  'ptbg.codeWindow':
    'The code is shown only for a few minutes after saving. Open the extension’s popup to see the code.',
  'ptbg.noTab': 'That tab is gone. Open the Smart API create-app page and try again.',
  'ptbg.notPortal': 'This tab is not Angel’s Smart API site. Open the create-app page there and try again.',
  'ptbg.noAnswer':
    'The page did not answer. Reload the Smart API page (so the extension can work in it) and try again.',
} as const;

export type RouterKey = keyof typeof enRouter;
export type BackgroundKey = keyof typeof enBackground;
