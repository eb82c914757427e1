import { useEffect, useId, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage, UserError } from '@/utils/messaging';
import type { OutboxView, SendResult, TargetView } from '@/utils/delivery/protocol';
import { checkWebhookUrl } from '@/utils/delivery/url';
import type { AccountSummary } from '@/utils/vault/types';
import { formatDateTime } from '@/utils/ui/format';
import { messageOf, useVault } from '@/utils/ui/vaultStore';
import { deliveryStore, useDelivery } from './deliveryStore';
import './delivery.css';

/** How often the section re-reads the outbox while it is open (deliveries progress on their own). */
const REFRESH_MS = 4000;

const OUTCOME_LABEL: Record<string, string> = {
  delivered: 'Delivered',
  retrying: 'Waiting to retry',
  failed: 'Refused',
  expired: 'Gave up (deadline passed)',
  'waiting-unlock': 'Waiting for unlock',
};

/**
 * Options page: per account its delivery targets, adding targets (with the runtime site-access
 * request), last delivery status, "Send test event", "Retry now" and the outbox (tokens masked).
 */
export function DeliverySection({ account }: { account?: AccountSummary }) {
  const allAccounts = useVault((s) => s.accounts);
  const overview = useDelivery((s) => s.overview);
  const loadError = useDelivery((s) => s.loadError);
  const accounts = account ? [account] : allAccounts;

  useEffect(() => {
    void deliveryStore.getState().refresh();
    const t = setInterval(() => void deliveryStore.getState().refresh(), REFRESH_MS);
    return () => clearInterval(t);
  }, []);

  const outbox = (overview?.outbox ?? []).filter((e) => accounts.some((a) => a.id === e.accountId));
  return (
    <section className="card delivery" id="delivery" aria-labelledby="delivery-title" tabIndex={-1}>
      <h2 id="delivery-title">Token delivery</h2>
      <p className="muted">
        Send each day's tokens to your own server the moment they are captured: signed, retried until your
        server answers, never lost when the browser closes. The format is described in docs/webhook.md; a
        ready-made receiver is in examples/token-receiver.
      </p>
      {loadError && (
        <p className="form-message form-message--error" role="alert">
          {loadError}
        </p>
      )}
      {overview?.locked && (
        <div className="banner banner--warn" role="status">
          The vault is locked: waiting deliveries go out as soon as you unlock it.
        </div>
      )}
      {accounts.length === 0 && (
        <p className="muted">Add an account first; then choose where its tokens go.</p>
      )}
      {accounts.map((a) => (
        <AccountTargets
          key={a.id}
          account={a}
          targets={(overview?.targets ?? []).filter((t) => t.accountId === a.id)}
        />
      ))}
      <OutboxTable entries={outbox} />
    </section>
  );
}

function AccountTargets({ account, targets }: { account: AccountSummary; targets: TargetView[] }) {
  const headingId = useId();
  return (
    <div className="delivery__account" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {account.label} <span className="account-row__client">{account.clientCode}</span>
      </h3>
      {targets.length === 0 ? (
        <p className="muted">No delivery target: tokens stay in the vault only.</p>
      ) : (
        <ul className="account-list" aria-label={`Delivery targets of ${account.label}`}>
          {targets.map((t) => (
            <TargetRow key={t.id} target={t} account={account} />
          ))}
        </ul>
      )}
      <AddTargetForm account={account} hasRedirect={targets.some((t) => t.kind === 'angel-redirect')} />
    </div>
  );
}

function describeResult(r: SendResult): string {
  return `${OUTCOME_LABEL[r.outcome] ?? r.outcome}. ${r.message}`.trim();
}

