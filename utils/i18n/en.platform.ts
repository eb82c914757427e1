/**
 * English texts of the platform fill (AutoTrader Web and custom platforms): the in-page
 * control on the platform's account form (`enPlatformInPage`, bundled only into the platform
 * content script through utils/platform/i18n.ts), Options, the setup step and the background's
 * errors (`enPlatform`). Both spread into `en` (en.ts); the Hindi twin is hi.platform.ts.
 */
export const enPlatformInPage = {
  'pl.open': 'Fill from SmartAPI Companion…',
  'pl.loading': 'Loading your accounts…',
  'pl.account': 'Account',
  'pl.fill': 'Fill',
  'pl.cancel': 'Cancel',
  'pl.noAccounts': 'No accounts in the vault yet. Add one in the extension’s Options first.',
  'pl.f.broker': 'Broker',
  'pl.f.platform': 'Platform',
  'pl.f.clientCode': 'Login id / client id',
  'pl.f.mpin': 'MPIN',
  'pl.f.totpSecret': 'TOTP key',
  'pl.f.apiKey': 'API key',
  'pl.willFill': 'Will fill: {fields}.',
  'pl.notFound': 'Not found on this page: {fields}.',
  'pl.missing': 'Missing from this account: {fields}. Add them in Options, or type them here.',
  'pl.leftAlone':
    'SMART_API_M: only the API key is filled; the platform stores no login details on this path.',
  'pl.filled': '{field}: filled',
  'pl.rejected': '{field}: the page did not keep the value',
  'pl.noOption': '{field}: this list has no "{option}" choice',
  'pl.ambiguous': '{field}: two boxes look alike, left alone',
  'pl.failed': '{field}: not filled ({reason})',
  'pl.done': 'Check the values, then press Validate and Save yourself: the extension never presses them.',
  'pl.nothing': 'Nothing was filled.',
  'pl.unreadable':
    'The form on this page could not be read: no field was recognised. Type the values yourself, or add this platform’s field labels in the extension’s Options.',
  'pl.report': 'Fill report',
} as const;

export const enPlatform = {
  ...enPlatformInPage,
  'plo.title': 'Trading platforms',
  'plo.intro':
    'Fill a trading platform’s account form (AutoTrader Web: Accounts → Trading Accounts → Create or Edit) from the vault. Turning a platform on asks the browser for access to that one site; nothing runs there before.',
  'plo.on': 'Turn on',
  'plo.off': 'Turn off',
  'plo.enabled': 'On: the extension runs on {origin}',
  'plo.disabled': 'Off: the extension does not run on {origin}',
  'plo.denied':
    'The browser did not grant access to {origin}. Nothing was turned on; try again and choose Allow.',
  'plo.builtIn': 'built in',
  'plo.delete': 'Remove {name}',
  'plo.addTitle': 'Add a platform',
  'plo.name': 'Name',
  'plo.origin': 'Site address (https://…)',
  'plo.labelsHint':
    'The label texts the platform’s form shows beside each field; several separated by commas.',
  'plo.add': 'Add platform',
  'plo.fieldLabel': '{field} label',
  'plbg.noPlatform': 'This platform is not set up in the extension. Add it in Options → Trading platforms.',
  'plbg.noAccount': 'That account is no longer in the vault. Pick another one.',
  'plbg.noAccess':
    'The browser has not granted access to {origin}. Turn the platform on again in Options and choose Allow.',
  'plbg.badOrigin': 'Type the platform’s address as https://host (no path, no wildcard).',
  'plbg.builtInOrigin': 'A platform with this address is already set up.',
  'plbg.noName': 'Give the platform a name (60 characters at most).',
  'plbg.noFields': 'Give the label text of at least one of: login id, MPIN, TOTP key, API key.',
  'plbg.builtIn': 'Built-in platforms cannot be removed; turn them off instead.',
  'plbg.noTab': 'That tab is closed. Open the platform’s page again.',
  'plbg.notPlatform': 'This tab is not a trading platform you turned on in Options.',
  'plbg.noAnswer': 'The page did not answer. Reload it and try again.',
  'plbg.fillClosed': 'This fill has ended. Press "Fill from SmartAPI Companion…" again.',
  'plbg.missing': 'This account has no value for that field. Add it in Options.',
  'setup.step.platform': 'Account added in AutoTrader Web',
  'setup.platform.todo':
    'In AutoTrader Web open Accounts → Trading Accounts → Create and press "Fill from SmartAPI Companion…" (turn AutoTrader Web on in Options first), then Validate and Save.',
  'setup.platform.filled':
    'Filled into the platform’s form {when}. Press Validate and Save there; this turns done when the platform lists the account.',
  'setup.platform.done': 'The platform lists this account (seen {when}).',
} as const;

export type PlatformInPageKey = keyof typeof enPlatformInPage;
export type PlatformKey = keyof typeof enPlatform;
