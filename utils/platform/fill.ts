/**
 * One fill of a platform's account form for one account, in the content script: set the
 * broker and platform selects by their visible text, let the page re-render, read the form
 * again, then ask the background for each value (one at a time, each once), put it in with
 * the page engine's setter and read it back. Never presses a button.
 */
import { sendMessage } from '../messaging';
import { settle, type TextControl } from '../page/act';
import { fillText, readForm, setSelectByText } from './form';
import { t } from '../i18n/platform';
import {
  planFill,
  valueFieldsFor,
  type ChoiceField,
  type PlatformAccountChoice,
  type PlatformField,
  type PlatformProfile,
  type ValueField,
} from './profiles';
import './protocol';

export type LineStatus = 'filled' | 'rejected' | 'not-found' | 'skipped' | 'error' | 'note';
export interface FillLine {
  status: LineStatus;
  text: string;
}

export function fieldName(f: PlatformField): string {
  return t(`pl.f.${f}`);
}

export function listNames(fields: readonly PlatformField[]): string {
  return fields.map(fieldName).join(', ');
}

/** What the picker shows before the fill: the plan for this account on this page. */
export function previewLines(
  doc: Document,
  profile: PlatformProfile,
  account: PlatformAccountChoice,
): FillLine[] {
  const reading = readForm(doc, profile);
  const plan = planFill(account, new Set(Object.keys(reading.fields) as PlatformField[]));
  const lines: FillLine[] = [];
  if (plan.fill.length)
    lines.push({ status: 'filled', text: t('pl.willFill', { fields: listNames(plan.fill) }) });
  if (plan.notFound.length)
    lines.push({ status: 'not-found', text: t('pl.notFound', { fields: listNames(plan.notFound) }) });
  if (plan.missing.length)
    lines.push({ status: 'not-found', text: t('pl.missing', { fields: listNames(plan.missing) }) });
  if (account.platform === 'SMART_API_M') lines.push({ status: 'note', text: t('pl.leftAlone') });
  return lines;
}

async function rendered(): Promise<void> {
  await settle();
  await new Promise((r) => setTimeout(r, 50));
  await settle();
}

export async function runFill(
  doc: Document,
  profile: PlatformProfile,
  account: PlatformAccountChoice,
): Promise<{ lines: FillLine[]; filled: number }> {
  const lines: FillLine[] = [];
  let filled = 0;
  const wanted = valueFieldsFor(account.platform).filter((f) => account.has[f]);
  const { fillId } = await sendMessage('platform/begin-fill', { accountId: account.id, fields: wanted });

  const first = readForm(doc, profile);
  for (const field of ['broker', 'platform'] as ChoiceField[]) {
    const select = first.fields[field];
    if (!select || select.tagName !== 'SELECT') continue;
    const option = field === 'broker' ? 'Angel' : account.platform;
    if (setSelectByText(select as HTMLSelectElement, field, account.platform)) {
      lines.push({ status: 'filled', text: t('pl.filled', { field: fieldName(field) }) });
      filled++;
      await rendered(); // the platform choice may change which fields the form shows
    } else lines.push({ status: 'not-found', text: t('pl.noOption', { field: fieldName(field), option }) });
  }

  const reading = readForm(doc, profile);
  const plan = planFill(account, new Set(Object.keys(reading.fields) as PlatformField[]));
  for (const field of plan.fill) {
    if (field === 'broker' || field === 'platform') continue;
    const el = reading.fields[field] as TextControl;
    try {
      const { value } = await sendMessage('platform/value', { fillId, field: field as ValueField });
      const ok = fillText(el, value);
      lines.push({
        status: ok ? 'filled' : 'rejected',
        text: t(ok ? 'pl.filled' : 'pl.rejected', { field: fieldName(field) }),
      });
      if (ok) filled++;
    } catch (err) {
      const reason = err instanceof Error ? err.message : '';
      lines.push({ status: 'error', text: t('pl.failed', { field: fieldName(field), reason }) });
    }
  }
  for (const f of reading.ambiguous)
    if (f !== 'broker' && f !== 'platform')
      lines.push({ status: 'skipped', text: t('pl.ambiguous', { field: fieldName(f) }) });
  if (plan.notFound.length)
    lines.push({ status: 'not-found', text: t('pl.notFound', { fields: listNames(plan.notFound) }) });
  if (plan.missing.length)
    lines.push({ status: 'not-found', text: t('pl.missing', { fields: listNames(plan.missing) }) });
  if (account.platform === 'SMART_API_M') lines.push({ status: 'note', text: t('pl.leftAlone') });
  if (filled > 0) {
    await sendMessage('platform/filled', { fillId }).catch(() => undefined);
    lines.push({ status: 'note', text: t('pl.done') });
  } else lines.push({ status: 'error', text: t('pl.nothing') });
  return { lines, filled };
}
