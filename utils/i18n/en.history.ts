/**
 * English texts of the login history (options page) and of the confirmation asked before
 * logging in again with an MPIN Angel refused. Spread into `en` (en.ts).
 */
export const enHistory = {
  // Confirmation before a login with the MPIN Angel refused (popup, options)
  'lgwp.confirm': 'Angel said the MPIN was wrong. Log in with the same MPIN again?',
  'lgwp.confirmLeft':
    'Angel said the MPIN was wrong ({left} attempts left). Log in with the same MPIN again?',
  'lgwp.confirmOneLeft':
    'Angel said the MPIN was wrong (1 attempt left). Log in with the same MPIN again? One more wrong MPIN blocks the account.',

  // History (options page)
  'hist.title': 'History',
  'hist.intro':
    'Daily logins, validations and token deliveries of the last 60 days, kept encrypted on this computer. No PIN, code, key or token is kept.',
  'hist.account': 'Account',
  'hist.kind': 'Kind',
  'hist.result': 'Result',
  'hist.all': 'All',
  'hist.kindLogin': 'Daily login',
  'hist.kindValidation': 'Validation',
  'hist.kindDelivery': 'Delivery',
  'hist.success': 'Succeeded',
  'hist.failure': 'Failed',
  'hist.time': 'Time',
  'hist.step': 'Failed step',
  'hist.message': 'What was said',
  'hist.caption': '{shown} of {total} entries, newest first',
  'hist.empty': 'Nothing yet: logins, validations and deliveries will show here.',
  'hist.noMatch': 'No entry matches these filters.',
  'hist.exportCsv': 'Export CSV',
  'hist.exportHint': 'Exports the entries shown (with the filters applied).',
  'hist.exported': 'Saved {file}.',
  'hist.refresh': 'Refresh',
  'hist.clear': 'Clear history',
  'hist.clearConfirm': 'Delete all history entries? This cannot be undone.',
  'hist.clearYes': 'Delete all',
  'hist.cleared': 'History cleared.',
  'hist.unreadable':
    'Earlier history was sealed by a previous vault and cannot be read; new entries replace it.',
  'hist.loadFailed': 'The history could not be read.',
  'hist.deleted': '(deleted account)',
  'hist.validated': 'Logged in over the REST API; the account details work.',
  'hist.filters': 'Filter the history',
} as const;

export type HistoryKey = keyof typeof enHistory;
