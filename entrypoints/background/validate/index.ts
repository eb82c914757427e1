/**
 * Background side of validation: message handlers, result storage, settings.
 * The flow itself lives in validator.ts.
 */
import { t } from '@/utils/i18n/text';
import { msg } from '@/utils/i18n/core';
import { handle, UserError } from '@/utils/messaging';
import { withLock } from '@/utils/locks';
import '@/utils/angel/protocol';
import {
  MAX_TIMEOUT_MS,
  MIN_TIMEOUT_MS,
  type ValidationResult,
  type ValidationSettings,
} from '@/utils/angel/protocol';
import { isStaleRunning, validationResultsItem, validationSettingsItem } from '@/utils/angel/results';
import {
  currentTotp,
  isUnlocked,
  onAccountsChanged,
  readVault,
  recordServerDate,
  updateVault,
} from '@/entrypoints/background/vault';
import { enqueueDelivery } from '@/entrypoints/background/delivery';
import { createValidator } from './validator';
import { recordValidationHistory } from '@/entrypoints/background/login/history';

/** Accounts validated at once by "Validate all" (each account keeps its own rate limit). */
const VALIDATE_ALL_CONCURRENCY = 3;

// Results are read-modify-written by concurrent validations: one writer at a time.
function updateResults(fn: (all: Record<string, ValidationResult>) => void): Promise<void> {
  return withLock('validation-results', async () => {
    // A copy: with nothing stored, getValue() hands out the shared fallback object.
    const all = structuredClone(await validationResultsItem.getValue());
    fn(all);
    await validationResultsItem.setValue(all);
  });
}

function interrupted(r: ValidationResult, at: number): ValidationResult {
  return {
    ...r,
    state: 'failed',
    finishedAt: at,
    advice: {
      code: 'interrupted',
      category: 'unknown',
      explanation: msg('adv.interruptedExpl'),
      nextStep: msg('adv.validateAgain'),
      credentialError: false,
    },
  };
}

const validator = createValidator({
  readVault,
  updateVault,
  currentTotp,
  recordServerDate,
  enqueueDelivery,
  timeoutMs: async () => (await validationSettingsItem.getValue()).timeoutMs,
  saveResult: async (r) => {
    await updateResults((all) => {
      all[r.accountId] = r;
    });
    await recordValidationHistory(r);
  },
});

async function validateById(accountId: string): Promise<ValidationResult> {
  const vault = await readVault();
  const account = vault.accounts.find((a) => a.id === accountId);
  if (!account) throw new UserError('not-found', t('valbg.notFound'));
  return validator.validate(account);
}

async function validateAll(): Promise<ValidationResult[]> {
  const { accounts } = await readVault();
  const results: ValidationResult[] = new Array(accounts.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < accounts.length) {
      const i = next++;
      const account = accounts[i]!;
      try {
        results[i] = await validator.validate(account);
      } catch (err) {
        const stored = (await validationResultsItem.getValue())[account.id];
        if (stored) results[i] = stored;
        else throw err;
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(VALIDATE_ALL_CONCURRENCY, accounts.length) }, worker));
  return results;
}

/** Polled by the options page: reads only (results of deleted accounts go on the deletion). */
async function lastResults(): Promise<Record<string, ValidationResult>> {
  const at = Date.now();
  let ids: Set<string> | null = null;
  if (await isUnlocked()) ids = new Set((await readVault()).accounts.map((a) => a.id));
  const out: Record<string, ValidationResult> = {};
  for (const [id, r] of Object.entries(await validationResultsItem.getValue())) {
    if (ids && !ids.has(id)) continue;
    const stopped = r.state === 'running' && r.startedAt < backgroundStartedAt;
    out[id] = stopped || isStaleRunning(r, at) ? interrupted(r, stopped ? backgroundStartedAt : at) : r;
  }
  return out;
}

function checkedSettings(
  current: ValidationSettings,
  patch: Partial<ValidationSettings>,
): ValidationSettings {
  const next = { ...current };
  if (patch.timeoutMs !== undefined) {
    const ms = Math.round(Number(patch.timeoutMs));
    if (!Number.isFinite(ms) || ms < MIN_TIMEOUT_MS || ms > MAX_TIMEOUT_MS) {
      throw new UserError(
        'bad-timeout',
        t('valbg.badTimeout', { min: MIN_TIMEOUT_MS / 1000, max: MAX_TIMEOUT_MS / 1000 }),
      );
    }
    next.timeoutMs = ms;
  }
  return next;
}

/** When this background started: a run 'running' from before can never finish now. */
let backgroundStartedAt = 0;

export function registerValidation(): void {
  const startedAt = Date.now();
  backgroundStartedAt = startedAt;
  // Anything 'running' from before this background started can never finish now.
  void updateResults((all) => {
    for (const [id, r] of Object.entries(all)) {
      if (r.state === 'running' && r.startedAt < startedAt) all[id] = interrupted(r, startedAt);
    }
  });

  onAccountsChanged((ids) =>
    updateResults((all) => {
      for (const id of Object.keys(all)) if (!ids.has(id)) delete all[id];
    }),
  );

  handle('validate/account', 'page', ({ accountId }) => validateById(accountId));
  handle('validate/all', 'page', () => validateAll());
  handle('validate/results', 'page', () => lastResults());
  handle('validate/settings', 'page', () => validationSettingsItem.getValue());
  handle('validate/set-settings', 'page', async (patch) => {
    const next = checkedSettings(await validationSettingsItem.getValue(), patch ?? {});
    await validationSettingsItem.setValue(next);
    return next;
  });
}
