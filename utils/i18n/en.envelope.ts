/**
 * What the vault envelope's checks say (utils/vault/envelope.ts, EnvelopeError) and the
 * background's replies built around them. English, the reference; Hindi in hi.envelope.ts.
 */
export const enEnvelope = {
  'env.notJson': 'The stored vault is not valid JSON.',
  'env.notObject': 'The stored vault is not an object.',
  'env.noVersion': 'The stored vault has no version and does not match the earliest format either.',
  'env.newerVersion':
    'The stored vault has format version {version}, which this version of the extension does not know (it reads 1 and 2). A newer version of the extension may have written it.',
  'env.kdf': "The stored vault's key-derivation settings are missing or damaged.",
  'env.wrappedKey': "The stored vault's wrapped key is missing or damaged.",
  'env.data': "The stored vault's encrypted data is missing or damaged.",
  'env.wrongPassword': 'The password is not correct.',
  'env.keyLength': 'The stored vault key has the wrong length.',
  'env.integrity':
    'The password is right, but the encrypted accounts fail their integrity check: the stored data was changed or damaged.',
  'env.notText': 'The decrypted vault is not text.',
  'env.wrongPasswordV1':
    'The password is not correct (or the stored vault of an earlier version is damaged).',
  'env.cannotRead': 'The stored vault cannot be read: {problem} Open the options page to restore a backup.',
  'env.nothingChanged': '{problem} Nothing was changed. Open the options page to restore a backup.',
  'env.unlockFirst': 'Unlock the vault once (this upgrades its storage format), then change the password.',
  'env.cannotChangePassword':
    'The stored vault cannot be read, so its password cannot be changed. Restore a backup or reset the vault.',
};

export type EnvelopeKey = keyof typeof enEnvelope;
