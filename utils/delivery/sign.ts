/**
 * Webhook signatures: X-Signature = lower-case hex HMAC-SHA256 over `${timestamp}.${body}`,
 * keyed with the UTF-8 bytes of the target's secret exactly as shown to the user.
 * WebCrypto only, so the same code runs in the background, in pages and in Node tests.
 */
const encoder = new TextEncoder();

export const SECRET_BYTES = 32;

function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** A new signing secret: 32 random bytes, written as 64 lower-case hex characters. */
export function generateSecret(): string {
  const bytes = new Uint8Array(SECRET_BYTES);
  crypto.getRandomValues(bytes);
  return toHex(bytes);
}

/** The exact string that is signed. */
export function signedMessage(timestamp: number, body: string): string {
  return `${timestamp}.${body}`;
}

export async function hmacSha256Hex(key: string, message: string): Promise<string> {
  const cryptoKey = await crypto.subtle.importKey(
    'raw',
    encoder.encode(key),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(message));
  return toHex(new Uint8Array(mac));
}

/** Seconds since the epoch, as sent in X-Timestamp. */
export function unixSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}

export interface SignedHeaders {
  'Content-Type': 'application/json';
  'X-Timestamp': string;
  'X-Signature': string;
  'Idempotency-Key': string;
}

export async function signedHeaders(
  secret: string,
  eventId: string,
  body: string,
  nowMs: number,
): Promise<SignedHeaders> {
  const ts = unixSeconds(nowMs);
  return {
    'Content-Type': 'application/json',
    'X-Timestamp': String(ts),
    'X-Signature': await hmacSha256Hex(secret, signedMessage(ts, body)),
    'Idempotency-Key': eventId,
  };
}
