import { useEffect, useState } from 'react';
import type { ValidationResult } from '@/utils/angel/protocol';
import { loadAdvice, useT } from '@/utils/i18n';
import { adviceText, angelCodeOf, formatWhen, okDetails, resultHeadline } from './format';

/** One validation result, inline under an account row. */
export function ResultView({ result }: { result: ValidationResult }) {
  const t = useT();
  // Advice is a message; the popup fetches its texts the first time it shows one.
  const needsAdvice = result.advice !== undefined || result.profileProblem !== undefined;
  const [, setAdviceReady] = useState(false);
  useEffect(() => {
    if (needsAdvice) void loadAdvice().then(() => setAdviceReady(true));
  }, [needsAdvice]);
  if (result.state === 'running') return <span className="muted">{t('val.checking')}</span>;
  const code = angelCodeOf(result);
  const advice = adviceText(result);
  const ok = result.state === 'ok';
  return (
    <div
      className={`validation-result validation-result--${ok ? 'ok' : 'failed'}`}
      data-testid="validation-result"
      data-state={result.state}
    >
      <p className="validation-result__headline">
        <span aria-hidden="true">{ok ? '✓ ' : '⚠ '}</span>
        <strong>{ok ? resultHeadline(result) : t('val.failedPrefix')}</strong>
        {ok ? null : <span data-testid="validation-explanation">{resultHeadline(result)}</span>}
      </p>
      {ok && okDetails(result) ? <p className="field__hint">{okDetails(result)}</p> : null}
      {advice ? (
        <p className="validation-result__advice" data-testid="validation-advice">
          {ok ? advice : t('val.next', { advice })}
        </p>
      ) : null}
      <p className="field__hint">
        {code ? t('val.angelCode', { code }) : null}
        {result.advice?.angelMessage && !code
          ? t('val.angelSaid', { message: result.advice.angelMessage })
          : null}
        {formatWhen(result.finishedAt)}
      </p>
    </div>
  );
}
