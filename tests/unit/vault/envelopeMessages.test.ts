import { describe, expect, it } from 'vitest';
import '@/utils/i18n';
import { render, setCorePageLanguage } from '@/utils/i18n/core';
import { enEnvelope } from '@/utils/i18n/en.envelope';
import { hiEnvelope } from '@/utils/i18n/hi.envelope';
import { EnvelopeError, parseEnvelope } from '@/utils/vault/envelope';

/** The message a damaged envelope gives, worded in a language. */
function problemOf(raw: unknown): EnvelopeError {
  try {
    parseEnvelope(raw);
  } catch (err) {
    if (err instanceof EnvelopeError) return err;
    throw err;
  }
  throw new Error('parsed');
}

const DAMAGED: Array<[string, unknown]> = [
  ['not JSON', '{not json'],
  ['not an object', 7],
  ['no version, no v1 shape', { salt: 1 }],
  ['a newer version', { v: 9 }],
  ['bad KDF settings', { v: 2, kdf: { name: 'scrypt' } }],
];

describe('a damaged envelope says what is wrong as a message, worded at the edge', () => {
  it.each(DAMAGED)('%s: English and Hindi texts, no raw key or placeholder', (_name, raw) => {
    const err = problemOf(raw);
    expect(err.problem.code in enEnvelope).toBe(true);
    // The Error's own message is the code (logs), never a sentence in one language.
    expect(err.message).toBe(err.problem.code);
    setCorePageLanguage('en');
    const en = render(err.problem);
    setCorePageLanguage('hi');
    const hi = render(err.problem);
    setCorePageLanguage('en');
    expect(en).not.toMatch(/[{}]|^env\./);
    expect(hi).not.toMatch(/[{}]|^env\./);
    expect(hi).not.toBe(en);
  });

  it('a newer version names the version it found', () => {
    const err = problemOf({ v: 9 });
    setCorePageLanguage('en');
    expect(render(err.problem)).toContain('format version 9');
  });

  it('the Hindi catalogue has every envelope key', () => {
    expect(Object.keys(hiEnvelope).sort()).toEqual(Object.keys(enEnvelope).sort());
  });
});
