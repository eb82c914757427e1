import { useEffect, useId, useState } from 'react';
import { renderSaid, useT, type MessageKey } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging';
import type { AccountSummary } from '@/utils/vault/types';
import '@/utils/vault/types';
import '@/utils/login/protocol';
import type { LoginSettings } from '@/utils/login/protocol';
import { parseHolidays, parseTime } from '@/utils/login/schedule';
import { MAX_TIMEOUT_SEC, MIN_TIMEOUT_SEC } from '@/utils/login/storage';
import { formatTime, useLoginStore, watchLogin } from './store';

/** Day names by JavaScript day number (0 = Sunday). */
const DAYS: MessageKey[] = [
  'login.day0',
  'login.day1',
  'login.day2',
  'login.day3',
  'login.day4',
  'login.day5',
  'login.day6',
];

/** Options page: the daily login's schedule, timeout and which accounts take part. */
export function LoginSettingsSection(_props: { account?: AccountSummary }) {
  const overview = useLoginStore((s) => s.overview);
  const setOverview = useLoginStore((s) => s.set);
  const [draft, setDraft] = useState<LoginSettings | null>(null);
  const [holidays, setHolidays] = useState('');
  const [accounts, setAccounts] = useState<AccountSummary[]>([]);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const id = useId();
  const t = useT();
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
      setMessage({ text: t('login.notDateLike', { list: parsedHolidays.invalid.join(', ') }), error: true });
      return;
    }
    try {
      const next = await sendMessage('login/settings', {
        settings: { ...draft, schedule: { ...draft.schedule, holidays: parsedHolidays.dates } },
      });
      setOverview(next);
      setDraft(next.settings);
      setHolidays(next.settings.schedule.holidays.join('\n'));
      setMessage({ text: t('login.saved'), error: false });
    } catch (err) {
      setMessage({ text: err instanceof Error ? err.message : t('login.notSaved'), error: true });
    }
  };

  const setFlag = async (a: AccountSummary, flags: { dailyLogin?: boolean; autoFill?: boolean }) => {
    try {
      await sendMessage('login/account-flags', { accountId: a.id, ...flags });
      await loadAccounts();
    } catch (err) {
      setMessage({ text: err instanceof Error ? err.message : t('login.notSaved'), error: true });
    }
  };

  const schedule = draft.schedule;
  return (
    <section className="card" aria-labelledby={`${id}-h`} data-testid="login-settings">
      <h2 id={`${id}-h`}>{t('login.title')}</h2>
      <p className="muted">{t('login.intro')}</p>

      <div className="field">
        <label htmlFor={`${id}-timeout`}>{t('login.timeout')}</label>
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
          {t('login.timeoutHint', { min: MIN_TIMEOUT_SEC, max: MAX_TIMEOUT_SEC })}
        </p>
      </div>

      <h3>{t('login.schedule')}</h3>
      <div className="field field--check">
        <div className="field__row">
          <input
            id={`${id}-enabled`}
            type="checkbox"
            checked={schedule.enabled}
            onChange={(e) => setDraft({ ...draft, schedule: { ...schedule, enabled: e.target.checked } })}
          />
          <label htmlFor={`${id}-enabled`}>{t('login.everyMorning')}</label>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-time`}>{t('login.time')}</label>
        <input
          id={`${id}-time`}
          type="time"
          value={schedule.time}
          aria-invalid={!timeOk}
          onChange={(e) => setDraft({ ...draft, schedule: { ...schedule, time: e.target.value } })}
        />
      </div>
      <fieldset className="radios">
        <legend>{t('login.days')}</legend>
        {DAYS.map((key, day) => (
          <label key={key}>
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
            {t(key)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-holidays`}>{t('login.holidays')}</label>
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
            ? t('login.notDates', { list: parsedHolidays.invalid.join(', ') })
            : `${
                parsedHolidays.dates.length === 1
                  ? t('login.holidayOne')
                  : t('login.holidayMany', { n: parsedHolidays.dates.length })
              } ${t('login.lockedNote')}`}
        </p>
      </div>
      {overview?.nextScheduledAt ? (
        <p className="muted">{t('login.nextRun', { when: formatTime(overview.nextScheduledAt) })}</p>
      ) : null}
      <div className="actions">
        <button type="button" className="primary" onClick={() => void save()}>
          {t('login.saveSettings')}
        </button>
      </div>
      <p
        className={`form-message ${message?.error ? 'form-message--error' : 'form-message--ok'}`}
        role="status"
      >
        {message?.text ?? ''}
      </p>

      <h3>{t('login.accounts')}</h3>
      {accounts.length === 0 ? <p className="muted">{t('login.noAccounts')}</p> : null}
      <ul className="account-list">
        {accounts.map((a) => {
          const last = overview?.results[a.id];
          return (
            <li key={a.id} className="account-row">
              <div className="account-row__main">
                <strong>{a.label}</strong>
                <span className="account-row__client">{a.clientCode}</span>
                {last ? (
                  <span
                    className={`badge ${last.ok ? 'badge--ok' : 'badge--warn'}`}
                    title={renderSaid(last.message, t)}
                  >
                    {last.needsAttention
                      ? t('login.needsAttention')
                      : last.ok
                        ? t('login.loggedIn')
                        : t('login.failed')}{' '}
                    · {formatTime(last.at)}
                  </span>
                ) : null}
              </div>
              <div className="account-row__actions">
                <label>
                  <input
                    type="checkbox"
                    checked={a.dailyLogin}
                    aria-label={t('login.dailyFor', { label: a.label })}
                    onChange={(e) => void setFlag(a, { dailyLogin: e.target.checked })}
                  />{' '}
                  {t('login.dailyCheck')}
                </label>
                <label>
                  <input
                    type="checkbox"
                    checked={a.autoFill}
                    aria-label={t('login.autoFillFor', { label: a.label })}
                    onChange={(e) => void setFlag(a, { autoFill: e.target.checked })}
                  />{' '}
                  {t('login.autoFill')}
                </label>
              </div>
              {last?.needsAttention ? <p className="field__hint">{renderSaid(last.message, t)}</p> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
