/**
 * English texts of the portal assistant and the daily login, in two sections:
 *  - `enInPage`: what the content script shows inside Angel's pages (and the fill report and
 *    profile checks it shares with the popup and options). Only this section, with its Hindi
 *    twin, is bundled into the content script (see utils/i18n/inPage.ts).
 *  - `enPortalLoginUi`: the React components of the popup and options page.
 * Both are spread into `en` (en.ts). The e2e tests look for these English texts: change them
 * only with the tests.
 */
import { enEngineInPage } from './en.engine';
export const enInPage = {
  ...enEngineInPage,
  // Save-to-account control (My APIs, enable TOTP)
  'ip.loadingAccounts': 'Loading your accounts…',
  'ip.noAccounts':
    'There is no account in the vault yet. Add one in the extension (popup or options), then try again.',
  'ip.account': 'Account',
  'ip.save': 'Save',
  'ip.cancel': 'Cancel',
  'ip.saveTo': 'Save to',
  'ip.locked': 'The vault is locked. Unlock it in the extension’s popup, then try again.',
  'ip.somethingWrong': 'Something went wrong. Reload the page and try again.',

  // Fill report (in-page control and popup)
  'ip.blocked': 'Nothing was filled: fix the profile "{name}" first.',
  'ip.noForm':
    'No create-app form is open on this page. Click "+ ADD APP" (or open the create-app page) and try again.',
  'ip.outFilled': 'filled',
  'ip.outNotFound': 'not found',
  'ip.outRejected': 'rejected by the page',
  'ip.outSkipped': 'skipped',
  'ip.checkCreate': 'Check the values, then press the page’s own Create button yourself.',
  'ip.fillReport': 'Fill report',
  'ip.fillFailed': 'The fill failed. Reload the page and try again.',

  // Create-app form
  'ip.fieldAppName': 'App Name',
  'ip.fieldRedirectUrl': 'Redirect URL',
  'ip.fieldPostbackUrl': 'Postback URL',
  'ip.fieldClientId': 'Angel Client ID',
  'ip.fieldPrimaryIp': 'Primary Static IP',
  'ip.fieldSecondaryIp': 'Secondary Static IP',
  'ip.fieldApiType': 'API type',
  'ip.emptyLeft': 'Empty in the profile; left as it is.',
  'ip.emptyMissing': 'Empty in the profile and not on this page.',
  'ip.ambiguous': 'Two fields look like this one; fill it by hand.',
  'ip.noSuchField': 'No such field on this page; fill it by hand if the form asks for it.',
  'ip.noTypeChoice': 'The page offers no "{type}" choice; pick the type by hand.',
  'ip.noTypeGroup': 'No API type choice found; if the form has one, pick "{type}" by hand.',
  'ip.notKept': 'The page did not keep "{choice}" selected.',
  'ip.profileGone': 'That registration profile no longer exists.',
  'ip.profileGoneFix': 'Pick another profile in the extension’s options.',
  'ip.fillButton': 'Fill with SmartAPI Companion',
  'ip.registrationProfile': 'Registration profile',
  // Read-back after a fill
  'ip.markedInvalid': 'The page marked this field as invalid.',
  'ip.replaced': 'The page replaced the field after filling; check it by hand.',
  'ip.cleared': 'The page cleared the value.',
  'ip.changedTo': 'The page changed the value to "{value}".',
  'ip.pageSays': 'The page says: {error}',

  // My APIs
  'ip.saveToAccount': 'Save to account…',
  'ip.noKey': 'No API key was found next to this app. Reload the page and try again.',
  'ip.keyHidden':
    'The API key is hidden. Click the page’s eye (or View) button to show it, then press Save again.',
  'ip.savedKey': 'Saved the API key (ending {last4}) to “{label}”.',
  'ip.savedKeyAndSecret': 'Saved the API key (ending {last4}) and the secret key to “{label}”.',

  // enable TOTP
  'ip.saveTotp': 'Save TOTP secret to account…',
  'ip.severalSecrets':
    'The page shows more than one key-like text, so the extension cannot tell which is the TOTP secret. Copy it into the account by hand.',
  'ip.noSecret':
    'No TOTP secret is visible yet. Finish Angel’s steps until the QR code or the secret key is shown, then press Save again.',
  'ip.currentCode': 'Current TOTP code',
  'ip.codeEnded': 'Code display ended: {error}',
  'ip.secondsLeft': '({s} s left)',
  'ip.savedTotp': 'Saved the TOTP secret to “{label}”. Type this code into Angel’s form to finish:',

  // Publisher login page
  'ip.close': 'Close',
  'ip.closeLabel': 'Close the SmartAPI Companion message',
  'ip.lostTrack': 'The extension lost track of this login. Log in again.',
  'ip.stopped': 'Stopped.',
  'ip.logInAs': 'Log in as {label}',
  'ip.loggingIn': 'Logging in...',
  'ip.loginNoStart': 'The login could not start.',
  'ip.unlockToLogin': 'Unlock SmartAPI Companion to log in.',
  // Why a login stopped (made in the background, shown here and in the popup/options)
  'ip.errAngelSaid': 'Angel said: "{message}"',
  'ip.errWrongCredentials':
    'Angel refused the client code or PIN.{quoted} Nothing was retried, so your account is not at risk of being locked. Check the client code and PIN of this account in the vault, then log in again.',
  'ip.errWrongPinLeft':
    'Angel says the MPIN is wrong: {left} attempts left before Angel blocks the account. The account is not locked.{quoted} Nothing was retried. Check the MPIN of this account in the vault before logging in again.',
  'ip.errWrongPinOneLeft':
    'Angel says the MPIN is wrong: 1 attempt left before Angel blocks the account. The account is not locked.{quoted} Nothing was retried. Check the MPIN of this account in the vault before logging in again: one more wrong MPIN blocks it.',
  'ip.errAccountLocked':
    'Angel reports the account as locked or blocked.{quoted} Unlock it with Angel One (app or support) before logging in again.',
  'ip.errInvalidTotp':
    "Angel refused the TOTP code twice.{quoted} Check that the TOTP secret in the vault is the one shown on Angel's enable-totp page and that your computer's clock is right.",
  'ip.errInvalidApiKey':
    'Angel refused the API key (HTTP 403 or invalid key).{quoted} Publisher login needs the key of a Publisher app: create one under My APIs with the type "Publisher APIs" and store its API key in this account.',
  'ip.errOther': 'The login failed.{quoted} The login tab was left open so you can see what happened.',

  // Registration profile checks (options page, fill report)
  'pf.appEmpty': 'The app name is empty.',
  'pf.appEmptyFix': 'Type a name of at most 20 letters or digits without spaces, for example MyTradingApp.',
  'pf.appSpaces':
    'The app name "{name}" contains spaces; the login setup breaks with spaces in the app name.',
  'pf.appSpacesFix': 'Use "{corrected}" (the same name without spaces).',
  'pf.appLong': 'The app name is {length} characters long; Angel allows at most {max}.',
  'pf.appLongFix': 'Shorten it, for example to "{corrected}".',
  'pf.whatRedirect': 'redirect URL',
  'pf.whatPostback': 'postback URL',
  'pf.urlIncomplete': 'The {what} "{value}" is not a complete web address.',
  'pf.urlIncompleteFix':
    'Write the full address starting with https://, for example https://example.com/callback.',
  'pf.urlHttp': 'The {what} starts with http://; Angel only accepts secure https:// addresses.',
  'pf.urlHttpFix': 'Use the https:// address of the same page.',
  'pf.urlScheme': 'The {what} uses "{scheme}"; Angel only accepts https:// addresses.',
  'pf.urlSchemeFix': 'Use an https:// address.',
  'pf.urlLocalhost':
    'The {what} points to localhost, which is your own computer; Angel refuses it and could never reach it.',
  'pf.urlLocalhostFix': 'Use the public https:// address of your server (a domain name).',
  'pf.urlIp': 'The {what} uses a bare IP address ({host}); Angel refuses IP addresses here.',
  'pf.urlIpFix': 'Use a domain name with https://, for example https://myserver.example.com/callback.',
  'pf.urlHost': 'The {what} host "{host}" is not a public domain name.',
  'pf.urlHostFix': 'Use the full public domain name of your server.',
  'pf.redirectEmpty': 'The redirect URL is empty; Angel requires it.',
  'pf.redirectEmptyFix': 'Enter the https:// address that receives the login tokens.',
  'pf.clientId': 'The client id "{value}" should be letters and digits only (for example A123456).',
  'pf.clientIdFix': 'Copy your Angel client id exactly, or leave the field empty.',
  'pf.ipFix':
    'Enter the public IPv4 static address your provider gave you (the address websites see, such as 49.36.12.7). Search "what is my IP" from the machine that will trade to see it.',
  'pf.whichPrimary': 'primary static IP',
  'pf.whichSecondary': 'secondary static IP',
  'pf.noPrimary': 'No primary static IP is set; the new create-app form requires one.',
  'pf.noPrimaryFix': 'Add your public IPv4 static address to the profile, or type it into the form yourself.',
  'pf.ipv6': 'The {which} "{value}" is an IPv6 address; Angel accepts IPv4 addresses only.',
  'pf.notIpv4':
    'The {which} "{value}" is not an IPv4 address (four numbers 0-255 separated by dots, without leading zeros).',
  'pf.nonPublic': 'The {which} {value} {reason}; it can never be registered as a public static IP.',
  'pf.sameIp': 'The secondary static IP is the same as the primary one.',
  'pf.sameIpFix': 'Enter a different public IPv4 address, or leave the secondary IP empty.',
  'pf.rThisNetwork': 'is in 0.0.0.0/8 ("this network"), which is not a real host address',
  'pf.rPrivate10': 'is a private address (10.0.0.0/8), used only inside local networks',
  'pf.rCgnat':
    'is a carrier-grade NAT address (100.64.0.0/10) shared by many customers of your internet provider',
  'pf.rLoopback': 'is a loopback address (127.0.0.0/8): it means "this computer"',
  'pf.rLinkLocal': 'is a link-local address (169.254.0.0/16), given out when a device gets no real address',
  'pf.rPrivate172': 'is a private address (172.16.0.0/12), used only inside local networks',
  'pf.rProtocol': 'is reserved for protocol use (192.0.0.0/24)',
  'pf.rDoc192': 'is a documentation example address (192.0.2.0/24)',
  'pf.rRelay': 'is a retired relay address (192.88.99.0/24)',
  'pf.rPrivate192': 'is a private address (192.168.0.0/16), used only inside local networks',
  'pf.rBenchmark': 'is reserved for network benchmarks (198.18.0.0/15)',
  'pf.rDoc198': 'is a documentation example address (198.51.100.0/24)',
  'pf.rDoc203': 'is a documentation example address (203.0.113.0/24)',
  'pf.rMulticast': 'is a multicast address (224.0.0.0/4), not a single host',
  'pf.rReserved': 'is in the reserved range 240.0.0.0/4 (or is the broadcast address)',
} as const;

