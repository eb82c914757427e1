import { useEffect, useId, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage, UserError } from '@/utils/messaging';
import type { OutboxView, SendResult, TargetView } from '@/utils/delivery/protocol';
import { checkWebhookUrl } from '@/utils/delivery/url';
import type { AccountSummary } from '@/utils/vault/types';
import { formatDateTime } from '@/utils/ui/format';
import { messageOf, useVault } from '@/utils/ui/vaultStore';
import { watchStorage } from '@/utils/ui/storageWatch';
import { deliveryStore, useDelivery } from './deliveryStore';
import { SettingsCheckBanner } from './SettingsCheckBanner';
import './delivery.css';
import { render, renderSaid, t as tNow, useT, type MessageKey } from '@/utils/i18n';

/** The stored delivery state: the section re-reads the overview when one of these changes. */
const DELIVERY_KEYS = ['delivery.targets', 'delivery.outbox', 'delivery.status'] as const;

const OUTCOME_LABEL: Record<string, MessageKey> = {
  delivered: 'dl.outDelivered',
  retrying: 'dl.outRetrying',
  failed: 'dl.outFailed',
  expired: 'dl.outExpired',
  'waiting-unlock': 'dl.outWaitingUnlock',
};

function outcomeLabel(outcome: string): string {
  const key = OUTCOME_LABEL[outcome];
  return key ? tNow(key) : outcome;
}

/**
 * Options page: per account its delivery targets, adding targets (with the runtime site-access
 * request), last delivery status, "Send test event", "Retry now" and the outbox (tokens masked).
 */
export function DeliverySection({ account }: { account?: AccountSummary }) {
  const t = useT();
  const allAccounts = useVault((s) => s.accounts);
  const overview = useDelivery((s) => s.overview);
  const loadError = useDelivery((s) => s.loadError);
  const accounts = account ? [account] : allAccounts;
  const vaultState = useVault((s) => s.status?.state);

  // No polling: deliveries progress in the background and are followed through storage.
  useEffect(() => watchStorage('local', DELIVERY_KEYS, () => void deliveryStore.getState().refresh()), []);
  // Lock and unlock change what can be shown (masked tokens, "waiting for unlock").
  useEffect(() => {
    void deliveryStore.getState().refresh();
  }, [vaultState]);

  const outbox = (overview?.outbox ?? []).filter((e) => accounts.some((a) => a.id === e.accountId));
  return (
    <section className="card delivery" id="delivery" aria-labelledby="delivery-title" tabIndex={-1}>
      <h2 id="delivery-title">{t('dl.title')}</h2>
      <p className="muted">{t('dl.intro')}</p>
      {loadError && (
        <p className="form-message form-message--error" role="alert">
          {loadError}
        </p>
      )}
      {overview?.locked && (
        <div className="banner banner--warn" role="status">
          {t('dl.locked')}
        </div>
      )}
      <SettingsCheckBanner settings={overview?.settings} />
      {accounts.length === 0 && <p className="muted">{t('dl.noAccounts')}</p>}
      {accounts.map((a) => (
        <AccountTargets
          key={a.id}
          account={a}
          targets={(overview?.targets ?? []).filter((x) => x.accountId === a.id)}
        />
      ))}
      <OutboxTable entries={outbox} />
    </section>
  );
}

function AccountTargets({ account, targets }: { account: AccountSummary; targets: TargetView[] }) {
  const t = useT();
  const headingId = useId();
  return (
    <div className="delivery__account" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {account.label} <span className="account-row__client">{account.clientCode}</span>
      </h3>
      {targets.length === 0 ? (
        <p className="muted">{t('dl.noTarget')}</p>
      ) : (
        <ul className="account-list" aria-label={t('dl.targetsOf', { label: account.label })}>
          {targets.map((x) => (
            <TargetRow key={x.id} target={x} account={account} />
          ))}
        </ul>
      )}
      <AddTargetForm account={account} hasRedirect={targets.some((x) => x.kind === 'angel-redirect')} />
    </div>
  );
}

function describeResult(r: SendResult): string {
  return `${outcomeLabel(r.outcome)}. ${renderSaid(r.message, tNow)}`.trim();
}

