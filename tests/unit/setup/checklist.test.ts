import { describe, expect, it } from 'vitest';
import { renderSaid, t } from '@/utils/i18n';
import { computeChecklist, nextStep, type StepId } from '@/utils/setup/checklist';
import { AUTOTRADER_PROFILE } from '@/utils/portal/profiles';
import type { AccountSummary } from '@/utils/vault/types';
import type { ValidationResult } from '@/utils/angel/protocol';
import type { TargetView } from '@/utils/delivery/protocol';

const bare: AccountSummary = {
  id: 'a1',
  label: 'Main',
  clientCode: 'A123',
  platform: 'SMART_API',
  redirectUrl: 'https://webx.stocksdeveloper.in/auth/angel',
  notes: '',
  totp: { algorithm: 'SHA1', digits: 6, period: 30 },
  dailyLogin: false,
  autoFill: false,
  hasMpin: true,
  hasTotpSecret: false,
  hasApiSecret: false,
  apiKeyLast4: '',
};
const ready: AccountSummary = { ...bare, hasTotpSecret: true, apiKeyLast4: 'Ab9z' };
const ok: ValidationResult = {
  accountId: 'a1',
  label: 'Main',
  clientCode: 'A123',
  state: 'ok',
  startedAt: 1,
  finishedAt: 2,
};
const target = (over: Partial<TargetView> = {}): TargetView => ({
  id: 't1',
  accountId: 'a1',
  kind: 'webhook',
  url: 'http://127.0.0.1:9/x',
  createdAt: 1,
  pending: 0,
  failed: 0,
  ...over,
});

function states(steps: ReturnType<typeof computeChecklist>): Record<StepId, string> {
  return Object.fromEntries(steps.map((s) => [s.id, s.state])) as Record<StepId, string>;
}

describe('setup checklist', () => {
  it('a new account has every step to do, in the order of docs/angel.md', () => {
    const steps = computeChecklist({ account: bare, targets: [], profile: AUTOTRADER_PROFILE });
    expect(steps.map((s) => s.id)).toEqual([
      'signup',
      'createApp',
      'apiKey',
      'totp',
      'staticIp',
      'verified',
      'platform',
      'delivery',
    ]);
    expect(steps.every((s) => s.state === 'todo')).toBe(true);
    expect(nextStep(steps)?.id).toBe('signup');
    expect(steps[1]!.params).toMatchObject({ apiType: 'Trading APIs' });
  });

  it('a fully set up account is done, with no next step', () => {
    const steps = computeChecklist({
      account: ready,
      validation: ok,
      targets: [target({ last: { at: 3, eventId: 'e', test: true, outcome: 'delivered', message: '' } })],
      profile: { ...AUTOTRADER_PROFILE, primaryIp: '49.36.12.7' },
      platform: { origin: 'https://webx.stocksdeveloper.in', filledAt: 4, listedAt: 5 },
    });
    expect(Object.values(states(steps)).every((s) => s === 'done')).toBe(true);
    expect(nextStep(steps)).toBeNull();
  });

  it('problems come from the checks and the last results, with their details', () => {
    const steps = computeChecklist({
      account: ready,
      validation: {
        ...ok,
        state: 'failed',
        advice: {
          code: 'AB1050',
          category: 'totp',
          explanation: 'Angel refused the TOTP.',
          nextStep: 'Save the current secret again.',
          credentialError: true,
        },
      },
      targets: [
        target({ last: { at: 3, eventId: 'e', test: true, outcome: 'failed', message: 'HTTP 401' } }),
      ],
      profile: { ...AUTOTRADER_PROFILE, primaryIp: '192.168.1.4' },
    });
    const s = states(steps);
    expect(s).toMatchObject({
      totp: 'problem',
      staticIp: 'problem',
      verified: 'problem',
      delivery: 'problem',
    });
    const detail = (id: string) =>
      steps
        .find((x) => x.id === id)!
        .detail!.map((part) => renderSaid(part, t))
        .join(' ');
    expect(detail('totp')).toContain('Angel refused the TOTP.');
    expect(detail('staticIp')).toMatch(/192\.168\.1\.4/);
    expect(detail('delivery')).toBe('HTTP 401');
  });

  it('SMART_API_M needs a Publisher app and a first daily login, not a REST validation', () => {
    const m: AccountSummary = { ...bare, platform: 'SMART_API_M' };
    const before = computeChecklist({ account: m, targets: [], profile: AUTOTRADER_PROFILE });
    expect(states(before).createApp).toBe('todo');
    expect(before.find((x) => x.id === 'createApp')!.note).toBe('setup.createApp.wrongType'); // profile: Trading
    expect(before.find((x) => x.id === 'verified')!.title).toBe('setup.step.verified.login');
    const after = computeChecklist({
      account: { ...m, apiKeyLast4: 'k3y9', hasTotpSecret: true },
      validation: ok, // ignored for publisher accounts
      login: { accountId: 'a1', ok: true, at: 5, message: '' },
      targets: [target()],
      profile: { ...AUTOTRADER_PROFILE, apiType: 'publisher' },
    });
    expect(states(after)).toMatchObject({ createApp: 'done', verified: 'done', delivery: 'todo' });
    const failedLogin = computeChecklist({
      account: m,
      login: { accountId: 'a1', ok: false, at: 5, message: 'Wrong PIN.' },
      targets: [],
      profile: null,
    });
    expect(states(failedLogin).verified).toBe('problem');
  });

  it("only this account's targets count", () => {
    const steps = computeChecklist({
      account: ready,
      targets: [
        target({
          accountId: 'other',
          last: { at: 3, eventId: 'e', test: true, outcome: 'delivered', message: '' },
        }),
      ],
      profile: null,
    });
    expect(states(steps).delivery).toBe('todo');
    expect(steps.find((x) => x.id === 'delivery')!.note).toBe('setup.delivery.none');
  });

  it('"Account added in AutoTrader Web": filled is not enough, the platform must list it', () => {
    const base = { account: ready, targets: [], profile: AUTOTRADER_PROFILE };
    const never = computeChecklist(base).find((s) => s.id === 'platform')!;
    expect(never).toMatchObject({ state: 'todo', note: 'setup.platform.todo' });
    const filled = computeChecklist({
      ...base,
      platform: { origin: 'https://webx.stocksdeveloper.in', filledAt: 4 },
    }).find((s) => s.id === 'platform')!;
    expect(filled).toMatchObject({ state: 'todo', note: 'setup.platform.filled' });
    const listed = computeChecklist({
      ...base,
      platform: { origin: 'https://webx.stocksdeveloper.in', filledAt: 4, listedAt: 5 },
    }).find((s) => s.id === 'platform')!;
    expect(listed).toMatchObject({ state: 'done', note: 'setup.platform.done' });
  });
});
