/**
 * English texts of validation advice (utils/angel/advice.ts) and of how a login ended
 * (en.loginEnd.ts): stored results the popup shows, so it loads them on demand.
 */
import { enLoginEnd } from './en.loginEnd';

export const enAdvice = {
  ...enLoginEnd,
  'adv.lockout': 'Do not try again and again: repeated wrong PINs can lock your Angel account.',
  'adv.skewBehind': "{amount} s behind Angel's clock",
  'adv.skewAhead': "{amount} s ahead of Angel's clock",
  'adv.clockUnknown':
    "Also check that this computer's clock is set automatically (the offset to Angel's clock could not be measured).",
  'adv.clockFine': "This computer's clock is fine ({skew}), so the TOTP secret is the likely cause.",
  'adv.clockOff':
    'This computer\'s clock is {skew}: turn on "Set time automatically" in the system settings, then validate again (meanwhile the extension corrects its codes by the measured offset).',
  'adv.fieldClientCode': 'client code',
  'adv.fieldMpin': '4-digit MPIN',
  'adv.fieldTotp': 'TOTP secret',
  'adv.fieldApiKey': 'API key',
  'adv.and': '{list} and {last}',
  'adv.mpinExpl': 'Angel received a password instead of your 4-digit MPIN and refused the login.',
  'adv.mpinNext':
    'Edit the account and store the 4-digit MPIN you use in the Angel One app, not your trading password. {lockout}',
  'adv.totpExpl': 'Angel refused the TOTP code.',
  'adv.totpNext':
    'Check that the stored TOTP secret is the one Angel showed on its enable-TOTP page (enable TOTP again if unsure). {clock}',
  'adv.credExpl': 'Angel says the client code or the PIN is wrong.',
  'adv.credNext':
    'Check the client code (your Angel login id, e.g. A123456) and the 4-digit MPIN in the account. {lockout}',
  'adv.clientExpl': 'Angel does not recognise the client code.',
  'adv.clientNext':
    'Check the client code in the account: it is your Angel login id (e.g. A123456), not your email or phone number.',
  'adv.pinLenExpl': 'Angel says the PIN has the wrong length.',
  'adv.pinLenNext': 'Edit the account and store your 4-digit MPIN.',
  'adv.keyExpl': 'Angel does not accept the API key.',
  'adv.keyNext':
    'Copy the API key again from My Profile → My APIs on smartapi.angelone.in (the eye icon beside your app). Use the API key, not the secret key, of an app that belongs to this client code.',
  'adv.ab1004Expl':
    'Angel answered "Something went wrong" (AB1004): its servers could not process the login.',
  'adv.ab1004Next':
    'Try again in a few minutes. If it keeps happening, check that the API key belongs to a Trading API app of this client code.',
  'adv.tokenInvalid': 'Angel refused the session token: it was not valid.',
  'adv.tokenExpired': 'Angel refused the session token: it had expired.',
  'adv.tokenMissing': 'Angel refused the session token: it was missing.',
  'adv.tokenNext':
    'Validate again to get a fresh session. If this repeats right after a successful login, the API key probably belongs to a different Angel account.',
  'adv.refreshInvalid': 'Angel refused the refresh token (not valid).',
  'adv.refreshExpired': 'Angel refused the refresh token (expired).',
  'adv.refreshNext': 'Validate again: a new login gives new tokens.',
  'adv.sessionExpired': "Angel's trading session has expired.",
  'adv.notLoggedIn': 'Angel says this client is not logged in.',
  'adv.loginAfresh': 'Validate again to log in afresh.',
  'adv.noMessage': 'no message',
  'adv.unknownExpl': 'Angel refused the login and said {said}.',
  'adv.unknownExplCode': 'Angel refused the login and said {said} (code {code}).',
  'adv.unknownNext':
    "Check the account's details against Angel's message. If it is unclear, search the code on Angel's Smart API forum or ask Angel support.",
  'adv.noTokensExpl': 'Angel reported success but sent no session token.',
  'adv.againLater': 'Validate again in a few minutes.',
  'adv.networkExpl': "Could not reach Angel's API ({hosts}).",
  'adv.networkNext':
    'Check the internet connection, and any VPN, proxy or firewall that could block Angel, then validate again.',
  'adv.timeoutExpl': 'Angel did not answer within {seconds} s ({host}).',
  'adv.timeoutNext':
    'Angel is often slow just before market open: validate again in a minute, or raise the time limit under "Validate accounts" in the options.',
  'adv.missingExpl': 'This account has no {names} stored, so the extension cannot log in to Angel with it.',
  'adv.missingNext': 'Edit the account and add the {names}.',
  'adv.totpFailedExpl': 'The extension could not make a TOTP code from the stored secret.',
  'adv.totpFailedNext':
    "Edit the account and paste the TOTP secret again exactly as Angel's enable-TOTP page shows it.",
  'adv.comma': '{first}, {rest}',
  'adv.then': '{first}, then {next}',
  'adv.rejectedExpl':
    'Angel\'s firewall rejected the request ("Request Rejected" page{support}). Your details were not checked.',
  'adv.supportId': ', support ID {id}',
  'adv.rejectedNext':
    'Wait a few minutes and validate again. If it persists, turn off any VPN or proxy{support}.',
  'adv.quoteSupport': ', or contact Angel support quoting support ID {id}',
  'adv.malformedExpl':
    "Angel's answer could not be read ({why}, HTTP {status}). Your details were not checked.",
  'adv.whyEmpty': 'empty answer',
  'adv.whyBadJson': 'malformed JSON',
  'adv.whyNotJson': 'not JSON',
  'adv.whyUnexpected': 'unexpected format',
  'adv.malformedNext': "This is on Angel's side: validate again in a few minutes.",
  'adv.interruptedExpl':
    "The validation was interrupted: the browser stopped the extension's background while it ran.",
  'adv.validateAgain': 'Validate again.',
  'adv.internalExpl': 'The validation stopped because of a problem inside the extension.',
  'adv.fixThenAgain': 'Fix that, then validate again.',
  'adv.internalNext': 'Validate again; if it keeps failing, reload the extension.',
  'adv.withAngel': '{text} {said}',
} as const;

export type AdviceKey = keyof typeof enAdvice;
