import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { AccountSummary } from '@/utils/vault/types';
import { useCodes, codesStore } from '@/utils/ui/codesStore';
import { countdownLabel, groupCode, matchesSearch, secondsLeft, spellCode } from '@/utils/ui/format';
import { browserClipboardEnv, createClipboardGuard, type ClearOutcome } from '@/utils/ui/clipboard';
import { LoginButton } from '@/components/login/LoginButton';
import { ValidateButton } from '@/components/validation/ValidateButton';
import { t as tNow, useT } from '@/utils/i18n';

/** Search appears only from this many accounts on. */
export const SEARCH_FROM = 6;

/**
 * The popup's list: one row per account with its live code. Rows are memoised and get only
 * primitives and stable callbacks, so the once-a-second poll re-renders a row only when its
 * code changes; the countdowns subscribe on their own. The per-row actions (log in, validate)
 * mount after the first paint: they are not needed to read a code and start their own requests.
 */
export function CodeList({ accounts }: { accounts: AccountSummary[] }) {
  const t = useT();
  const codes = useCodes((s) => s.codes);
  const query = useCodes((s) => s.query);
  const copiedId = useCodes((s) => s.copied?.accountId ?? null);
  const [note, setNote] = useState<{ ok?: string; error?: string }>({});
  const [actions, setActions] = useState(false);
  const guard = useMemo(
    () =>
      createClipboardGuard(browserClipboardEnv(), (o: ClearOutcome) => {
        if (o === 'cleared') setNote({ ok: tNow('codes.cleared') });
        codesStore.getState().setCopied(null);
      }),
    [],
  );
  useEffect(() => () => guard.dispose(), [guard]);
  useEffect(() => afterFirstPaint(() => setActions(true)), []);

  const shown = accounts.length >= SEARCH_FROM ? accounts.filter((a) => matchesSearch(a, query)) : accounts;

  // One stable callback for every row; it reads the current accounts and language when called.
  const latest = useRef({ accounts, t });
  latest.current = { accounts, t };
  const onCopy = useCallback(
    async (accountId: string, code: string) => {
      const { accounts: list, t: tr } = latest.current;
      const a = list.find((x) => x.id === accountId);
      if (!a) return;
      try {
        await guard.copy(code);
        codesStore.getState().setCopied({ accountId, code });
        setNote({ ok: tr('codes.copied', { label: a.label }) });
      } catch {
        setNote({ error: tr('codes.copyRefused') });
      }
    },
    [guard],
  );

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
        {shown.map((a) => {
          const c = codes[a.id];
          return (
            <CodeRow
              key={a.id}
              account={a}
              code={c?.code}
              next={c?.next}
              period={c?.period ?? a.totp.period}
              copied={copiedId === a.id}
              actions={actions}
              onCopy={onCopy}
            />
          );
        })}
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

/** Runs `fn` once the browser has painted the current frame; returns a cancel function. */
function afterFirstPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(fn, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}

/** The ring and seconds of one row: the only part that changes every second. */
const Countdown = memo(function Countdown({ accountId, period }: { accountId: string; period: number }) {
  const seconds = useCodes((s) => {
    const c = s.codes[accountId];
    return c ? secondsLeft(c.remainingMs, c.period) : 0;
  });
  useT(); // the label follows a language switch
  return (
    <span className="code-row__timer" role="timer" aria-label={countdownLabel(seconds)}>
      <span
        className="ring"
        style={{ ['--fraction' as string]: String(period > 0 ? Math.min(1, seconds / period) : 0) }}
        aria-hidden="true"
      />
      <span aria-hidden="true">{seconds}s</span>
    </span>
  );
});

const CodeRow = memo(function CodeRow({
  account: a,
  code,
  next,
  period,
  copied,
  actions,
  onCopy,
}: {
  account: AccountSummary;
  code: string | undefined;
  next: string | null | undefined;
  period: number;
  copied: boolean;
  actions: boolean;
  onCopy(accountId: string, code: string): Promise<void>;
}) {
  const t = useT();
  const id = `row-${a.id}`;
  const name = a.label || a.clientCode;
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
          onClick={() => code && void onCopy(a.id, code)}
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
              {groupCode(code)}
            </span>
          ) : (
            <span className="code-row__code code-row__code--none">{t('codes.noSecret')}</span>
          )}
        </div>
      </div>
      {code && (
        <>
          <span id={`${id}-spoken`} className="visually-hidden">
            {spellCode(code)}
            {next ? t('codes.nextSpoken', { code: spellCode(next) }) : ''}
          </span>
          <Countdown accountId={a.id} period={period} />
        </>
      )}
      {code && next && (
        <span className="code-row__next" data-testid="totp-next">
          {t('codes.next', { code: groupCode(next) })}
        </span>
      )}
      <span className="code-row__actions">
        {actions && (
          <>
            <LoginButton account={a} />
            <ValidateButton account={a} />
          </>
        )}
      </span>
    </li>
  );
});