function TargetRow({ target, account }: { target: TargetView; account: AccountSummary }) {
  const t = useT();
  const [busy, setBusy] = useState<string | null>(null);
  const [note, setNote] = useState<{ ok?: string; error?: string }>({});
  const [secret, setSecret] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const name = target.kind === 'webhook' ? (target.url ?? t('dl.webhookFallback')) : t('dl.angelRedirect');

  async function run(label: string, fn: () => Promise<string | void>) {
    setBusy(label);
    setNote({});
    try {
      const ok = await fn();
      if (ok) setNote({ ok });
    } catch (err) {
      setNote({ error: messageOf(err) });
    } finally {
      setBusy(null);
      await deliveryStore.getState().refresh();
    }
  }

  function allowAccess() {
    if (!target.permissionPattern) return;
    // Called straight from the click: browsers only show the request during a user gesture.
    const asked = browser.permissions.request({ origins: [target.permissionPattern] });
    void run('access', async () => {
      const granted = await asked;
      if (!granted) throw new UserError('access-refused', t('dl.accessRefused'));
      return t('dl.accessAllowed');
    }).catch(() => undefined);
  }

  const removeButton = (
    <RemoveButton
      name={name}
      confirm={confirmRemove}
      setConfirm={setConfirmRemove}
      busy={busy !== null}
      onRemove={() =>
        run('remove', async () => {
          await sendMessage('delivery/remove-target', { targetId: target.id });
        })
      }
    />
  );

  if (target.kind === 'angel-redirect') {
    return (
      <li className="account-row delivery__target">
        <div className="account-row__main">
          <strong>{t('dl.angelRedirect')}</strong>
          <span className="muted">
            {t('dl.redirectText', { url: account.redirectUrl || t('dl.redirectFallback') })}
          </span>
        </div>
        <div className="account-row__actions">{removeButton}</div>
        <FormNote note={note} />
      </li>
    );
  }

  const last = target.last;
  return (
    <li className="account-row delivery__target" data-target-id={target.id}>
      <div className="account-row__main">
        <strong>{t('dl.webhook')}</strong>
        <code className="delivery__url">{target.url}</code>
        {target.siteAccess === false && <span className="badge badge--warn">{t('dl.noAccess')}</span>}
        {target.pending > 0 && <span className="badge">{t('dl.waiting', { n: target.pending })}</span>}
        {target.failed > 0 && (
          <span className="badge badge--warn">{t('dl.stopped', { n: target.failed })}</span>
        )}
      </div>
      <p className="delivery__last" aria-live="polite">
        {last ? (
          <>
            {last.test ? t('dl.lastDeliveryTest') : t('dl.lastDelivery')}{' '}
            <strong className={`delivery__outcome delivery__outcome--${last.outcome}`}>
              {outcomeLabel(last.outcome)}
            </strong>{' '}
            {t('dl.at', { when: formatDateTime(last.at) })}{' '}
            <span className="muted">{renderSaid(last.message, t)}</span>
          </>
        ) : (
          <span className="muted">{t('dl.nothingSent')}</span>
        )}
      </p>
      {target.siteAccess === false && (
        <p className="warning">
          {t('dl.cannotReach')}{' '}
          <button type="button" onClick={allowAccess} disabled={busy !== null}>
            {t('dl.allowAccess')}
          </button>
        </p>
      )}
      <div className="account-row__actions">
        <button
          type="button"
          disabled={busy !== null}
          aria-label={t('dl.sendTestName', { name })}
          onClick={() =>
            run('test', async () =>
              describeResult(await sendMessage('delivery/send-test', { targetId: target.id })),
            )
          }
        >
          {busy === 'test' ? t('dl.sending') : t('dl.sendTest')}
        </button>
        <button
          type="button"
          disabled={busy !== null || target.pending + target.failed === 0}
          aria-label={t('dl.retryName', { name })}
          onClick={() =>
            run('retry', async () => {
              const results = await sendMessage('delivery/retry-now', { targetId: target.id });
              return results.length ? results.map(describeResult).join(' ') : t('dl.nothingWaiting');
            })
          }
        >
          {busy === 'retry' ? t('dl.sending') : t('dl.retry')}
        </button>
        <button
          type="button"
          disabled={busy !== null}
          aria-label={t('dl.newSecretName', { name })}
          onClick={() =>
            run('rotate', async () => {
              setSecret((await sendMessage('delivery/rotate-secret', { targetId: target.id })).secret);
            })
          }
        >
          {t('dl.newSecret')}
        </button>
        {removeButton}
      </div>
      {secret && <SecretReveal secret={secret} onDone={() => setSecret(null)} />}
      <FormNote note={note} />
    </li>
  );
}

