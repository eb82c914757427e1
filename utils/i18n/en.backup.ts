/**
 * English texts for the parts of the set-up an encrypted backup carries besides the accounts
 * (utils/vault/backupGroups.ts) and for the import's follow-up (site access for webhooks).
 * Spread into `en` (en.ts); the Hindi twin is hi.backup.ts.
 */
export const enBackup = {
  'bkg.badGroup':
    'The backup file is damaged: its part "{group}" is not valid. Nothing was imported. Use another copy of the backup.',
  'bkg.setupTitle': 'The rest of the set-up',
  'bkg.g.deliveryTargets': 'Delivery targets (webhooks and Angel redirects, with their signing secrets)',
  'bkg.g.profiles': 'Registration profiles',
  'bkg.g.loginSettings': 'Daily login schedule and settings',
  'bkg.g.validationSettings': 'Validation settings',
  'bkg.g.settings': 'Other settings (auto-lock, language)',
  'bkg.g.vaultExtras': 'Other vault data (taught page rules, trading platforms you added)',
  'bkg.line': '{group}: {n} in the backup, {action}',
  'bkg.a.merge': 'added to yours',
  'bkg.a.replace': 'replace yours',
  'bkg.a.keep': 'yours are kept (merge keeps your settings; choose Replace to restore them)',
  'bkg.a.absent': 'not in this backup (an older one): yours are kept',
  'bkg.siteAccess':
    'Site access is needed again for {n} webhook site(s): {sites}. The browser does not restore site permissions with a backup, and deliveries wait until you grant it.',
  'bkg.grant': 'Grant site access',
  'bkg.granted': 'Site access granted: deliveries to those webhooks can go out.',
  'bkg.notGranted':
    'Access was not granted. Deliveries to those webhooks wait until you grant it, here or in Delivery.',
} as const;

export type BackupKey = keyof typeof enBackup;
