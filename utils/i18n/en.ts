/**
 * English, the reference catalogue. Keys are grouped by the screen that shows them.
 * Placeholders are {name}; the Hindi catalogue must use the same ones.
 * These English texts are what the e2e tests look for: change them only with the tests.
 */
export const en = {
  'app.name': 'SmartAPI Companion',

  // Language switch (options page)
  'lang.title': 'Language',
  'lang.label': 'Language of the extension',
  'lang.auto': 'Same as the browser ({lang})',
  'lang.en': 'English',
  'lang.hi': 'Hindi',
  'lang.hint': 'Changes every page of the extension at once.',

  // Popup
  'popup.ariaLocked': 'SmartAPI Companion: locked',
  'popup.intro': 'Keep your Angel accounts in an encrypted vault and see live TOTP codes here.',
  'popup.setupVault': 'Set up the vault in Options',
  'popup.corruptFallback': 'The stored vault could not be read.',
  'popup.openOptionsRestore': 'Open options to restore a backup',
  'popup.lock': 'Lock',
  'popup.skew':
    "Your computer's clock is {skew} Angel's servers. The codes below are corrected for it, but fix the system clock (turn on automatic time) so other apps work too.",
  'popup.thisTab': 'This tab: {page}',
  'popup.noAccounts': 'No accounts yet. Add one in Options.',
  'popup.openOptions': 'Open options',
  'popup.openSetup': 'Open setup',

  // Angel page names (popup "This tab")
  'page.create-app-old': 'Smart API create-app form (old)',
  'page.create-app-new': 'Smart API create-app form (new)',
  'page.my-apis': 'Smart API — My APIs',
  'page.enable-totp': 'Smart API — enable TOTP',
  'page.publisher-login': 'Angel publisher login',
  'page.other': 'Smart API portal',

  // Options
  'options.loading': 'Loading…',
  'options.restoreTitle': 'Or restore from a backup',
  'options.restoreNote':
    'Moving to a new computer? Import the encrypted backup you exported; its password becomes your master password.',
  'options.unlockTitle': 'Unlock the vault',
  'options.forgot': 'Forgot the master password?',
  'options.forgotText':
    "Nobody can recover it. You can reset the vault and start again: add your accounts anew, or restore a backup you exported (with that backup's password) once the vault is reset.",
  'options.backupReminderLabel': 'Backup reminder',
  'options.backupReminderStrong': 'No backup yet.',
  'options.backupReminderText':
    'If this browser profile is lost, your stored accounts are lost with it. Export an encrypted backup and keep the file somewhere safe.',
  'options.exportBackup': 'Export a backup',
  'options.openSetup': 'Open the setup checklist',

  // Keyboard command and context menu (background)
  'cmd.copied': 'Code of {label} copied. Paste it within its 30 seconds.',
  'cmd.locked': 'Unlock to copy: open the extension and type your master password.',
  'cmd.noAccounts': 'No account yet: add one in the options page, then press the shortcut again.',
  'cmd.copyFailed': 'The code could not be copied. Open the popup and use its Copy button.',
  'menu.fill': 'Fill TOTP here',
  'menu.fillAs': 'Fill TOTP of {label}',
  'menu.locked': 'Unlock to fill: open the extension and type your master password.',
  'menu.noField': 'Click into the TOTP box on the page first, then choose "Fill TOTP here" again.',
  'menu.failed': 'The code could not be filled here. Reload the page and try again.',
  'menu.filled': 'TOTP of {label} filled in.',

  // Setup page
  'setup.pageTitle': 'Setup — SmartAPI Companion',
  'setup.title': 'Set up your Angel accounts',
  'setup.intro':
    'This checklist follows each account from Smart API sign-up to tokens delivered. It updates itself from what the extension has saved and checked: you never tick anything.',
  'setup.platformsTitle': 'Which platform?',
  'setup.col.platform': 'Platform',
  'setup.col.how': 'How it works',
  'setup.col.stored': 'What the extension stores',
  'setup.col.daily': 'Every trading day',
  'setup.smart.how': "Logs in with your client code, MPIN and TOTP through Angel's API. Recommended.",
  'setup.smart.stored': 'Client code, MPIN, TOTP secret, API key (encrypted)',
  'setup.smart.daily': 'Nothing to do: a login needs no person.',
  'setup.smartm.how':
    "OAuth style: you log in on Angel's own page and Angel sends the tokens to the Redirect URL.",
  'setup.smartm.stored': 'API key (and, for the one-click login, MPIN and TOTP secret)',
  'setup.smartm.daily': 'One login before trading (the extension can fill it for you).',
  'setup.choose':
    'Choose SMART_API if you want no daily step. Choose SMART_API_M if you prefer that no server keeps your login details.',
  'setup.needVault': 'First create your encrypted vault: it keeps the API key, MPIN and TOTP secret safe.',
  'setup.createVault': 'Create the vault in Options',
  'setup.locked': 'The vault is locked. Unlock it to see where each account stands.',
  'setup.corrupt': 'The stored vault could not be read. Open Options to restore a backup.',
  'setup.noAccounts': 'No account yet. Add your Angel account (label, client code and platform) in Options.',
  'setup.addAccount': 'Add an account in Options',
  'setup.accountTitle': '{label} ({client}) · {platform}',
  'setup.summary': '{done} of {total} steps done',
  'setup.allDone': 'All steps done: this account is ready.',
  'setup.nextStep': 'Next: {step}',
  'setup.state.done': 'Done',
  'setup.state.todo': 'To do',
  'setup.state.problem': 'Problem',
  'setup.openOptions': 'Open Options',
  'setup.refresh': 'Check again',

  'setup.step.signup': 'Sign up for Smart API',
  'setup.signup.done': 'Done: an API key is saved, so the Smart API account exists.',
  'setup.signup.todo': 'Sign up on the Smart API portal with your Angel client code.',
  'setup.signup.link': 'Open Smart API sign-up',

  'setup.step.createApp': 'Create the app',
  'setup.createApp.done': "Done: the app's API key is saved.",
  'setup.createApp.todo':
    'Add an app with API type "{apiType}", Redirect URL {redirect} and your static IP. The extension fills the form for you.',
  'setup.createApp.wrongType':
    'Your app profile uses "{profileType}", but {platform} needs "{apiType}". Change the API type in Options → app profiles before you create the app.',
  'setup.createApp.link': 'Open the create-app form',

  'setup.step.apiKey': 'Save the API key',
  'setup.apiKey.done': 'Saved (ends in {last4}).',
  'setup.apiKey.todo':
    'On My Profile → My APIs, press "Save to account…" beside your app, or type the key into the account in Options.',
  'setup.apiKey.problem': 'Angel refused the saved API key.',
  'setup.apiKey.link': 'Open My APIs',

  'setup.step.totp': 'Enable TOTP and save the secret',
  'setup.totp.done': 'The TOTP secret and MPIN are saved.',
  'setup.totp.todo':
    'Open enable-totp, confirm with the OTP from SMS or email, then press "Save TOTP secret to account…" when the QR code shows.',
  'setup.totp.needMpin': 'The TOTP secret is saved. Add the 4-digit MPIN to the account in Options.',
  'setup.totp.problem': 'Angel refused the TOTP or the MPIN.',
  'setup.totp.link': 'Open enable-totp',

  'setup.step.staticIp': 'Register a static IP',
  'setup.staticIp.done': 'Your app profile has the public IPv4 address {ip}.',
  'setup.staticIp.todo': 'Add your public IPv4 static address to the app profile in Options.',
  'setup.staticIp.problem': 'The static IP in your app profile cannot be registered.',
  'setup.staticIp.explain':
    'Orders from API apps must come from a registered static IP. Angel accepts IPv4 only and has no free pool: buy a dedicated IPv4 static IP from a proxy or hosting vendor and register it as your own (BYOIP). Home, office and mobile addresses (192.168.x.x, 10.x.x.x, 100.64.x.x) never work. If Angel says the IP is already registered, use another one.',

  'setup.step.verified.rest': 'Validate the account',
  'setup.step.verified.login': 'Do the first daily login',
  'setup.verified.restDone': 'Angel accepted the login on {when}.',
  'setup.verified.restTodo':
    "Press Validate: the extension logs in to Angel's API once with the saved details.",
  'setup.verified.restRunning': 'Checking with Angel…',
  'setup.verified.loginDone': 'Logged in on {when}.',
  'setup.verified.loginTodo':
    'Press "Log in" for this account in the popup or Options: Angel\'s page opens and is filled.',
  'setup.verified.problem': 'The last attempt failed.',

  'setup.step.delivery': 'Send the tokens somewhere',
  'setup.delivery.done': 'A delivery target received a test or real delivery.',
  'setup.delivery.none': "Add a token delivery target (your webhook or the app's Redirect URL) in Options.",
  'setup.delivery.untested': 'A target is set. Press "Send test event" beside it in Options.',
  'setup.delivery.problem': 'The last delivery failed.',
} as const;

export type MessageKey = keyof typeof en;
