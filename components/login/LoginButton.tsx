import { useEffect, useRef, useState } from 'react';
import { renderSaid, useT } from '@/utils/i18n';
import { sendMessage, UserError } from '@/utils/messaging';
import type { AccountSummary } from '@/utils/vault/types';
import '@/utils/login/protocol';
import { AttemptSteps, useLoginEndTexts } from './AttemptSteps';
import { SamePinConfirm } from './SamePinConfirm';
import { formatTime, useLoginStore, watchLogin } from './store';

/** "Log in" for one account, its live steps while running, and its last result. */
export function LoginButton({ account }: { account?: AccountSummary }) {
  const overview = useLoginStore((s) => s.overview);
  const [error, setError] = useState('');
  const [starting, setStarting] = useState(false);
  /** Angel refused this MPIN last time: the question shown before logging in with it again. */
  const [samePin, setSamePin] = useState('');
  const buttonRef = useRef<HTMLButtonElement>(null);
  const t = useT();
  useEffect(() => watchLogin(), []);
  useLoginEndTexts(account ? overview?.results[account.id]?.message : undefined);
  if (!account) return null;
  const attempts = overview?.attempts.filter((a) => a.accountId === account.id) ?? [];
  const live = attempts.filter((a) => a.status === 'running').at(-1);
  const queued = overview?.queue.includes(account.id) ?? false;
  const last = overview?.results[account.id];
  const start = async (confirmSamePin = false) => {
    setError('');
    setStarting(true);
    try {
      await sendMessage('login/start', { accountId: account.id, confirmSamePin });
      setSamePin('');
    } catch (err) {
      if (err instanceof UserError && err.code === 'confirm-same-pin') setSamePin(err.message);
      else {
        setSamePin('');
        setError(err instanceof Error ? err.message : t('ip.loginNoStart'));
      }
    } finally {
      setStarting(false);
    }
  };
  const cancelSamePin = () => {
    setSamePin('');
    buttonRef.current?.focus();
  };
  return (
    <div className="login-button" data-testid={`login-${account.id}`}>
      <button
        ref={buttonRef}
        type="button"
        onClick={() => void start()}
        disabled={starting || !!live || !!samePin || !account.apiKeyLast4}
        aria-label={t('login.logInAria', { label: account.label })}
        title={account.apiKeyLast4 ? undefined : t('login.needKey')}
      >
        {live ? t('login.loggingIn') : queued ? t('login.queued') : t('login.logIn')}
      </button>{' '}
      {last && !live ? (
        <span
          className={`badge ${last.ok ? 'badge--ok' : 'badge--warn'}`}
          data-testid="login-last-result"
          data-ok={last.ok ? 'true' : 'false'}
          title={renderSaid(last.message, t)}
        >
          {last.needsAttention
            ? t('login.needsAttention')
            : last.ok
              ? t('login.loggedIn')
              : t('login.loginFailed')}{' '}
          · {formatTime(last.at)}
        </span>
      ) : null}
      {samePin && !live ? (
        <SamePinConfirm
          message={samePin}
          busy={starting}
          onConfirm={() => void start(true)}
          onCancel={cancelSamePin}
        />
      ) : null}
      {live ? <AttemptSteps attempt={live} /> : null}
      {last && !last.ok && !live ? (
        <p className="field__hint keep-lines" data-testid="login-last-message">
          {renderSaid(last.message, t)}
        </p>
      ) : null}
      {error ? (
        <p className="form-message form-message--error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
