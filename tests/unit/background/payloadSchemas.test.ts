import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import * as v from 'valibot';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  dispatch,
  handle,
  setPlatformOriginCheck,
  type MessageType,
  type Sender,
  type SenderKind,
} from '@/utils/messaging';
import { payloadSchemas } from '@/entrypoints/background/schemas';
import { checkPayload } from '@/entrypoints/background/schemas/check';
import { registerFeatures } from '@/entrypoints/background/features';
import { enBackground } from '@/utils/i18n/en.background';
import { clearHandlers, registeredHandlers } from '@/tests/unit/testHooks';

const RUNS = 10_000;
const PORTAL = 'https://smartapi.angelbroking.com';
const PLATFORM = 'https://webx.stocksdeveloper.in';
function senderOf(from: SenderKind): Sender {
  const id = fakeBrowser.runtime.id;
  if (from === 'page') return { id, url: fakeBrowser.runtime.getURL('/popup.html') };
  const origin = from === 'platform' ? PLATFORM : PORTAL;
  return { id, url: `${origin}/`, origin, tab: { id: 7 } as Sender['tab'], frameId: 0 };
}

type Schema = v.GenericSchema & {
  entries?: Record<string, v.GenericSchema>;
  options?: (v.GenericSchema & { entries?: Record<string, v.GenericSchema> })[];
};

/** Objects with the schema's own keys and random values: the payloads most likely to slip through. */
function nearMiss(schema: Schema): fc.Arbitrary<unknown> {
  const shapes = [schema, ...(schema.options ?? [])].filter((s) => s.entries);
  if (!shapes.length) return fc.anything();
  const value = fc.oneof(
    fc.anything(),
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constantFrom(null, undefined, '', 'merge', 'webhook', 'angel-redirect', 'clientCode', 'totp'),
    fc.array(fc.oneof(fc.string(), fc.integer())),
    fc.dictionary(fc.string(), fc.anything()),
  );
  return fc.oneof(
    ...shapes.map((s) =>
      fc.record(Object.fromEntries(Object.keys(s.entries!).map((k) => [k, value])), { requiredKeys: [] }),
    ),
  );
}

describe('message payload schemas at the router', () => {
  let registered: { type: string; from: SenderKind }[] = [];
  beforeAll(() => {
    fakeBrowser.reset();
    // Event sources the fake browser does not implement: only the messages matter here.
    const noop = { addListener: vi.fn() };
    vi.spyOn(fakeBrowser, 'commands', 'get').mockReturnValue({ onCommand: noop } as never);
    vi.spyOn(fakeBrowser, 'contextMenus', 'get').mockReturnValue({
      onClicked: noop,
      removeAll: () => Promise.resolve(),
      create: vi.fn(),
    } as never);
    clearHandlers();
    registerFeatures();
    registered = registeredHandlers();
    clearHandlers();
  });
  afterAll(() => vi.restoreAllMocks());
  beforeEach(() => setPlatformOriginCheck(() => Promise.resolve(true)));

  it('every registered handler has a schema, and every schema has a handler', () => {
    expect(registered.length).toBeGreaterThan(60);
    const types = registered.map((r) => r.type).sort();
    expect(types).toEqual(Object.keys(payloadSchemas).sort());
  });

  it('a type without a schema is refused (fail closed)', () => {
    expect(checkPayload('no/such-type', undefined)).toEqual({
      ok: false,
      message: enBackground['rtbg.badRequest'],
    });
    expect(checkPayload('__proto__', undefined).ok).toBe(false);
  });

  it('a bad payload gets a plain bad-request reply and the handler never runs', async () => {
    let ran = 0;
    handle('accounts/delete', 'page', () => void ran++);
    const reply = await dispatch({ __sac: 1, type: 'accounts/delete', data: { id: 42 } }, senderOf('page'));
    expect(reply).toEqual({ ok: false, code: 'bad-request', message: enBackground['rtbg.badRequest'] });
    expect(ran).toBe(0);
    clearHandlers();
  });

  it('a good payload reaches the handler parsed: unknown keys are dropped', async () => {
    let got: unknown;
    handle('accounts/delete', 'page', (data) => void (got = data));
    const data = { id: 'a1', extra: 'x' };
    const reply = await dispatch({ __sac: 1, type: 'accounts/delete', data }, senderOf('page'));
    expect(reply).toEqual({ ok: true, value: undefined });
    expect(got).toEqual({ id: 'a1' });
    clearHandlers();
  });

  it('no-payload messages hand the handler nothing, whatever arrives', async () => {
    let got: unknown = 'unset';
    handle('vault/lock', 'page', ((data: unknown) => void (got = data)) as never);
    await dispatch({ __sac: 1, type: 'vault/lock', data: { password: 'x' } }, senderOf('page'));
    expect(got).toBeUndefined();
    clearHandlers();
  });

  it('10,000 random payloads per message type: always a typed reply, the handler only sees parsed data', async () => {
    for (const { type, from } of registered) {
      const schema = payloadSchemas[type as MessageType] as Schema;
      let calls = 0;
      clearHandlers();
      handle(type as MessageType, from as never, (data: unknown) => {
        calls++;
        // The stand-in handler fails the run if anything unparsed reaches it.
        if (!v.is(schema, data)) throw new Error(`unparsed payload reached ${type}`);
        return 'handled' as never;
      });
      const sender = senderOf(from);
      const refused = JSON.stringify({
        ok: false,
        code: 'bad-request',
        message: enBackground['rtbg.badRequest'],
      });
      let refusals = 0;
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.anything(), nearMiss(schema)), async (data) => {
          const reply = await dispatch({ __sac: 1, type, data }, sender);
          // Plain checks, not expect(): this runs 800,000 times.
          if (reply?.ok === true && reply.value === 'handled') return;
          if (JSON.stringify(reply) !== refused)
            throw new Error(`${type}: untyped reply ${JSON.stringify(reply)}`);
          refusals++;
        }),
        { numRuns: RUNS },
      );
      // Messages with a payload refuse some random ones; those without hand every one on.
      if (schema.entries || schema.options) expect(refusals, type).toBeGreaterThan(0);
      else expect(calls, type).toBe(RUNS);
      expect(calls + refusals, type).toBe(RUNS);
    }
    clearHandlers();
  }, 600_000);
});
