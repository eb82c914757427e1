import { useEffect, useState } from 'react';
import { useT } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging';
import type { AccountSummary } from '@/utils/vault/types';
import '@/utils/login/protocol';
import { formatTime, useLoginStore, watchLogin } from './store';

/** "Log in all": every account with daily login, one after another, with live steps. */
export function PopupLoginAll(_props: { account?: AccountSummary }) {
  const overview = useLoginStore((s) => s.overview);
  const [message, setMessage] = useState('');
  const [isError, setIsError] = useState(false);
  const t = useT();
  useEffect(() => watchLogin(), []);
  const running = overview?.attempts.filter((a) => a.status === 'running') ?? [];
  const queued = overview?.queue.length ?? 0;
  const start = async () => {
    setMessage('');
    try {
      const { queued: n } = await sendMessage('login/start-all');
      setIsError(false);
      setMessage(
        n === 0 ? t('login.noneToLogIn') : n === 1 ? t('login.startedOne') : t('login.startedMany', { n }),
      );
    } catch (err) {
      setIsError(true);
      setMessage(err instanceof Error ? err.message : t('ip.loginNoStart'));
    }
  };
  return (
    <section className="login-all" aria-label={t('login.title')}>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void start()} disabled={running.length > 0}>
          {t('login.logInAll')}
        </button>
        {overview?.nextScheduledAt ? (
          <span className="muted">
            {t('login.nextScheduled', { when: formatTime(overview.nextScheduledAt) })}
          </span>
        ) : null}
      </div>
      <p className={`form-message ${isError ? 'form-message--error' : ''}`} role="status">
        {message}
      </p>
      {running.length > 0 ? (
        <p className="muted" data-testid="login-all-progress">
          {queued
            ? t('login.progressWaiting', { labels: running.map((a) => a.label).join(', '), n: queued })
            : t('login.progress', { labels: running.map((a) => a.label).join(', ') })}
        </p>
      ) : null}
    </section>
  );
}
