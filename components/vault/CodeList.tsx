import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { AccountSummary, TotpCode } from '@/utils/vault/types';
import { useCodes, codesStore } from '@/utils/ui/codesStore';
import {
  countdownLabel,
  groupCode,
  matchesSearch,
  secondsLeft,
  spellCode,
  windowFraction,
} from '@/utils/ui/format';
import { browserClipboardEnv, createClipboardGuard, type ClearOutcome } from '@/utils/ui/clipboard';
import { LoginButton } from '@/components/login/LoginButton';
import { ValidateButton } from '@/components/validation/ValidateButton';
import { t as tNow, useT } from '@/utils/i18n';

/** Search appears only from this many accounts on. */
export const SEARCH_FROM = 6;

/** The popup's list: one row per account with its live code. */
export function CodeList({ accounts }: { accounts: AccountSummary[] }) {
  const t = useT();
  const codes = useCodes((s) => s.codes);
  const query = useCodes((s) => s.query);
  const copied = useCodes((s) => s.copied);
  const [note, setNote] = useState<{ ok?: string; error?: string }>({});
  const guard = useMemo(
    () =>
      createClipboardGuard(browserClipboardEnv(), (o: ClearOutcome) => {
        if (o === 'cleared') setNote({ ok: tNow('codes.cleared') });
        codesStore.getState().setCopied(null);
      }),
    [],
  );
  useEffect(() => () => guard.dispose(), [guard]);

  const shown = accounts.length >= SEARCH_FROM ? accounts.filter((a) => matchesSearch(a, query)) : accounts;

  async function copy(a: AccountSummary, code: string) {
    try {
      await guard.copy(code);
      codesStore.getState().setCopied({ accountId: a.id, code });
      setNote({ ok: t('codes.copied', { label: a.label }) });
    } catch {
      setNote({ error: t('codes.copyRefused') });
    }
  }

  /** Arrow keys move between the rows' copy buttons. */
  function onKeyDown(e: KeyboardEvent<HTMLUListElement>) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const buttons = Array.from(e.currentTarget.querySelectorAll<HTMLButtonElement>('.code-row__copy'));
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0) return;
    const next = buttons[i + (e.key === 'ArrowDown' ? 1 : -1)];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  }

  return (
    <>
      {accounts.length >= SEARCH_FROM && (
        <input
          type="search"
          className="search"
          placeholder={t('codes.search')}
          aria-label={t('codes.search')}
          value={query}
          onChange={(e) => codesStore.getState().setQuery(e.target.value)}
        />
      )}
      {shown.length === 0 && <p className="muted">{t('codes.noMatch', { query })}</p>}
      <ul className="code-list" aria-label={t('codes.listLabel')} onKeyDown={onKeyDown}>
        {shown.map((a) => (
          <CodeRow
            key={a.id}
            account={a}
            code={codes[a.id]}
            copied={copied?.accountId === a.id}
            onCopy={(c) => void copy(a, c)}
          />
        ))}
      </ul>
      <p
        role={note.error ? 'alert' : 'status'}
        className={note.error ? 'form-message form-message--error' : 'form-message'}
      >
        {note.error ?? note.ok ?? ''}
      </p>
    </>
  );
}

function CodeRow({
  account: a,
  code,
  copied,
  onCopy,
}: {
  account: AccountSummary;
  code: TotpCode | undefined;
  copied: boolean;
  onCopy(code: string): void;
}) {
  const t = useT();
  const id = `row-${a.id}`;
  const name = a.label || a.clientCode;
  const seconds = code ? secondsLeft(code.remainingMs, code.period) : 0;
  const fraction = code ? windowFraction(code.remainingMs, code.period) : 0;
  return (
    <li className={`code-row${copied ? ' code-row--copied' : ''}`}>
      {/* The whole face is the copy button: an empty button stretched over the label and code,
          named by its aria-label; what the face shows reaches screen readers through
          aria-describedby (client code, then the digits one by one). The button holds no visible
          text of its own, so its name never contradicts what a speech-input user sees. */}
      <div className="code-row__copyarea">
        <button
          type="button"
          className="code-row__copy"
          disabled={!code}
          onClick={() => code && onCopy(code.code)}
          aria-label={code ? t('codes.copyFor', { name }) : t('codes.noSecretFor', { name })}
          aria-describedby={code ? `${id}-client ${id}-spoken` : `${id}-client`}
        />
        <div className="code-row__face" aria-hidden="true">
          <span className="code-row__who">
            <span className="code-row__label">{a.label}</span>
            <span className="code-row__client" id={`${id}-client`}>
              {a.clientCode}
            </span>
          </span>
          {code ? (
            <span className="code-row__code" data-testid="totp-code" data-account={a.id}>
              {groupCode(code.code)}
            </span>
          ) : (
            <span className="code-row__code code-row__code--none">{t('codes.noSecret')}</span>
          )}
        </div>
      </div>
      {code && (
        <>
          <span id={`${id}-spoken`} className="visually-hidden">
            {spellCode(code.code)}
            {code.next ? t('codes.nextSpoken', { code: spellCode(code.next) }) : ''}
          </span>
          <span className="code-row__timer" role="timer" aria-label={countdownLabel(seconds)}>
            <span
              className="ring"
              style={{ ['--fraction' as string]: String(fraction) }}
              aria-hidden="true"
            />
            <span aria-hidden="true">{seconds}s</span>
          </span>
        </>
      )}
      {code?.next && (
        <span className="code-row__next" data-testid="totp-next">
          {t('codes.next', { code: groupCode(code.next) })}
        </span>
      )}
      <span className="code-row__actions">
        <LoginButton account={a} />
        <ValidateButton account={a} />
      </span>
    </li>
  );
}
