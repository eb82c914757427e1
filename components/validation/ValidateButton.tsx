import { useEffect, useState } from 'react';
import { sendMessage } from '@/utils/messaging';
import type { AccountSummary } from '@/utils/vault/types';
import '@/utils/angel/protocol';
import './validation.css';
import { ResultView } from './ResultView';
import { useT } from '@/utils/i18n';
import { useValidationStore, watchValidation } from './store';

/** "Validate" for one account row (popup and options): progress, then the result inline. */
export function ValidateButton({ account }: { account?: AccountSummary }) {
  const t = useT();
  const result = useValidationStore((s) => (account ? s.results[account.id] : undefined));
  const [sending, setSending] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => watchValidation(), []);
  if (!account) return null;
  const running = sending || result?.state === 'running';

  const validate = async () => {
    if (running) return;
    setError('');
    setSending(true);
    try {
      const r = await sendMessage('validate/account', { accountId: account.id });
      useValidationStore.setState((s) => ({ results: { ...s.results, [r.accountId]: r } }));
    } catch (err) {
      setError(err instanceof Error ? err.message : t('val.couldNotStart'));
    } finally {
      setSending(false);
    }
  };

  return (
    <div className="validate" data-testid={`validate-${account.id}`}>
      <button
        type="button"
        onClick={() => void validate()}
        aria-disabled={running}
        aria-busy={running}
        aria-label={t('val.buttonName', { label: account.label })}
        title={t('val.buttonTitle')}
        data-testid="validate-button"
      >
        {running ? t('val.validating') : t('val.validate')}
      </button>
      <div role="status" aria-live="polite" className="validate__status">
        {running ? (
          <span className="working">
            <progress aria-label={t('val.validatingName', { label: account.label })} /> {t('val.checking')}
          </span>
        ) : result ? (
          <ResultView result={result} />
        ) : null}
      </div>
      {error ? (
        <p className="form-message form-message--error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
