import { readFileSync } from 'node:fs';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildPayload, maskToken, testTokens } from '@/utils/delivery/payload';
import { nextMidnightIst } from '@/utils/ist';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import type { SessionTokens } from '@/utils/vault/types';

const account = {
  label: 'Main',
  clientCode: 'A123456',
  platform: 'SMART_API' as const,
  secrets: { mpin: '9081', totpSecret: 'JBSWY3DPEHPK3PXP', apiKey: 'abcdEFGH9xQz' },
};
const captured = Date.parse('2026-11-28T03:32:05.120Z');
const tokens: SessionTokens = {
  authToken: 'eyJhbGciOiJIUzUxMiJ9.payload.sig',
  feedToken: 'feed-123',
  refreshToken: 'refresh-456',
  capturedAt: captured,
  expiresAt: nextMidnightIst(captured),
  source: 'rest-login',
};
const EVENT = '6f1c2b9e-4d3a-4c1b-9e8f-0a1b2c3d4e5f';

function docsBlocks(): string[] {
  const md = readFileSync(new URL('../../../docs/webhook.md', import.meta.url), 'utf8');
  return [...md.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => m[1]!);
}

/** The published JSON Schema: the one block of docs/webhook.md with a `$schema`. */
function publishedSchema(): Record<string, unknown>[] {
  return docsBlocks()
    .map((b) => JSON.parse(b) as Record<string, unknown>)
    .filter((b) => '$schema' in b);
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// RFC 3339 date-time with an explicit offset or Z (what receivers' libraries parse).
const DATE_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addFormat('uuid', UUID_RE);
ajv.addFormat('date-time', { validate: (s: string) => DATE_TIME_RE.test(s) && !Number.isNaN(Date.parse(s)) });
const validate = ajv.compile(publishedSchema()[0]!);

/** Each problem as "<keyword> <path>" (e.g. "required /auth_token"); [] means valid. */
function validatePayload(value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => {
    const missing = e.keyword === 'required' ? `/${String(e.params.missingProperty)}` : '';
    const extra = e.keyword === 'additionalProperties' ? `/${String(e.params.additionalProperty)}` : '';
    return `${e.keyword} ${e.instancePath}${missing}${extra}`.trimEnd();
  });
}

describe('payload', () => {
  it('carries every documented field and passes the schema', () => {
    const p = buildPayload(account, tokens, { eventId: EVENT });
    expect(p).toEqual({
      schema_version: 1,
      event_id: EVENT,
      test: false,
      broker: 'angel',
      account_label: 'Main',
      client_code: 'A123456',
      api_key_last4: '9xQz',
      platform: 'SMART_API',
      auth_token: tokens.authToken,
      feed_token: 'feed-123',
      refresh_token: 'refresh-456',
      captured_at: '2026-11-28T03:32:05.120Z',
      expires_at: '2026-11-28T18:30:00.000Z',
      source: 'rest-login',
    });
    expect(validatePayload(p)).toEqual([]);
    expect(JSON.stringify(p)).not.toContain(account.secrets.apiKey);
    expect(JSON.stringify(p)).not.toContain(account.secrets.mpin);
    expect(JSON.stringify(p)).not.toContain(account.secrets.totpSecret);
  });

  it('leaves refresh_token out when Angel gave none', () => {
    const p = buildPayload(account, { ...tokens, refreshToken: undefined }, { eventId: EVENT });
    expect('refresh_token' in p).toBe(false);
    expect(validatePayload(p)).toEqual([]);
  });

  it('the schema rejects missing, mistyped and unknown fields', () => {
    const good = buildPayload(account, tokens, { eventId: EVENT }) as unknown as Record<string, unknown>;
    const without = (k: string) => Object.fromEntries(Object.entries(good).filter(([key]) => key !== k));
    expect(validatePayload(without('auth_token'))).toContain('required /auth_token');
    expect(validatePayload({ ...good, event_id: 'not-a-uuid' })).toContain('format /event_id');
    expect(validatePayload({ ...good, broker: 'zerodha' })).toContain('const /broker');
    expect(validatePayload({ ...good, source: 'manual' })).toContain('enum /source');
    expect(validatePayload({ ...good, captured_at: '28/11/2026' })).toContain('format /captured_at');
    expect(validatePayload({ ...good, captured_at: '2026-11-28T03:32:05' })).toContain('format /captured_at');
    expect(validatePayload({ ...good, test: 'no' })).toContain('type /test');
    expect(validatePayload({ ...good, api_key: 'leak' })).toContain('additionalProperties /api_key');
    expect(validatePayload({ ...good, feed_token: '' })).toContain('minLength /feed_token');
    expect(validatePayload({ ...good, client_code: 'A'.repeat(51) })).toContain('maxLength /client_code');
    // A login without a feed token sends none: still a valid payload.
    expect(validatePayload(without('feed_token'))).toEqual([]);
    const noFeed = buildPayload(account, { ...tokens, feedToken: '' }, { eventId: EVENT });
    expect('feed_token' in noFeed).toBe(false);
    expect(validatePayload(noFeed)).toEqual([]);
    expect(validatePayload([])).toContain('type');
  });

  it('test events say so and carry fake tokens', () => {
    const p = buildPayload(account, testTokens(captured, 'rest-login'), { eventId: EVENT, test: true });
    expect(p.test).toBe(true);
    expect(p.auth_token).toMatch(/^TEST-/);
    expect(validatePayload(p)).toEqual([]);
  });

  it('expires at the next midnight in India', () => {
    // 23:59 IST on 27 Nov = 18:29 UTC -> expires 18:30 UTC the same day.
    expect(new Date(nextMidnightIst(Date.parse('2026-11-27T18:29:00Z'))).toISOString()).toBe(
      '2026-11-27T18:30:00.000Z',
    );
    // 00:00 IST exactly -> the next midnight, 24 h later.
    expect(new Date(nextMidnightIst(Date.parse('2026-11-27T18:30:00Z'))).toISOString()).toBe(
      '2026-11-28T18:30:00.000Z',
    );
  });

  it('masks tokens for display', () => {
    expect(maskToken('eyJhbGciOiJIUzUxMiJ9.abc.defgh')).toBe('eyJh…efgh (30 chars)');
    expect(maskToken('short')).toBe('•••••');
    expect(maskToken(undefined)).toBe('—');
  });
});

describe('docs/webhook.md', () => {
  it('publishes exactly one JSON Schema, a valid draft 2020-12 schema', () => {
    const schemas = publishedSchema();
    expect(schemas).toHaveLength(1);
    expect(schemas[0]!.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(ajv.validateSchema(schemas[0]!)).toBe(true);
  });

  it('its example payload is valid and its worked signature is right', () => {
    const md = readFileSync(new URL('../../../docs/webhook.md', import.meta.url), 'utf8');
    const example = docsBlocks()
      .map((b) => JSON.parse(b) as Record<string, unknown>)
      .find((b) => 'event_id' in b);
    expect(validatePayload(example)).toEqual([]);
    const secret = /secret `([0-9a-f]{64})`/.exec(md)![1]!;
    const ts = /timestamp `(\d+)`/.exec(md)![1]!;
    const body = /body \(one line, exactly\):\n\n```\n(.*)\n```/.exec(md)![1]!;
    expect(JSON.parse(body)).toEqual(example);
    const sig = /gives `X-Signature: ([0-9a-f]{64})`/.exec(md)![1]!;
    expect(createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${ts}.${body}`).digest('hex')).toBe(sig);
  });
});