export const enPortalLoginUi = {
  // Popup: create-app form actions
  'portal.popupTitle': 'Create-app form',
  'portal.profile': 'Profile',
  'portal.fillThisPage': 'Fill this page',

  // Options: registration profiles
  'portal.title': 'Smart API app registration profiles',
  'portal.intro':
    'Used by “Fill with SmartAPI Companion” on Angel’s create-app form. The extension fills the form and never submits it: you press Angel’s Create button yourself.',
  'portal.profileName': 'Profile name',
  'portal.apiTypeHelp':
    'Trading for daily logins with MPIN and TOTP (SMART_API); Publisher for the once-a-day Angel login (SMART_API_M).',
  'portal.hintAppName': 'At most 20 characters, no spaces.',
  'portal.hintRedirect': 'https:// address that receives the login.',
  'portal.hintPostback': 'https:// address, or empty.',
  'portal.hintClientId': 'Optional; only some form versions ask for it.',
  'portal.hintPrimaryIp': 'Your public IPv4 static address.',
  'portal.hintSecondaryIp': 'Optional second public IPv4 address.',
  'portal.fixed': 'Fixed for AutoTrader Web.',
  'portal.useSuggestion': 'Use “{value}”',
  'portal.loadFailed': 'The profiles could not be loaded. Reload this page.',
  'portal.saveFailed': 'Saving failed. Try again.',
  'portal.defaultMark': '{name} (default)',
  'portal.addProfile': 'Add profile',
  'portal.savedWithProblems': 'Saved. Fix the problems shown before filling a form.',
  'portal.saved': 'Profile saved.',
  'portal.saveProfile': 'Save profile',
  'portal.makeDefault': 'Make default',
  'portal.nowDefault': '“{name}” is now the default profile.',
  'portal.deleted': 'Deleted “{name}”.',
  'portal.deleteProfile': 'Delete profile',

  // Login steps
  'login.stepsFor': 'Login steps for {label}',
  'login.stepOpening': 'Opening Angel login',
  'login.stepClientCode': 'Client code',
  'login.stepPin': 'PIN',
  'login.stepTotp': 'TOTP',
  'login.stepRedirected': 'Redirected, tokens captured',
  'login.stepDelivered': 'Delivered',
  'login.inProgress': '(in progress)',

  // Log in button
  'login.logInAria': 'Log in {label} on Angel',
  'login.needKey': 'Add the API key of a Publisher app to log in',
  'login.loggingIn': 'Logging in…',
  'login.queued': 'Queued',
  'login.logIn': 'Log in',
  'login.needsAttention': 'Needs attention',
  'login.loggedIn': 'Logged in',
  'login.loginFailed': 'Login failed',
  'login.failed': 'Failed',
  'login.statusUnreadable': 'The login status could not be read.',

  // Log in all (popup)
  'login.noneToLogIn':
    'No account to log in: turn on "Daily login" for an account in the options (accounts that need attention are skipped).',
  'login.startedOne': 'Logging in 1 account, one after another.',
  'login.startedMany': 'Logging in {n} accounts, one after another.',
  'login.logInAll': 'Log in all',
  'login.nextScheduled': 'Next scheduled login: {when}',
  'login.progress': 'Logging in {labels}. Steps show beside each account.',
  'login.progressWaiting': 'Logging in {labels}; {n} waiting. Steps show beside each account.',

  // Daily login settings (options)
  'login.title': 'Daily login',
  'login.intro':
    "Logs in on Angel's publisher-login page for you and captures the session tokens. A wrong PIN is never retried, so your account is never locked by the extension.",
  'login.timeout': 'Give up after (seconds)',
  'login.timeoutHint': 'Between {min} and {max}. A login that takes longer stops and leaves its tab open.',
  'login.schedule': 'Schedule',
  'login.everyMorning': 'Log in every trading morning by itself',
  'login.time': 'Time (India, IST)',
  'login.days': 'Days',
  'login.day0': 'Sunday',
  'login.day1': 'Monday',
  'login.day2': 'Tuesday',
  'login.day3': 'Wednesday',
  'login.day4': 'Thursday',
  'login.day5': 'Friday',
  'login.day6': 'Saturday',
  'login.holidays': 'Holidays to skip (one date per line, like 2026-01-26)',
  'login.notDateLike': 'Not a date like 2026-01-26: {list}',
  'login.notDates': 'Not dates: {list}',
  'login.holidayOne': '1 holiday.',
  'login.holidayMany': '{n} holidays.',
  'login.lockedNote':
    'If the vault is locked at that time, you get a notification and the login runs when you unlock the same day.',
  'login.nextRun': 'Next run: {when}',
  'login.saveSettings': 'Save daily login settings',
  'login.saved': 'Saved.',
  'login.notSaved': 'Not saved.',
  'login.accounts': 'Accounts',
  'login.noAccounts': 'No accounts yet.',
  'login.dailyFor': 'Daily login for {label}',
  'login.dailyCheck': 'Daily login (in "Log in all" and the schedule)',
  'login.autoFillFor': "Fill automatically for {label} when a site opens Angel's login",
  'login.autoFill': "Fill automatically when a site opens Angel's login",
} as const;

export type InPageKey = keyof typeof enInPage;
export type PortalLoginUiKey = keyof typeof enPortalLoginUi;
