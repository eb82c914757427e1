import { describe, expect, it, vi } from 'vitest';
import { dispatchAlarm, ALARM_ROUTES, type AlarmRoute } from '@/entrypoints/background/alarms';
import { AUTO_LOCK_ALARM } from '@/entrypoints/background/vault/autolock';
import { SCHEDULE_ALARM } from '@/entrypoints/background/login/schedule';
import { TIMEOUT_ALARM } from '@/entrypoints/background/login/attempts';
import { OUTBOX_ALARM } from '@/entrypoints/background/delivery/outbox';

const alarm = (name: string) => ({ name, scheduledTime: 1000, persistAcrossSessions: false });

describe('the alarm registry', () => {
  it('names every alarm the features set, each once', () => {
    const keys = ALARM_ROUTES.map((r) => ('name' in r ? r.name : `${r.prefix}*`));
    expect(keys.sort()).toEqual([AUTO_LOCK_ALARM, SCHEDULE_ALARM, `${TIMEOUT_ALARM}*`, OUTBOX_ALARM].sort());
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('routes an exact name to its handler and a prefixed name with the id that follows', async () => {
    const exact = vi.fn(async () => undefined);
    const family = vi.fn(async () => undefined);
    const routes: AlarmRoute[] = [
      { name: 'one', run: exact },
      { prefix: 'many:', run: family },
    ];
    await dispatchAlarm(alarm('one'), routes);
    expect(exact).toHaveBeenCalledWith(alarm('one'), '');
    await dispatchAlarm(alarm('many:abc-1'), routes);
    expect(family).toHaveBeenCalledWith(alarm('many:abc-1'), 'abc-1');
    expect(exact).toHaveBeenCalledTimes(1);
  });

  it('ignores an alarm nobody answers (left by an older version)', async () => {
    const run = vi.fn(async () => undefined);
    await dispatchAlarm(alarm('old-alarm'), [{ name: 'new-alarm', run }]);
    expect(run).not.toHaveBeenCalled();
  });
});
