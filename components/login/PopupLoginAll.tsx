import { useEffect, useState } from 'react';
import { sendMessage } from '@/utils/messaging';
import type { AccountSummary } from '@/utils/vault/types';
import '@/utils/login/protocol';
import { formatTime, useLoginStore, watchLogin } from './store';

/** "Log in all": every account with daily login, one after another, with live steps. */
export function PopupLoginAll(_props: { account?: AccountSummary }) {
  const overview = useLoginStore((s) => s.overview);
  const [message, setMessage] = useState('');
  const [isError, setIsError] = useState(false);
  useEffect(() => watchLogin(), []);
  const running = overview?.attempts.filter((a) => a.status === 'running') ?? [];
  const queued = overview?.queue.length ?? 0;
  const start = async () => {
    setMessage('');
    try {
      const { queued: n } = await sendMessage('login/start-all');
      setIsError(false);
      setMessage(
        n === 0
          ? 'No account to log in: turn on "Daily login" for an account in the options (accounts that need attention are skipped).'
          : `Logging in ${n} account${n === 1 ? '' : 's'}, one after another.`,
      );
    } catch (err) {
      setIsError(true);
      setMessage(err instanceof Error ? err.message : 'The login could not start.');
    }
  };
  return (
    <section className="login-all" aria-label="Daily login">
      <div className="actions">
        <button type="button" className="primary" onClick={() => void start()} disabled={running.length > 0}>
          Log in all
        </button>
        {overview?.nextScheduledAt ? (
          <span className="muted">Next scheduled login: {formatTime(overview.nextScheduledAt)}</span>
        ) : null}
      </div>
      <p className={`form-message ${isError ? 'form-message--error' : ''}`} role="status">
        {message}
      </p>
      {running.length > 0 ? (
        <p className="muted" data-testid="login-all-progress">
          Logging in {running.map((a) => a.label).join(', ')}
          {queued ? `; ${queued} waiting` : ''}. Steps show beside each account.
        </p>
      ) : null}
    </section>
  );
}
