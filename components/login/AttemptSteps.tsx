import { LOGIN_STEPS, STEP_LABELS, type AttemptView } from '@/utils/login/protocol';

/** The steps of one attempt, reached ones ticked, live while it runs. */
export function AttemptSteps({ attempt }: { attempt: AttemptView }) {
  const reached = LOGIN_STEPS.filter((s) => attempt.steps[s] !== undefined);
  const current =
    attempt.status === 'running' ? LOGIN_STEPS.find((s) => attempt.steps[s] === undefined) : undefined;
  return (
    <div className="login-attempt" data-testid="login-attempt" data-status={attempt.status}>
      <ol className="login-steps" aria-label={`Login steps for ${attempt.label}`}>
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
              <span aria-hidden="true">{done ? '✓' : state === 'current' ? '…' : '·'}</span> {STEP_LABELS[s]}
              {!done && state === 'current' ? <span className="visually-hidden"> (in progress)</span> : null}
            </li>
          );
        })}
      </ol>
      {attempt.status === 'failed' && attempt.message ? (
        <p className="form-message form-message--error" role="alert">
          {attempt.message}
        </p>
      ) : null}
    </div>
  );
}
