/**
 * The JSON Schema of the webhook body (draft 2020-12), and a small validator for the part of
 * JSON Schema it uses. docs/webhook.md shows this same schema; a unit test keeps them equal.
 */
export const PAYLOAD_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://github.com/smartapi-companion/schemas/angel-tokens-v1.json',
  title: 'SmartAPI Companion token delivery',
  type: 'object',
  additionalProperties: false,
  required: [
    'schema_version',
    'event_id',
    'test',
    'broker',
    'account_label',
    'client_code',
    'api_key_last4',
    'platform',
    'auth_token',
    'captured_at',
    'expires_at',
    'source',
  ],
  properties: {
    schema_version: { const: 1 },
    event_id: {
      type: 'string',
      format: 'uuid',
      description: 'Unique per delivery; equals the Idempotency-Key header.',
    },
    test: { type: 'boolean', description: 'true for "Send test event": the tokens are fake.' },
    broker: { const: 'angel' },
    account_label: { type: 'string', maxLength: 200 },
    client_code: { type: 'string', minLength: 1, maxLength: 50 },
    api_key_last4: { type: 'string', maxLength: 4 },
    platform: { enum: ['SMART_API', 'SMART_API_M'] },
    auth_token: { type: 'string', minLength: 1, description: 'JWT for Authorization: Bearer.' },
    feed_token: {
      type: 'string',
      minLength: 1,
      description: 'Present only when Angel returned one (for the market-data WebSocket).',
    },
    refresh_token: { type: 'string', minLength: 1, description: 'Present only when Angel returned one.' },
    captured_at: { type: 'string', format: 'date-time' },
    expires_at: {
      type: 'string',
      format: 'date-time',
      description: 'Next midnight in India (IST) after capture.',
    },
    source: { enum: ['publisher-login', 'rest-login'] },
  },
} as const;

/** The subset of JSON Schema the validator understands. */
export interface SchemaNode {
  type?: 'object' | 'string' | 'boolean' | 'number' | 'integer';
  const?: unknown;
  enum?: readonly unknown[];
  format?: 'uuid' | 'date-time';
  minLength?: number;
  maxLength?: number;
  required?: readonly string[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean;
  [key: string]: unknown;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// RFC 3339 date-time, with an explicit offset or Z.
const DATE_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function typeOk(type: NonNullable<SchemaNode['type']>, v: unknown): boolean {
  switch (type) {
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'string':
      return typeof v === 'string';
    case 'boolean':
      return typeof v === 'boolean';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'integer':
      return Number.isInteger(v);
  }
}

/** Returns a list of problems, each naming the JSON path; [] means valid. */
export function validateAgainst(schema: SchemaNode, value: unknown, path = '$'): string[] {
  const errors: string[] = [];
  if ('const' in schema && schema.const !== value) {
    errors.push(`${path} must be ${JSON.stringify(schema.const)}`);
  }
  if (schema.enum && !schema.enum.includes(value)) {
    errors.push(`${path} must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`);
  }
  if (schema.type && !typeOk(schema.type, value)) {
    errors.push(`${path} must be of type ${schema.type}`);
    return errors;
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength)
      errors.push(`${path} is too short`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength) errors.push(`${path} is too long`);
    if (schema.format === 'uuid' && !UUID_RE.test(value)) errors.push(`${path} must be a UUID`);
    if (schema.format === 'date-time' && (!DATE_TIME_RE.test(value) || Number.isNaN(Date.parse(value)))) {
      errors.push(`${path} must be an RFC 3339 date-time`);
    }
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    for (const key of schema.required ?? []) {
      if (!(key in obj)) errors.push(`${path}.${key} is required`);
    }
    const props = schema.properties ?? {};
    for (const [key, v] of Object.entries(obj)) {
      const sub = props[key];
      if (sub) errors.push(...validateAgainst(sub, v, `${path}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${path}.${key} is not allowed`);
    }
  }
  return errors;
}

export function validatePayload(value: unknown): string[] {
  return validateAgainst(PAYLOAD_SCHEMA as unknown as SchemaNode, value);
}