function RemoveButton(props: {
  name: string;
  confirm: boolean;
  setConfirm(v: boolean): void;
  busy: boolean;
  onRemove(): void;
}) {
  const t = useT();
  if (!props.confirm) {
    return (
      <button
        type="button"
        disabled={props.busy}
        aria-label={t('dl.removeName', { name: props.name })}
        onClick={() => props.setConfirm(true)}
      >
        {t('dl.remove')}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={t('dl.confirmRemoval')}>
      <p>{t('dl.removeText')}</p>
      <button
        type="button"
        className="danger"
        onClick={() => {
          props.setConfirm(false);
          props.onRemove();
        }}
      >
        {t('dl.yesRemove')}
      </button>
      <button type="button" onClick={() => props.setConfirm(false)}>
        {t('dl.keep')}
      </button>
    </span>
  );
}

function FormNote({ note }: { note: { ok?: string; error?: string } }) {
  if (note.error) {
    return (
      <p className="form-message form-message--error" role="alert">
        {note.error}
      </p>
    );
  }
  return (
    <p className="form-message form-message--ok" role="status">
      {note.ok ?? ''}
    </p>
  );
}

function SecretReveal({ secret, onDone }: { secret: string; onDone(): void }) {
  const t = useT();
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div className="banner banner--warn delivery__secret" role="region" aria-label={t('dl.secretRegion')}>
      <label htmlFor={id}>
        <strong>{t('dl.secretStrong')}</strong> {t('dl.secretText')}
      </label>
      <div className="field__row">
        <input
          id={id}
          readOnly
          value={secret}
          className="delivery__secret-value"
          onFocus={(e) => e.currentTarget.select()}
          spellCheck={false}
        />
        <button
          type="button"
          onClick={() => {
            void navigator.clipboard.writeText(secret).then(
              () => setCopied(true),
              () => setCopied(false),
            );
          }}
        >
          {copied ? t('dl.copied') : t('dl.copy')}
        </button>
        <button type="button" className="primary" onClick={onDone}>
          {t('dl.savedIt')}
        </button>
      </div>
    </div>
  );
}

