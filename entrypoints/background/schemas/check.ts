/**
 * The router's payload check (utils/messaging.ts `setPayloadCheck`): the message type's
 * schema parses the payload; a type without a schema is refused too (fail closed).
 */
import * as v from 'valibot';
import { setPayloadCheck, type PayloadVerdict } from '@/utils/messaging';
import { t } from '@/utils/i18n/text';
import { payloadSchemas } from '.';

const schemas: Record<string, v.GenericSchema | undefined> = payloadSchemas;

export function checkPayload(type: string, data: unknown): PayloadVerdict {
  const schema = Object.hasOwn(schemas, type) ? schemas[type] : undefined;
  const result = schema ? v.safeParse(schema, data) : null;
  if (result?.success) return { ok: true, data: result.output };
  return { ok: false, message: t('rtbg.badRequest') };
}

export function checkPayloads(): void {
  setPayloadCheck(checkPayload);
}
