import { useEffect, useId, useState } from 'react';
import { useT, type MessageKey } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging';
import '@/utils/page/rules';
import type { PageRuleSummary, TaughtTarget } from '@/utils/page/rules';

/** MPIN and TOTP are names that stay in Latin script in every language. */
const TARGET_NAMES: Record<TaughtTarget, MessageKey | 'MPIN' | 'TOTP'> = {
  clientCode: 'engui.clientCode',
  pin: 'MPIN',
  totp: 'TOTP',
  press: 'engui.press',
  // The create-app form's fields, named as the fill report names them.
  appName: 'ip.fieldAppName',
  redirectUrl: 'ip.fieldRedirectUrl',
  postbackUrl: 'ip.fieldPostbackUrl',
  clientId: 'ip.fieldClientId',
  primaryIp: 'ip.fieldPrimaryIp',
  secondaryIp: 'ip.fieldSecondaryIp',
};

/** Options page: the pages the user taught ("Teach this page"), each deletable. */
export function PageRulesSection() {
  const t = useT();
  const id = useId();
  const [rules, setRules] = useState<PageRuleSummary[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    sendMessage('pageRules/list').then(setRules, (e: unknown) =>
      setError(e instanceof Error ? e.message : String(e)),
    );
  }, []);
  const remove = async (ruleId: string) => {
    setError('');
    try {
      setRules(await sendMessage('pageRules/delete', { id: ruleId }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section className="card" aria-labelledby={`${id}-h`} data-testid="page-rules">
      <h2 id={`${id}-h`}>{t('engui.title')}</h2>
      <p className="hint">{t('engui.hint')}</p>
      {rules && rules.length === 0 && <p>{t('engui.none')}</p>}
      {rules && rules.length > 0 && (
        <ul>
          {rules.map((r) => (
            <li key={r.id} data-testid="page-rule">
              <strong>
                {r.host}
                {r.path}
              </strong>{' '}
              — {r.kind === 'create-app' && `${t('engui.createApp')}: `}
              {(Object.keys(r.selectors) as TaughtTarget[])
                .map((k) => {
                  const name = TARGET_NAMES[k];
                  return name === 'MPIN' || name === 'TOTP' ? name : t(name);
                })
                .join(', ')}{' '}
              <button
                type="button"
                className="secondary"
                aria-label={t('engui.deleteLabel', { page: `${r.host}${r.path}` })}
                onClick={() => void remove(r.id)}
              >
                {t('engui.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
