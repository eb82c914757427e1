import { useEffect, useRef, useState } from 'react';
import type { AccountSummary } from '@/utils/vault/types';
import { useVault, vaultStore } from '@/utils/ui/vaultStore';
import { formatDateTime } from '@/utils/ui/format';
import { LoginButton } from '@/components/login/LoginButton';
import { ValidateButton } from '@/components/validation/ValidateButton';
import { AccountForm } from './AccountForm';
import { FormMessage } from './Field';
import { useT } from '@/utils/i18n';

type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; id: string };

export function AccountsSection() {
  const t = useT();
  const accounts = useVault((s) => s.accounts);
  const busy = useVault((s) => s.busy);
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [note, setNote] = useState<{ ok?: string; error?: string }>({});
  const addRef = useRef<HTMLButtonElement>(null);
  /** Where focus goes after a list change, so keyboard users stay where they were. */
  const [focusAfter, setFocusAfter] = useState<string | null>(null);

  useEffect(() => {
    if (!focusAfter) return;
    const el = document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusAfter)}"]`);
    (el && !(el as HTMLButtonElement).disabled ? el : addRef.current)?.focus();
    setFocusAfter(null);
  }, [focusAfter, accounts]);

  const editingAccount = editing.kind === 'edit' ? accounts.find((a) => a.id === editing.id) : undefined;

  return (
    <section className="card" aria-labelledby="accounts-title">
      <div className="section-head">
        <h2 id="accounts-title">{t('acct.title')}</h2>
        <button
          ref={addRef}
          type="button"
          className="primary"
          onClick={() => {
            setNote({});
            setEditing({ kind: 'new' });
          }}
          disabled={editing.kind === 'new'}
        >
          {t('acct.add')}
        </button>
      </div>
      <FormMessage ok={note.ok} error={note.error} />
      {editing.kind === 'new' && (
        <AccountForm
          busy={busy === 'save'}
          onCancel={() => {
            setEditing({ kind: 'none' });
            setFocusAfter('add');
          }}
          onSave={async (input) => {
            const res = await vaultStore.getState().saveAccount(undefined, input);
            if (res.ok) {
              setEditing({ kind: 'none' });
              setNote({ ok: t('acct.saved', { label: res.account.label }) });
              setFocusAfter(`edit:${res.account.id}`);
            }
            return res;
          }}
        />
      )}
      {accounts.length === 0 && editing.kind !== 'new' && <p className="muted">{t('acct.none')}</p>}
      <ol className="account-list" aria-label={t('acct.title')}>
        {accounts.map((a, i) =>
          editingAccount && editingAccount.id === a.id ? (
            <li key={a.id}>
              <AccountForm
                account={a}
                busy={busy === 'save'}
                onCancel={() => {
                  setEditing({ kind: 'none' });
                  setFocusAfter(`edit:${a.id}`);
                }}
                onSave={async (input) => {
                  const res = await vaultStore.getState().saveAccount(a.id, input);
                  if (res.ok) {
                    setEditing({ kind: 'none' });
                    setNote({ ok: t('acct.saved', { label: res.account.label }) });
                    setFocusAfter(`edit:${a.id}`);
                  }
                  return res;
                }}
              />
            </li>
          ) : (
            <AccountRow
              key={a.id}
              account={a}
              first={i === 0}
              last={i === accounts.length - 1}
              busy={busy !== null}
              onEdit={() => {
                setNote({});
                setEditing({ kind: 'edit', id: a.id });
              }}
              onMove={async (delta) => {
                const err = await vaultStore.getState().move(a.id, delta);
                setNote(
                  err
                    ? { error: err }
                    : { ok: t(delta < 0 ? 'acct.movedUp' : 'acct.movedDown', { label: a.label }) },
                );
                // Keep focus on the same button; at an end of the list use the other one.
                const atEnd =
                  (delta < 0 && i + delta === 0) || (delta > 0 && i + delta === accounts.length - 1);
                setFocusAfter(`${atEnd ? (delta < 0 ? 'down' : 'up') : delta < 0 ? 'up' : 'down'}:${a.id}`);
              }}
              onDelete={async () => {
                const err = await vaultStore.getState().deleteAccount(a.id);
                setNote(err ? { error: err } : { ok: t('acct.deleted', { label: a.label }) });
                setFocusAfter(err ? `delete:${a.id}` : 'add');
              }}
            />
          ),
        )}
      </ol>
    </section>
  );
}

function AccountRow({
  account: a,
  first,
  last,
  busy,
  onEdit,
  onMove,
  onDelete,
}: {
  account: AccountSummary;
  first: boolean;
  last: boolean;
  busy: boolean;
  onEdit(): void;
  onMove(delta: -1 | 1): void;
  onDelete(): Promise<void>;
}) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const name = a.label || a.clientCode;
  return (
    <li className="account-row" aria-label={name}>
      <div className="account-row__main">
        <strong className="account-row__label">{a.label}</strong>
        <span className="account-row__client">{a.clientCode}</span>
        <span className="badge">{a.platform}</span>
        {a.dailyLogin && <span className="badge">{t('acct.dailyLogin')}</span>}
        {a.autoFill && <span className="badge">{t('acct.fillsAuto')}</span>}
        {!a.hasTotpSecret && <span className="badge badge--warn">{t('acct.noTotp')}</span>}
        {a.tokensExpireAt && a.tokensExpireAt > Date.now() && (
          <span className="badge badge--ok">
            {t('acct.sessionUntil', { when: formatDateTime(a.tokensExpireAt) })}
          </span>
        )}
      </div>
      {a.notes && <p className="account-row__notes">{a.notes}</p>}
      <div className="account-row__actions">
        <LoginButton account={a} />
        <ValidateButton account={a} />
        <button
          type="button"
          data-focus-key={`edit:${a.id}`}
          onClick={onEdit}
          aria-label={t('acct.editName', { name })}
        >
          {t('acct.edit')}
        </button>
        <button
          type="button"
          data-focus-key={`up:${a.id}`}
          onClick={() => onMove(-1)}
          disabled={first || busy}
          aria-label={t('acct.moveUpName', { name })}
        >
          {t('acct.up')}
        </button>
        <button
          type="button"
          data-focus-key={`down:${a.id}`}
          onClick={() => onMove(1)}
          disabled={last || busy}
          aria-label={t('acct.moveDownName', { name })}
        >
          {t('acct.down')}
        </button>
        {!confirming && (
          <button
            type="button"
            className="danger"
            data-focus-key={`delete:${a.id}`}
            onClick={() => setConfirming(true)}
            aria-label={t('acct.deleteName', { name })}
          >
            {t('acct.delete')}
          </button>
        )}
      </div>
      {confirming && (
        <div className="confirm" role="group" aria-label={t('acct.confirmGroup', { name })}>
          <p>{t('acct.confirmText', { name })}</p>
          <button
            ref={confirmRef}
            type="button"
            className="danger"
            onClick={async () => {
              await onDelete();
              setConfirming(false);
            }}
          >
            {t('acct.confirmYes', { name })}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('acct.keep')}
          </button>
        </div>
      )}
    </li>
  );
}
