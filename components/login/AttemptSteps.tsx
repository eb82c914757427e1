import { useEffect, useState } from 'react';
import { loadAdvice, renderSaid, useT, type MessageKey } from '@/utils/i18n';
import { LOGIN_STEPS, type AttemptView, type LoginSaid, type LoginStep } from '@/utils/login/protocol';

/**
 * A stored login message may be worded by the texts the popup loads on demand (how a login
 * ended, en.loginEnd.ts): fetch them the first time one is shown, then show it again.
 */
export function useLoginEndTexts(said: LoginSaid | undefined): void {
  const needs = typeof said === 'object';
  const [, setReady] = useState(false);
  useEffect(() => {
    if (needs) void loadAdvice().then(() => setReady(true));
  }, [needs]);
}

/** The name of each login step (also used by the login history). */
export const STEP_KEYS: Record<LoginStep, MessageKey> = {
  opening: 'login.stepOpening',
  clientCode: 'login.stepClientCode',
  pin: 'login.stepPin',
  totp: 'login.stepTotp',
  redirected: 'login.stepRedirected',
  delivered: 'login.stepDelivered',
};

/** The steps of one attempt, reached ones ticked, live while it runs. */
export function AttemptSteps({ attempt }: { attempt: AttemptView }) {
  const t = useT();
  useLoginEndTexts(attempt.message);
  const reached = LOGIN_STEPS.filter((s) => attempt.steps[s] !== undefined);
  const current =
    attempt.status === 'running' ? LOGIN_STEPS.find((s) => attempt.steps[s] === undefined) : undefined;
  return (
    <div className="login-attempt" data-testid="login-attempt" data-status={attempt.status}>
      <ol className="login-steps" aria-label={t('login.stepsFor', { label: attempt.label })}>
        {LOGIN_STEPS.map((s) => {
          const done = reached.includes(s);
          const state = done ? 'done' : s === current ? 'current' : 'todo';
          return (
            <li
              key={s}
              className={`login-step login-step--${state}`}
              data-step={s}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span aria-hidden="true">{done ? '✓' : state === 'current' ? '…' : '·'}</span> {t(STEP_KEYS[s])}
              {!done && state === 'current' ? (
                <span className="visually-hidden"> {t('login.inProgress')}</span>
              ) : null}
            </li>
          );
        })}
      </ol>
      {attempt.status === 'failed' && attempt.message ? (
        <p className="form-message form-message--error keep-lines" role="alert">
          {renderSaid(attempt.message, t)}
        </p>
      ) : null}
    </div>
  );
}