function AddTargetForm({ account, hasRedirect }: { account: AccountSummary; hasRedirect: boolean }) {
  const t = useT();
  const urlId = useId();
  const kindId = useId();
  const [kind, setKind] = useState<'webhook' | 'angel-redirect'>('webhook');
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setOk(null);
    if (kind === 'angel-redirect') {
      setBusy(true);
      void sendMessage('delivery/add-target', { accountId: account.id, kind: 'angel-redirect' })
        .then(
          () => setOk(t('dl.added')),
          (err: unknown) => setError(messageOf(err)),
        )
        .finally(() => {
          setBusy(false);
          void deliveryStore.getState().refresh();
        });
      return;
    }
    const check = checkWebhookUrl(url);
    if (!check.ok) {
      setError(render(check.error, t));
      return;
    }
    // The site-access request must start inside the click/submit itself (user gesture).
    let asked: Promise<boolean>;
    try {
      asked = browser.permissions.request({ origins: [check.permissionPattern] });
    } catch {
      asked = Promise.resolve(false);
    }
    setBusy(true);
    void (async () => {
      try {
        const granted = await asked.catch(() => false);
        if (!granted) {
          setError(t('dl.notAllowed', { origin: check.origin }));
          return;
        }
        const res = await sendMessage('delivery/add-target', {
          accountId: account.id,
          kind: 'webhook',
          url: check.url,
        });
        setUrl('');
        setSecret(res.secret ?? null);
      } catch (err) {
        setError(messageOf(err));
      } finally {
        setBusy(false);
        void deliveryStore.getState().refresh();
      }
    })();
  }

  return (
    <form
      className="delivery__add"
      onSubmit={submit}
      noValidate
      aria-label={t('dl.addFor', { label: account.label })}
    >
      <div className="field__row">
        <label htmlFor={kindId} className="visually-hidden">
          {t('dl.kind')}
        </label>
        <select
          id={kindId}
          value={kind}
          onChange={(e) => setKind(e.target.value as 'webhook' | 'angel-redirect')}
        >
          <option value="webhook">{t('dl.kindWebhook')}</option>
          <option value="angel-redirect" disabled={hasRedirect}>
            {t('dl.kindRedirect')}
          </option>
        </select>
        {kind === 'webhook' && (
          <>
            <label htmlFor={urlId} className="visually-hidden">
              {t('dl.urlFor', { label: account.label })}
            </label>
            <input
              id={urlId}
              type="url"
              inputMode="url"
              placeholder="https://your-server.example/angel-tokens"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${urlId}-error` : undefined}
            />
          </>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('dl.adding') : t('dl.add')}
        </button>
      </div>
      {error && (
        <p id={`${urlId}-error`} className="form-message form-message--error" role="alert">
          {error}
        </p>
      )}
      {ok && (
        <p className="form-message form-message--ok" role="status">
          {ok}
        </p>
      )}
      {secret && <SecretReveal secret={secret} onDone={() => setSecret(null)} />}
    </form>
  );
}

function OutboxTable({ entries }: { entries: OutboxView[] }) {
  const t = useT();
  const [note, setNote] = useState<{ ok?: string; error?: string }>({});
  async function act(fn: () => Promise<string | void>) {
    setNote({});
    try {
      const ok = await fn();
      if (ok) setNote({ ok });
    } catch (err) {
      setNote({ error: messageOf(err) });
    } finally {
      await deliveryStore.getState().refresh();
    }
  }
  return (
    <div className="delivery__outbox">
      <h3 id="outbox-title">{t('dl.outbox')}</h3>
      {entries.length === 0 ? (
        <p className="muted">{t('dl.outboxEmpty')}</p>
      ) : (
        <table aria-labelledby="outbox-title" className="delivery__table">
          <thead>
            <tr>
              <th scope="col">{t('dl.colAccount')}</th>
              <th scope="col">{t('dl.colTo')}</th>
              <th scope="col">{t('dl.colState')}</th>
              <th scope="col">{t('dl.colTokens')}</th>
              <th scope="col">{t('dl.colActions')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.eventId} data-event-id={e.eventId}>
                <td>
                  {e.accountLabel} <span className="account-row__client">{e.clientCode}</span>
                  {e.test && <span className="badge">{t('dl.test')}</span>}
                </td>
                <td>
                  <code className="delivery__url">{e.url}</code>
                </td>
                <td>
                  <strong>
                    {e.state === 'pending'
                      ? t('dl.stWaiting')
                      : e.state === 'failed'
                        ? t('dl.stRefused')
                        : t('dl.stGaveUp')}
                  </strong>
                  <br />
                  <span className="muted">
                    {e.attempts === 1 ? t('dl.attempt1') : t('dl.attempts', { n: e.attempts })}
                    {e.state === 'pending' ? t('dl.next', { when: formatDateTime(e.nextAttemptAt) }) : ''}
                    {t('dl.until', { when: formatDateTime(e.deadline) })}
                  </span>
                  {e.lastMessage && <div className="muted">{renderSaid(e.lastMessage, t)}</div>}
                </td>
                <td>
                  <div>auth {e.maskedAuthToken}</div>
                  <div>feed {e.maskedFeedToken}</div>
                  {e.maskedRefreshToken && <div>refresh {e.maskedRefreshToken}</div>}
                </td>
                <td>
                  <div className="account-row__actions">
                    <button
                      type="button"
                      aria-label={t('dl.retryEntry', { url: e.url, when: formatDateTime(e.createdAt) })}
                      onClick={() =>
                        void act(async () =>
                          (await sendMessage('delivery/retry-now', { eventId: e.eventId }))
                            .map(describeResult)
                            .join(' '),
                        )
                      }
                    >
                      {t('dl.retry')}
                    </button>
                    <button
                      type="button"
                      aria-label={t('dl.discardEntry', { url: e.url, when: formatDateTime(e.createdAt) })}
                      onClick={() =>
                        void act(async () => sendMessage('delivery/discard', { eventId: e.eventId }))
                      }
                    >
                      {t('dl.discard')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FormNote note={note} />
    </div>
  );
}
