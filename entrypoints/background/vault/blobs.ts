/** Blobs sealed with the vault key (outbox bodies etc.): they open only while the vault is unlocked. */
import { t } from '@/utils/i18n/text';
import { UserError } from '@/utils/messaging';
import { decrypt, encrypt } from '@/utils/vault/envelope';
import { fromUtf8, utf8 } from '@/utils/vault/bytes';
import { sessionCryptoKey } from './store';

const AAD_BLOB = utf8('SmartAPI Companion sealed blob v1');
const BLOB_PREFIX = 'sac1:';

const blobKey = sessionCryptoKey;

/** Blobs bound to a context (e.g. an outbox entry's event, target and URL) use its bytes too. */
const BOUND_PREFIX = 'sac2:';
function boundAad(context: string): Uint8Array<ArrayBuffer> {
  return utf8(`SmartAPI Companion sealed blob v2\n${context}`);
}

/**
 * Seal `plain` with the vault key. With `context`, the same context is needed to open it: a
 * blob moved to another place (another entry, target or URL) no longer opens.
 */
export async function sealBlob(plain: string, context?: string): Promise<string> {
  if (context !== undefined) {
    const bound = await encrypt(await blobKey(), utf8(plain), boundAad(context));
    return `${BOUND_PREFIX}${bound.iv}:${bound.ct}`;
  }
  const box = await encrypt(await blobKey(), utf8(plain), AAD_BLOB);
  return `${BLOB_PREFIX}${box.iv}:${box.ct}`;
}

/** True for a blob sealed without a context (before contexts existed). */
export function isUnboundBlob(sealed: string): boolean {
  return typeof sealed === 'string' && sealed.startsWith(BLOB_PREFIX);
}

/** Open a sealed blob; a bound one only with the context it was sealed with. */
export async function openBlob(sealed: string, context?: string): Promise<string> {
  const key = await blobKey();
  const bound = typeof sealed === 'string' && sealed.startsWith(BOUND_PREFIX);
  const m =
    typeof sealed === 'string' && (sealed.startsWith(BLOB_PREFIX) || (bound && context !== undefined))
      ? sealed.slice(BLOB_PREFIX.length).split(':')
      : [];
  if (m.length !== 2) throw new UserError('blob-damaged', t('vdmg.blob'));
  let plain: Uint8Array<ArrayBuffer> | null;
  try {
    plain = await decrypt(key, { iv: m[0]!, ct: m[1]! }, bound ? boundAad(context!) : AAD_BLOB);
  } catch {
    plain = null;
  }
  if (!plain) throw new UserError('blob-damaged', t('vdmg.blobReset'));
  return fromUtf8(plain);
}
