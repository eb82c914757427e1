import { useCallback, useEffect, useState } from 'react';
import { sendMessage } from '@/utils/messaging';
import type { AccountSummary } from '@/utils/vault/types';
import '@/utils/angel/protocol';
import './validation.css';
import { MAX_TIMEOUT_MS, MIN_TIMEOUT_MS } from '@/utils/angel/protocol';
import { adviceText, angelCodeOf, formatWhen, okDetails, resultHeadline } from './format';
import { useValidationStore, watchValidation } from './store';

/** Options page: "Validate all" with a results table, and the time limit per request. */
export function ValidateAllSection(_props: { account?: AccountSummary }) {
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
      setError(err instanceof Error ? err.message : 'The validation could not start.');
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
      setSettingsMsg({ ok: true, text: 'Saved.' });
    } catch (err) {
      setSettingsMsg({
        ok: false,
        text: err instanceof Error ? err.message : 'The time limit could not be saved.',
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
        <h2 id="validate-all-heading">Validate accounts</h2>
        <button
          type="button"
          className="primary"
          onClick={() => void validateAll()}
          aria-disabled={running || accounts.length === 0}
          aria-busy={running}
          data-testid="validate-all-button"
        >
          {running ? 'Validating…' : 'Validate all'}
        </button>
      </div>
      <p className="muted">
        Logs in to Angel's API (apiconnect.angelone.in) with each account's client code, MPIN, a live TOTP
        code and the API key, the way AutoTrader Web will every morning. A working account shows the holder's
        name and exchanges and keeps the new session. At most one login per second per account; a refused PIN
        is never retried by itself.
      </p>
      <p role="status" aria-live="polite" className="muted">
        {running ? `Validating… ${done} of ${accounts.length} done.` : ''}
      </p>
      {error ? (
        <p className="form-message form-message--error" role="alert">
          {error}
        </p>
      ) : null}
      {accounts.length === 0 ? (
        <p className="muted">No accounts yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="validation-table" data-testid="validation-table">
            <caption className="visually-hidden">Last validation of each account</caption>
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Result</th>
                <th scope="col">Angel's code</th>
                <th scope="col">Advice</th>
                <th scope="col">Time</th>
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
                        <span className="muted">Not validated yet</span>
                      ) : r.state === 'ok' ? (
                        <>
                          <strong>✓ {resultHeadline(r)}</strong>
                          {okDetails(r) ? <div className="field__hint">{okDetails(r)}</div> : null}
                        </>
                      ) : r.state === 'running' ? (
                        <span className="muted">Checking…</span>
                      ) : (
                        <>
                          <strong>⚠ Failed</strong>
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
        <label htmlFor="validate-timeout">Time limit per request to Angel (seconds)</label>
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
          <button type="submit">Save time limit</button>
        </div>
        <p className="field__hint">
          Angel is often slow just before market open; 15 seconds suits most days.
        </p>
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
