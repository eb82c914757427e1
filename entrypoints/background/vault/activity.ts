/**
 * Which incoming messages count as user activity for auto-lock. Only requests a person makes
 * happen: a key press, click or opening of an extension page (pages send `vault/touch` for
 * those), and actions started with a click (save, import, start a login, send a test ...).
 * What pages ask on their own while open (status, lists, codes, overviews) never counts, so a
 * forgotten tab does not keep the vault unlocked.
 */
const ACTIVITY = new Set([
  'vault/touch',
  'vault/change-password',
  'accounts/save',
  'accounts/delete',
  'accounts/reorder',
  'backup/export',
  'backup/import',
  'backup/export-otpauth',
  'backup/import-otpauth',
  'login/start',
  'login/start-all',
  'validate/account',
  'validate/all',
  'delivery/add-target',
  'delivery/remove-target',
  'delivery/rotate-secret',
  'delivery/send-test',
  'delivery/retry-now',
  'delivery/discard',
  'delivery/confirm-targets',
  'shortcuts/copy-default',
  'shortcuts/fill-focused',
]);

/** True for a router message from which auto-lock should be pushed back. */
export function dispatchActivityTypes(message: unknown): boolean {
  if (!message || typeof message !== 'object') return false;
  const m = message as { __sac?: unknown; type?: unknown };
  return m.__sac === 1 && typeof m.type === 'string' && ACTIVITY.has(m.type);
}
