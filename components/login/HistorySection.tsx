import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { storage } from '#imports';
import { renderSaid, useT } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging';
import { downloadText } from '@/utils/ui/download';
import type { MessageKey } from '@/utils/i18n/en';
import {
  filterHistory,
  historyCsv,
  HISTORY_STORAGE_KEYS,
  type HistoryEntry,
  type HistoryFilter,
  type HistoryKind,
  type HistoryResult,
} from '@/utils/login/history';
import type { AccountSummary } from '@/utils/vault/types';
import './history.css';
import { STEP_KEYS } from './AttemptSteps';

const KIND_KEY: Record<HistoryKind, MessageKey> = {
  login: 'hist.kindLogin',
  validation: 'hist.kindValidation',
  delivery: 'hist.kindDelivery',
};
const RESULT_KEY: Record<HistoryResult, MessageKey> = { success: 'hist.success', failure: 'hist.failure' };
// History entries keep the step as stored text; unknown ones are shown as they are.
const STEP_KEY: Partial<Record<string, MessageKey>> = STEP_KEYS;

/** Options page: the last 60 days of logins, validations and deliveries, filtered, as CSV. */
export function HistorySection(_props: { account?: AccountSummary }) {
  const t = useT();
  const id = useId();
  const [entries, setEntries] = useState<HistoryEntry[]>([]);
  const [unreadable, setUnreadable] = useState(false);
  const [accounts, setAccounts] = useState<AccountSummary[]>([]);
  const [filter, setFilter] = useState<HistoryFilter>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);

  const load = useCallback(() => {
    sendMessage('history/list').then(
      (r) => {
        setEntries(r.entries);
        setUnreadable(r.unreadable);
      },
      (err: unknown) =>
        setMessage({ ok: false, text: err instanceof Error ? err.message : t('hist.loadFailed') }),
    );
    sendMessage('accounts/list').then(setAccounts, () => setAccounts([]));
  }, [t]);

  useEffect(() => {
    load();
    const unwatch = HISTORY_STORAGE_KEYS.map((key) => storage.watch(key, load));
    return () => unwatch.forEach((u) => u());
  }, [load]);

  const accountName = useCallback(
    (e: HistoryEntry) => accounts.find((a) => a.id === e.accountId)?.label || e.label || t('hist.deleted'),
    [accounts, t],
  );
  const stepName = useCallback(
    (e: HistoryEntry) => (e.step ? (STEP_KEY[e.step] ? t(STEP_KEY[e.step]!) : e.step) : ''),
    [t],
  );
  // Accounts in the vault plus those only the history still names.
  const accountOptions = useMemo(() => {
    const map = new Map<string, string>();
    for (const a of accounts) map.set(a.id, a.label);
    for (const e of entries) if (!map.has(e.accountId)) map.set(e.accountId, e.label || t('hist.deleted'));
    return [...map];
  }, [accounts, entries, t]);
  const shown = useMemo(() => filterHistory(entries, filter).reverse(), [entries, filter]);

  const exportCsv = () => {
    const csv = historyCsv(
      shown,
      [
        t('hist.time'),
        t('hist.account'),
        t('hist.kind'),
        t('hist.result'),
        t('hist.step'),
        t('hist.message'),
      ],
      (e) => ({
        account: accountName(e),
        kind: t(KIND_KEY[e.kind]),
        result: t(RESULT_KEY[e.result]),
        step: stepName(e),
        message: renderSaid(e.message, t),
      }),
    );
    const file = `smartapi-companion-history-${new Date().toISOString().slice(0, 10)}.csv`;
    downloadText(file, csv, 'text/csv;charset=utf-8');
    setMessage({ ok: true, text: t('hist.exported', { file }) });
  };

  const clear = async () => {
    try {
      await sendMessage('history/clear');
      setConfirmClear(false);
      setMessage({ ok: true, text: t('hist.cleared') });
      load();
    } catch (err) {
      setMessage({ ok: false, text: err instanceof Error ? err.message : t('hist.loadFailed') });
    }
  };

  const select = <K extends keyof HistoryFilter>(key: K, value: string) =>
    setFilter((f) => ({ ...f, [key]: value || undefined }));

  return (
    <section className="card" aria-labelledby={`${id}-h`} data-testid="history">
      <h2 id={`${id}-h`}>{t('hist.title')}</h2>
      <p className="muted">{t('hist.intro')}</p>
      {unreadable ? <p className="field__hint">{t('hist.unreadable')}</p> : null}
      <div className="actions history-filters" role="group" aria-label={t('hist.filters')}>
        <label>
          {t('hist.account')}{' '}
          <select
            value={filter.accountId ?? ''}
            onChange={(e) => select('accountId', e.target.value)}
            data-testid="history-account"
          >
            <option value="">{t('hist.all')}</option>
            {accountOptions.map(([accId, label]) => (
              <option key={accId} value={accId}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('hist.kind')}{' '}
          <select
            value={filter.kind ?? ''}
            onChange={(e) => select('kind', e.target.value)}
            data-testid="history-kind"
          >
            <option value="">{t('hist.all')}</option>
            {(Object.keys(KIND_KEY) as HistoryKind[]).map((k) => (
              <option key={k} value={k}>
                {t(KIND_KEY[k])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('hist.result')}{' '}
          <select
            value={filter.result ?? ''}
            onChange={(e) => select('result', e.target.value)}
            data-testid="history-result"
          >
            <option value="">{t('hist.all')}</option>
            {(Object.keys(RESULT_KEY) as HistoryResult[]).map((r) => (
              <option key={r} value={r}>
                {t(RESULT_KEY[r])}
              </option>
            ))}
          </select>
        </label>
      </div>
      {entries.length === 0 ? (
        <p className="muted">{t('hist.empty')}</p>
      ) : shown.length === 0 ? (
        <p className="muted">{t('hist.noMatch')}</p>
      ) : (
        <div className="history-scroll">
          <table className="history-table" data-testid="history-table">
            <caption>{t('hist.caption', { shown: shown.length, total: entries.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('hist.time')}</th>
                <th scope="col">{t('hist.account')}</th>
                <th scope="col">{t('hist.kind')}</th>
                <th scope="col">{t('hist.result')}</th>
                <th scope="col">{t('hist.step')}</th>
                <th scope="col">{t('hist.message')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => (
                <tr key={e.id} data-kind={e.kind} data-result={e.result} data-account={e.accountId}>
                  <td>
                    <time dateTime={new Date(e.at).toISOString()}>{new Date(e.at).toLocaleString()}</time>
                  </td>
                  <td>{accountName(e)}</td>
                  <td>{t(KIND_KEY[e.kind])}</td>
                  <td>
                    <span className={`badge ${e.result === 'success' ? 'badge--ok' : 'badge--warn'}`}>
                      {t(RESULT_KEY[e.result])}
                    </span>
                  </td>
                  <td>{stepName(e)}</td>
                  <td>{renderSaid(e.message, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="actions">
        <button type="button" onClick={exportCsv} disabled={shown.length === 0} aria-describedby={`${id}-x`}>
          {t('hist.exportCsv')}
        </button>
        <button type="button" onClick={load}>
          {t('hist.refresh')}
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => setConfirmClear(true)}
          disabled={entries.length === 0}
        >
          {t('hist.clear')}
        </button>
      </div>
      <p id={`${id}-x`} className="field__hint">
        {t('hist.exportHint')}
      </p>
      {confirmClear ? (
        <div className="confirm" role="group" aria-label={t('hist.clear')}>
          <p>{t('hist.clearConfirm')}</p>
          <button type="button" className="danger" onClick={() => void clear()}>
            {t('hist.clearYes')}
          </button>
          <button type="button" onClick={() => setConfirmClear(false)} autoFocus>
            {t('lgwp.no')}
          </button>
        </div>
      ) : null}
      <p className={`form-message ${message && !message.ok ? 'form-message--error' : ''}`} role="status">
        {message?.text ?? ''}
      </p>
    </section>
  );
}
