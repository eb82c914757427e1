/**
 * Hiding secret values in text that came back from a webhook (a refusal that echoes the
 * request, as FastAPI's 422 and many error pages do) before any of it is stored or shown.
 *
 * A value is looked for in every form a server might echo it in: as is, JSON-escaped,
 * URL-encoded, hex (either case), and base64 / base64url / base32 at every byte alignment,
 * so a value inside a longer encoded blob is found too.
 */
import { encodeBase32 } from '../vault/base32';
import { toBase64, utf8 } from '../vault/bytes';
import type { TokenPayload } from './types';

export const HIDDEN = '[hidden]';
/** Encoded fragments shorter than this are not hunted for (they would match by chance). */
const MIN_FRAGMENT = 6;

/** The characters of `encoded` (one char per `bits` bits) that depend only on the value's bytes. */
function coreFragment(encoded: string, bits: number, padBytes: number, valueBytes: number): string {
  const start = padBytes * 8;
  const end = start + valueBytes * 8;
  let out = '';
  for (let i = 0; i < encoded.length; i++) {
    if (i * bits >= start && (i + 1) * bits <= end) out += encoded[i];
  }
  return out;
}

function base64Fragments(bytes: Uint8Array): string[] {
  const out: string[] = [];
  for (let pad = 0; pad < 3; pad++) {
    const padded = new Uint8Array(pad + bytes.length + 2);
    padded.set(bytes, pad);
    const core = coreFragment(toBase64(padded).replace(/=+$/, ''), 6, pad, bytes.length);
    out.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return out;
}

function base32Fragments(bytes: Uint8Array): string[] {
  const out: string[] = [];
  for (let pad = 0; pad < 5; pad++) {
    const padded = new Uint8Array(pad + bytes.length + 4);
    padded.set(bytes, pad);
    out.push(coreFragment(encodeBase32(padded), 5, pad, bytes.length));
  }
  return out;
}

function hex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/** Every form of `value` to hide, longest first. */
export function secretForms(value: string): string[] {
  if (value.length < 4) return [];
  const bytes = utf8(value);
  const forms = new Set<string>([value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value)]);
  forms.add(encodeURIComponent(value).replace(/%20/g, '+'));
  for (const f of [hex(bytes), ...base64Fragments(bytes), ...base32Fragments(bytes)]) {
    if (f.length >= MIN_FRAGMENT) forms.add(f);
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `text` with every form of every value replaced by "[hidden]". Hex and base32 are matched
 * without regard to case; the other forms exactly.
 */
export function maskSecrets(text: string, values: Array<string | undefined>): string {
  let out = text;
  for (const value of values) {
    if (!value) continue;
    for (const form of secretForms(value)) {
      const caseless = /^[0-9a-f]+$/i.test(form) || /^[A-Z2-7]+$/.test(form);
      out = out.replace(new RegExp(escapeRegExp(form), caseless ? 'gi' : 'g'), HIDDEN);
    }
  }
  return out;
}

/** The values of a webhook body that must never be stored in the clear. */
export function payloadSecrets(body: string): string[] {
  try {
    const p = JSON.parse(body) as Partial<TokenPayload>;
    return [p.auth_token, p.feed_token, p.refresh_token].filter(
      (v): v is string => typeof v === 'string' && v !== '',
    );
  } catch {
    return [];
  }
}