function TargetRow({ target, account }: { target: TargetView; account: AccountSummary }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [note, setNote] = useState<{ ok?: string; error?: string }>({});
  const [secret, setSecret] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const name = target.kind === 'webhook' ? (target.url ?? 'webhook') : 'Angel redirect';

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
      if (!granted)
        throw new UserError(
          'access-refused',
          'Access was not allowed, so deliveries to this site may fail. Press "Allow access" again and choose "Allow".',
        );
      return 'Access allowed.';
    }).catch(() => undefined);
  }

  if (target.kind === 'angel-redirect') {
    return (
      <li className="account-row delivery__target">
        <div className="account-row__main">
          <strong>Angel redirect</strong>
          <span className="muted">
            After a publisher login Angel sends the browser on to{' '}
            {account.redirectUrl || 'the app’s Redirect URL'}, which receives the tokens itself. Nothing is
            sent by the extension.
          </span>
        </div>
        <div className="account-row__actions">
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
        </div>
        <FormNote note={note} />
      </li>
    );
  }

  const last = target.last;
  return (
    <li className="account-row delivery__target" data-target-id={target.id}>
      <div className="account-row__main">
        <strong>Webhook</strong>
        <code className="delivery__url">{target.url}</code>
        {target.siteAccess === false && <span className="badge badge--warn">No site access</span>}
        {target.pending > 0 && <span className="badge">{target.pending} waiting</span>}
        {target.failed > 0 && <span className="badge badge--warn">{target.failed} stopped</span>}
      </div>
      <p className="delivery__last" aria-live="polite">
        {last ? (
          <>
            Last delivery{last.test ? ' (test)' : ''}:{' '}
            <strong className={`delivery__outcome delivery__outcome--${last.outcome}`}>
              {OUTCOME_LABEL[last.outcome] ?? last.outcome}
            </strong>{' '}
            at {formatDateTime(last.at)}. <span className="muted">{last.message}</span>
          </>
        ) : (
          <span className="muted">Nothing sent yet.</span>
        )}
      </p>
      {target.siteAccess === false && (
        <p className="warning">
          The browser does not let the extension reach this site yet, so deliveries may fail.{' '}
          <button type="button" onClick={allowAccess} disabled={busy !== null}>
            Allow access
          </button>
        </p>
      )}
      <div className="account-row__actions">
        <button
          type="button"
          disabled={busy !== null}
          aria-label={`Send test event to ${name}`}
          onClick={() =>
            run('test', async () =>
              describeResult(await sendMessage('delivery/send-test', { targetId: target.id })),
            )
          }
        >
          {busy === 'test' ? 'Sending…' : 'Send test event'}
        </button>
        <button
          type="button"
          disabled={busy !== null || target.pending + target.failed === 0}
          aria-label={`Retry now: deliveries to ${name}`}
          onClick={() =>
            run('retry', async () => {
              const results = await sendMessage('delivery/retry-now', { targetId: target.id });
              return results.length
                ? results.map(describeResult).join(' ')
                : 'Nothing waiting for this target.';
            })
          }
        >
          {busy === 'retry' ? 'Sending…' : 'Retry now'}
        </button>
        <button
          type="button"
          disabled={busy !== null}
          aria-label={`New signing secret for ${name}`}
          onClick={() =>
            run('rotate', async () => {
              setSecret((await sendMessage('delivery/rotate-secret', { targetId: target.id })).secret);
            })
          }
        >
          New secret
        </button>
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
  if (!props.confirm) {
    return (
      <button
        type="button"
        disabled={props.busy}
        aria-label={`Remove target ${props.name}`}
        onClick={() => props.setConfirm(true)}
      >
        Remove
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label="Confirm removal">
      <p>Remove this target? Deliveries still waiting for it are dropped, and its secret is deleted.</p>
      <button
        type="button"
        className="danger"
        onClick={() => {
          props.setConfirm(false);
          props.onRemove();
        }}
      >
        Yes, remove
      </button>
      <button type="button" onClick={() => props.setConfirm(false)}>
        Keep it
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
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div className="banner banner--warn delivery__secret" role="region" aria-label="Signing secret">
      <label htmlFor={id}>
        <strong>Signing secret — shown only now.</strong> Copy it into your server's configuration (for the
        example receiver: RECEIVER_SECRET). Anyone with it can forge deliveries.
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
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button type="button" className="primary" onClick={onDone}>
          I saved it
        </button>
      </div>
    </div>
  );
}

function AddTargetForm({ account, hasRedirect }: { account: AccountSummary; hasRedirect: boolean }) {
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
          () => setOk('Added.'),
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
      setError(check.error);
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
          setError(
            `The browser did not allow the extension to reach ${check.origin}, so nothing was added. Press "Add" again and choose "Allow".`,
          );
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
      aria-label={`Add a delivery target for ${account.label}`}
    >
      <div className="field__row">
        <label htmlFor={kindId} className="visually-hidden">
          Kind of target
        </label>
        <select
          id={kindId}
          value={kind}
          onChange={(e) => setKind(e.target.value as 'webhook' | 'angel-redirect')}
        >
          <option value="webhook">Webhook (POST to my server)</option>
          <option value="angel-redirect" disabled={hasRedirect}>
            Angel redirect (the app's Redirect URL)
          </option>
        </select>
        {kind === 'webhook' && (
          <>
            <label htmlFor={urlId} className="visually-hidden">
              Webhook URL for {account.label}
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
          {busy ? 'Adding…' : 'Add target'}
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
      <h3 id="outbox-title">Outbox</h3>
      {entries.length === 0 ? (
        <p className="muted">Empty: everything captured has been delivered.</p>
      ) : (
        <table aria-labelledby="outbox-title" className="delivery__table">
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">To</th>
              <th scope="col">State</th>
              <th scope="col">Tokens (masked)</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.eventId} data-event-id={e.eventId}>
                <td>
                  {e.accountLabel} <span className="account-row__client">{e.clientCode}</span>
                  {e.test && <span className="badge">test</span>}
                </td>
                <td>
                  <code className="delivery__url">{e.url}</code>
                </td>
                <td>
                  <strong>
                    {e.state === 'pending' ? 'Waiting' : e.state === 'failed' ? 'Refused' : 'Gave up'}
                  </strong>
                  <br />
                  <span className="muted">
                    {e.attempts} attempt{e.attempts === 1 ? '' : 's'}
                    {e.state === 'pending' ? `; next ${formatDateTime(e.nextAttemptAt)}` : ''}; until{' '}
                    {formatDateTime(e.deadline)}
                  </span>
                  {e.lastMessage && <div className="muted">{e.lastMessage}</div>}
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
                      aria-label={`Retry now: delivery to ${e.url} created ${formatDateTime(e.createdAt)}`}
                      onClick={() =>
                        void act(async () =>
                          (await sendMessage('delivery/retry-now', { eventId: e.eventId }))
                            .map(describeResult)
                            .join(' '),
                        )
                      }
                    >
                      Retry now
                    </button>
                    <button
                      type="button"
                      aria-label={`Discard delivery to ${e.url} created ${formatDateTime(e.createdAt)}`}
                      onClick={() =>
                        void act(async () => sendMessage('delivery/discard', { eventId: e.eventId }))
                      }
                    >
                      Discard
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
