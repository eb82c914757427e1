/** The account form's data: what a new form starts with, and how an edit starts. */
import { AUTOTRADER_REDIRECT_URL, type AccountInput, type AccountSummary } from '@/utils/vault/types';

export function emptyInput(): AccountInput {
  return {
    label: '',
    clientCode: '',
    mpin: '',
    totpSecret: '',
    apiKey: '',
    apiSecret: '',
    platform: 'SMART_API',
    redirectUrl: AUTOTRADER_REDIRECT_URL,
    notes: '',
    dailyLogin: true,
    autoFill: false,
  };
}

/** An edit starts from the summary; secret fields stay empty, which means "keep the stored value". */
export function inputFromSummary(a: AccountSummary): AccountInput {
  return {
    label: a.label,
    clientCode: a.clientCode,
    mpin: '',
    totpSecret: '',
    apiKey: '',
    apiSecret: '',
    platform: a.platform,
    redirectUrl: a.redirectUrl,
    notes: a.notes,
    dailyLogin: a.dailyLogin,
    autoFill: a.autoFill,
  };
}

/** The order fields appear in the form, so focus can go to the first wrong one. */
export const FIELD_ORDER: (keyof AccountInput)[] = [
  'label',
  'clientCode',
  'mpin',
  'totpSecret',
  'apiKey',
  'apiSecret',
  'platform',
  'redirectUrl',
  'notes',
  'dailyLogin',
  'autoFill',
];

export function firstErrorField(
  errors: Partial<Record<keyof AccountInput, string>>,
): keyof AccountInput | null {
  return FIELD_ORDER.find((f) => Boolean(errors[f])) ?? null;
}
