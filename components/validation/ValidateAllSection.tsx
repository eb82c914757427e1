import { useCallback, useEffect, useState } from 'react';
import { sendMessage } from '@/utils/messaging';
import type { AccountSummary } from '@/utils/vault/types';
import '@/utils/angel/protocol';
import './validation.css';
import { MAX_TIMEOUT_MS, MIN_TIMEOUT_MS } from '@/utils/angel/protocol';
import { adviceText, angelCodeOf, formatWhen, okDetails, resultHeadline } from './format';
import { useValidationStore, watchValidation } from './store';
import { useT } from '@/utils/i18n';

/** Options page: "Validate all" with a results table, and the time limit per request. */
export function ValidateAllSection(_props: { account?: AccountSummary }) {
  const t = useT();
  const results = useValidationStore((s) => s.results);
  const [accounts, setAccounts] = useState<AccountSummary[]>([]);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState('');
  const [timeoutSec, setTimeoutSec] = useState('');
  const [settingsMsg, setSettingsMsg] = useState<{ ok: boolean; text: string } | null>(null);

  const loadAccounts = useCallback(() => {
    sendMessage('accounts/list').then(setAccounts, () => setAccounts([]));
  }, []);

  useEffect(() => watchValidation(), []);
  useEffect(() => {
    loadAccounts();
    sendMessage('validate/settings').then(
      (s) => setTimeoutSec(String(s.timeoutMs / 1000)),
      () => undefined,
    );
    window.addEventListener('focus', loadAccounts);
    return () => window.removeEventListener('focus', loadAccounts);
  }, [loadAccounts]);
  // A validation finishing elsewhere (popup, an account row) may follow an account change.
  const resultCount = Object.keys(results).length;
  useEffect(loadAccounts, [resultCount, loadAccounts]);

  const validateAll = async () => {
    if (running) return;
    setError('');
    setRunning(true);
    try {
      loadAccounts();
      const all = await sendMessage('validate/all');
      useValidationStore.setState((s) => ({
        results: { ...s.results, ...Object.fromEntries(all.map((r) => [r.accountId, r])) },
      }));
    } catch (err) {
      setError(err instanceof Error ? err.message : t('val.couldNotStart'));
    } finally {
      setRunning(false);
    }
  };

  const saveTimeout = async (e: React.FormEvent) => {
    e.preventDefault();
    setSettingsMsg(null);
    try {
      const s = await sendMessage('validate/set-settings', {
        timeoutMs: Math.round(Number(timeoutSec) * 1000),
      });
      setTimeoutSec(String(s.timeoutMs / 1000));
      setSettingsMsg({ ok: true, text: t('val.saved') });
    } catch (err) {
      setSettingsMsg({
        ok: false,
        text: err instanceof Error ? err.message : t('val.timeoutNotSaved'),
      });
    }
  };

  const done = accounts.filter((a) => results[a.id]?.state && results[a.id]?.state !== 'running').length;

  return (
    <section
      className="card validate-all"
      aria-labelledby="validate-all-heading"
      data-testid="validate-all-section"
    >
      <div className="section-head">
        <h2 id="validate-all-heading">{t('val.title')}</h2>
        <button
          type="button"
          className="primary"
          onClick={() => void validateAll()}
          aria-disabled={running || accounts.length === 0}
          aria-busy={running}
          data-testid="validate-all-button"
        >
          {running ? t('val.validating') : t('val.all')}
        </button>
      </div>
      <p className="muted">{t('val.intro')}</p>
      <p role="status" aria-live="polite" className="muted">
        {running ? t('val.progress', { done, total: accounts.length }) : ''}
      </p>
      {error ? (
        <p className="form-message form-message--error" role="alert">
          {error}
        </p>
      ) : null}
      {accounts.length === 0 ? (
        <p className="muted">{t('val.noAccounts')}</p>
      ) : (
        <div className="table-wrap">
          <table className="validation-table" data-testid="validation-table">
            <caption className="visually-hidden">{t('val.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('val.colAccount')}</th>
                <th scope="col">{t('val.colResult')}</th>
                <th scope="col">{t('val.colCode')}</th>
                <th scope="col">{t('val.colAdvice')}</th>
                <th scope="col">{t('val.colTime')}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => {
                const r = results[a.id];
                return (
                  <tr key={a.id} data-testid={`validation-row-${a.id}`} data-state={r?.state ?? 'none'}>
                    <th scope="row">
                      {a.label} <span className="account-row__client">{a.clientCode}</span>
                    </th>
                    <td className={r ? `validation-table__result--${r.state}` : undefined}>
                      {!r ? (
                        <span className="muted">{t('val.notYet')}</span>
                      ) : r.state === 'ok' ? (
                        <>
                          <strong>✓ {resultHeadline(r)}</strong>
                          {okDetails(r) ? <div className="field__hint">{okDetails(r)}</div> : null}
                        </>
                      ) : r.state === 'running' ? (
                        <span className="muted">{t('val.checkingShort')}</span>
                      ) : (
                        <>
                          <strong>⚠ {t('val.failed')}</strong>
                          <div>{resultHeadline(r)}</div>
                        </>
                      )}
                    </td>
                    <td>{r ? angelCodeOf(r) || <span className="muted">—</span> : null}</td>
                    <td>{r ? adviceText(r) : null}</td>
                    <td>{r ? formatWhen(r.finishedAt ?? r.startedAt) : null}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <form className="field" onSubmit={(e) => void saveTimeout(e)}>
        <label htmlFor="validate-timeout">{t('val.timeoutLabel')}</label>
        <div className="field__row">
          <input
            id="validate-timeout"
            type="number"
            inputMode="numeric"
            min={MIN_TIMEOUT_MS / 1000}
            max={MAX_TIMEOUT_MS / 1000}
            step={1}
            value={timeoutSec}
            onChange={(e) => setTimeoutSec(e.target.value)}
          />
          <button type="submit">{t('val.saveTimeout')}</button>
        </div>
        <p className="field__hint">{t('val.timeoutHint')}</p>
        {settingsMsg ? (
          <p
            className={`form-message form-message--${settingsMsg.ok ? 'ok' : 'error'}`}
            role={settingsMsg.ok ? 'status' : 'alert'}
          >
            {settingsMsg.text}
          </p>
        ) : null}
      </form>
    </section>
  );
}
