/** Accounts in the vault: list (summaries without secrets), save, delete, reorder. */
import { t } from '@/utils/i18n/text';
import { render } from '@/utils/i18n/core';
import { handle, UserError } from '@/utils/messaging';
import { applyAccountInput, checkAccountInput, type FieldMsgs } from '@/utils/vault/validation';
import type { Account, AccountField, AccountSummary, FieldErrors, VaultData } from '@/utils/vault/types';
import { peekVault, settingsItem } from './store';
import { updateVault } from './lifecycle';
import { fireAccountsChanged } from './events';

export function summarize(a: Account): AccountSummary {
  return {
    id: a.id,
    label: a.label,
    clientCode: a.clientCode,
    platform: a.platform,
    redirectUrl: a.redirectUrl,
    notes: a.notes,
    totp: { ...a.totp },
    dailyLogin: a.dailyLogin,
    autoFill: a.autoFill,
    hasMpin: a.secrets.mpin !== '',
    hasTotpSecret: a.secrets.totpSecret !== '',
    hasApiSecret: !!a.secrets.apiSecret,
    apiKeyLast4: a.secrets.apiKey.slice(-4),
    ...(a.tokens
      ? {
          tokensCapturedAt: a.tokens.capturedAt,
          tokensExpireAt: a.tokens.expiresAt,
          tokensSource: a.tokens.source,
        }
      : {}),
  };
}

function findAccount(v: VaultData, id: unknown): Account {
  const a = v.accounts.find((x) => x.id === id);
  if (!a) throw new UserError('not-found', t('bg.accountGone'));
  return a;
}

class ValidationFailed extends Error {}

/** The form's messages worded for the reply, in the language set now (the form shows them once). */
function fieldTexts(errors: FieldMsgs): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, m] of Object.entries(errors)) if (m) out[field as AccountField] = render(m, t);
  return out;
}

export function registerAccounts(): void {
  handle('accounts/list', 'page', async () => (await peekVault()).accounts.map(summarize));

  handle('accounts/save', 'page', async ({ id, input }) => {
    if (typeof input !== 'object' || input === null) throw new UserError('bad-request', t('bg.formNotSent'));
    let result: { account?: AccountSummary; errors?: FieldErrors } = {};
    let added = false;
    await updateVault((v) => {
      const existing = id !== undefined ? findAccount(v, id) : undefined;
      const { errors, value } = checkAccountInput(input, { isEdit: existing !== undefined, existing });
      if (!value) {
        result = { errors: fieldTexts(errors) };
        throw new ValidationFailed();
      }
      const account = applyAccountInput(value, existing, existing?.id ?? crypto.randomUUID());
      if (existing) v.accounts[v.accounts.indexOf(existing)] = account;
      else {
        v.accounts.push(account);
        added = true;
      }
      result = { account: summarize(account) };
    }).catch((err) => {
      if (!(err instanceof ValidationFailed)) throw err;
    });
    if (added) {
      const s = await settingsItem.getValue();
      await settingsItem.setValue({ ...s, accountsAddedAt: Date.now() });
    }
    return result;
  });

  handle('accounts/delete', 'page', async ({ id }) => {
    const after = await updateVault((v) => {
      const a = findAccount(v, id);
      v.accounts.splice(v.accounts.indexOf(a), 1);
    });
    // Its delivery targets, webhook secrets and results go with it.
    await fireAccountsChanged(new Set(after.accounts.map((a) => a.id)));
  });

  handle('accounts/reorder', 'page', async ({ ids }) => {
    await updateVault((v) => {
      const wanted = Array.isArray(ids) ? ids : [];
      const same =
        wanted.length === v.accounts.length &&
        new Set(wanted).size === wanted.length &&
        wanted.every((x) => v.accounts.some((a) => a.id === x));
      if (!same) throw new UserError('reorder-mismatch', t('bg.listChanged'));
      v.accounts = wanted.map((x) => v.accounts.find((a) => a.id === x)!);
    });
  });
}
