import { describe, expect, it } from 'vitest';
import { adviceText, angelCodeOf, okDetails, resultHeadline } from '@/components/validation/format';
import { explainFailure } from '@/utils/angel/advice';
import type { ValidationResult } from '@/utils/angel/protocol';

const base: ValidationResult = {
  accountId: 'a',
  label: 'Main',
  clientCode: 'R1',
  state: 'ok',
  startedAt: 1,
  finishedAt: 2,
};

describe('validation result wording', () => {
  it('a success names the holder, the exchanges and the saved session', () => {
    const r: ValidationResult = {
      ...base,
      profile: { name: 'Ravi Kumar', exchanges: ['NSE', 'BSE'] },
      tokensStored: true,
      delivery: 'queued',
    };
    expect(resultHeadline(r)).toBe('Valid: Ravi Kumar');
    expect(okDetails(r)).toBe('Exchanges: NSE, BSE · session saved');
    expect(adviceText(r)).toBe('');
    expect(angelCodeOf(r)).toBe('');
  });

  it('a success whose profile could not be read says so', () => {
    const r: ValidationResult = {
      ...base,
      tokensStored: true,
      delivery: 'failed',
      profileProblem: explainFailure({ kind: 'timeout', timeoutMs: 15_000, host: 'h' }, { skewMs: null }),
    };
    expect(resultHeadline(r)).toBe('Valid');
    expect(okDetails(r)).toContain('delivery targets failed');
    expect(adviceText(r)).toMatch(
      /^Login works, but the profile could not be read: Angel did not answer within 15 s/,
    );
  });

  it("a failure shows the explanation, the next step, and Angel's code only when it is Angel's", () => {
    const angel: ValidationResult = {
      ...base,
      state: 'failed',
      advice: explainFailure(
        { kind: 'angel-error', code: 'ab1050', message: 'Invalid totp', httpStatus: 200 },
        { skewMs: 0 },
      ),
    };
    expect(resultHeadline(angel)).toBe('Angel refused the TOTP code.');
    expect(adviceText(angel)).toMatch(/TOTP secret/);
    expect(angelCodeOf(angel)).toBe('AB1050');
    const ours: ValidationResult = {
      ...base,
      state: 'failed',
      advice: explainFailure({ kind: 'network', hosts: ['h'] }, { skewMs: null }),
    };
    expect(angelCodeOf(ours)).toBe('');
    expect(resultHeadline({ ...base, state: 'running' })).toBe('Checking with Angel…');
  });
});
