import { useEffect, useId, useState } from 'react';
import { sendMessage } from '@/utils/messaging';
import type { AccountSummary } from '@/utils/vault/types';
import '@/utils/vault/types';
import '@/utils/login/protocol';
import type { LoginSettings } from '@/utils/login/protocol';
import { parseHolidays, parseTime } from '@/utils/login/schedule';
import { MAX_TIMEOUT_SEC, MIN_TIMEOUT_SEC } from '@/utils/login/storage';
import { formatTime, useLoginStore, watchLogin } from './store';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Options page: the daily login's schedule, timeout and which accounts take part. */
export function LoginSettingsSection(_props: { account?: AccountSummary }) {
  const overview = useLoginStore((s) => s.overview);
  const setOverview = useLoginStore((s) => s.set);
  const [draft, setDraft] = useState<LoginSettings | null>(null);
  const [holidays, setHolidays] = useState('');
  const [accounts, setAccounts] = useState<AccountSummary[]>([]);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const id = useId();
  useEffect(() => watchLogin(), []);
  useEffect(() => {
    if (overview && !draft) {
      setDraft(overview.settings);
      setHolidays(overview.settings.schedule.holidays.join('\n'));
    }
  }, [overview, draft]);
  const loadAccounts = () => sendMessage('accounts/list').then(setAccounts, () => setAccounts([]));
  useEffect(() => {
    void loadAccounts();
  }, []);

  if (!draft) return null;
  const parsedHolidays = parseHolidays(holidays);
  const timeOk = parseTime(draft.schedule.time) !== null;
  const timeoutOk = draft.timeoutSec >= MIN_TIMEOUT_SEC && draft.timeoutSec <= MAX_TIMEOUT_SEC;

  const save = async () => {
    setMessage(null);
    if (parsedHolidays.invalid.length) {
      setMessage({ text: `Not a date like 2026-01-26: ${parsedHolidays.invalid.join(', ')}`, error: true });
      return;
    }
    try {
      const next = await sendMessage('login/settings', {
        settings: { ...draft, schedule: { ...draft.schedule, holidays: parsedHolidays.dates } },
      });
      setOverview(next);
      setDraft(next.settings);
      setHolidays(next.settings.schedule.holidays.join('\n'));
      setMessage({ text: 'Saved.', error: false });
    } catch (err) {
      setMessage({ text: err instanceof Error ? err.message : 'Not saved.', error: true });
    }
  };

  const setFlag = async (a: AccountSummary, flags: { dailyLogin?: boolean; autoFill?: boolean }) => {
    try {
      await sendMessage('login/account-flags', { accountId: a.id, ...flags });
      await loadAccounts();
    } catch (err) {
      setMessage({ text: err instanceof Error ? err.message : 'Not saved.', error: true });
    }
  };

  const schedule = draft.schedule;
  return (
    <section className="card" aria-labelledby={`${id}-h`} data-testid="login-settings">
      <h2 id={`${id}-h`}>Daily login</h2>
      <p className="muted">
        Logs in on Angel's publisher-login page for you and captures the session tokens. A wrong PIN is never
        retried, so your account is never locked by the extension.
      </p>

      <div className="field">
        <label htmlFor={`${id}-timeout`}>Give up after (seconds)</label>
        <input
          id={`${id}-timeout`}
          type="number"
          min={MIN_TIMEOUT_SEC}
          max={MAX_TIMEOUT_SEC}
          value={draft.timeoutSec}
          aria-invalid={!timeoutOk}
          onChange={(e) => setDraft({ ...draft, timeoutSec: Number(e.target.value) })}
        />
        <p className="field__hint">
          Between {MIN_TIMEOUT_SEC} and {MAX_TIMEOUT_SEC}. A login that takes longer stops and leaves its tab
          open.
        </p>
      </div>

      <h3>Schedule</h3>
      <div className="field field--check">
        <div className="field__row">
          <input
            id={`${id}-enabled`}
            type="checkbox"
            checked={schedule.enabled}
            onChange={(e) => setDraft({ ...draft, schedule: { ...schedule, enabled: e.target.checked } })}
          />
          <label htmlFor={`${id}-enabled`}>Log in every trading morning by itself</label>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-time`}>Time (India, IST)</label>
        <input
          id={`${id}-time`}
          type="time"
          value={schedule.time}
          aria-invalid={!timeOk}
          onChange={(e) => setDraft({ ...draft, schedule: { ...schedule, time: e.target.value } })}
        />
      </div>
      <fieldset className="radios">
        <legend>Days</legend>
        {DAYS.map((name, day) => (
          <label key={name}>
            <input
              type="checkbox"
              checked={schedule.weekdays.includes(day)}
              onChange={(e) =>
                setDraft({
                  ...draft,
                  schedule: {
                    ...schedule,
                    weekdays: e.target.checked
                      ? [...schedule.weekdays, day].sort()
                      : schedule.weekdays.filter((d) => d !== day),
                  },
                })
              }
            />
            {name}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-holidays`}>Holidays to skip (one date per line, like 2026-01-26)</label>
        <textarea
          id={`${id}-holidays`}
          rows={4}
          value={holidays}
          aria-invalid={parsedHolidays.invalid.length > 0}
          aria-describedby={`${id}-holidays-hint`}
          onChange={(e) => setHolidays(e.target.value)}
        />
        <p id={`${id}-holidays-hint`} className="field__hint">
          {parsedHolidays.invalid.length
            ? `Not dates: ${parsedHolidays.invalid.join(', ')}`
            : `${parsedHolidays.dates.length} holiday${parsedHolidays.dates.length === 1 ? '' : 's'}. If the vault is locked at that time, you get a notification and the login runs when you unlock the same day.`}
        </p>
      </div>
      {overview?.nextScheduledAt ? (
        <p className="muted">Next run: {formatTime(overview.nextScheduledAt)}</p>
      ) : null}
      <div className="actions">
        <button type="button" className="primary" onClick={() => void save()}>
          Save daily login settings
        </button>
      </div>
      <p
        className={`form-message ${message?.error ? 'form-message--error' : 'form-message--ok'}`}
        role="status"
      >
        {message?.text ?? ''}
      </p>

      <h3>Accounts</h3>
      {accounts.length === 0 ? <p className="muted">No accounts yet.</p> : null}
      <ul className="account-list">
        {accounts.map((a) => {
          const last = overview?.results[a.id];
          return (
            <li key={a.id} className="account-row">
              <div className="account-row__main">
                <strong>{a.label}</strong>
                <span className="account-row__client">{a.clientCode}</span>
                {last ? (
                  <span className={`badge ${last.ok ? 'badge--ok' : 'badge--warn'}`} title={last.message}>
                    {last.needsAttention ? 'Needs attention' : last.ok ? 'Logged in' : 'Failed'} ·{' '}
                    {formatTime(last.at)}
                  </span>
                ) : null}
              </div>
              <div className="account-row__actions">
                <label>
                  <input
                    type="checkbox"
                    checked={a.dailyLogin}
                    aria-label={`Daily login for ${a.label}`}
                    onChange={(e) => void setFlag(a, { dailyLogin: e.target.checked })}
                  />{' '}
                  Daily login (in "Log in all" and the schedule)
                </label>
                <label>
                  <input
                    type="checkbox"
                    checked={a.autoFill}
                    aria-label={`Fill automatically for ${a.label} when a site opens Angel's login`}
                    onChange={(e) => void setFlag(a, { autoFill: e.target.checked })}
                  />{' '}
                  Fill automatically when a site opens Angel's login
                </label>
              </div>
              {last?.needsAttention ? <p className="field__hint">{last.message}</p> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
