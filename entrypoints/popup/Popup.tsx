import { useEffect, useState } from 'react';
import { useActivityTouch } from '@/utils/ui/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/utils/messaging';
import type { TabPage } from '@/utils/protocol';
import { useVault, vaultStore } from '@/utils/ui/vaultStore';
import { codesStore, startPolling, useCodes } from '@/utils/ui/codesStore';
import { describeSkew } from '@/utils/ui/format';
import { UnlockForm } from '@/components/vault/PasswordForms';
import { CodeList } from '@/components/vault/CodeList';
import { FormMessage } from '@/components/vault/Field';
import { PopupPortalActions } from '@/components/portal/PopupPortalActions';
import { PopupLoginAll } from '@/components/login/PopupLoginAll';
import '@/utils/protocol';
import { useT } from '@/utils/i18n';

function openSetup() {
  void browser.tabs.create({ url: browser.runtime.getURL('/setup.html') });
  window.close();
}

function openOptions() {
  // The options page takes the focus, which closes a toolbar popup by itself.
  void browser.runtime.openOptionsPage();
}

export function Popup() {
  const t = useT();
  const status = useVault((s) => s.status);
  const busy = useVault((s) => s.busy);
  const loadError = useVault((s) => s.loadError);

  useEffect(() => {
    // main.tsx normally loaded the status already (popup/startup); ask only if it did not.
    if (!vaultStore.getState().status && !vaultStore.getState().loadError)
      void vaultStore.getState().refresh();
  }, []);

  if (loadError) {
    return (
      <main className="popup" aria-label="SmartAPI Companion">
        <FormMessage error={loadError} />
      </main>
    );
  }
  if (!status) return <main className="popup" aria-label="SmartAPI Companion" aria-busy="true" />;

  switch (status.state) {
    case 'locked':
      // Locked: the unlock field and nothing else.
      return (
        <main className="popup popup--locked" aria-label={t('popup.ariaLocked')}>
          <UnlockForm compact busy={busy === 'unlock'} onUnlock={(pw) => vaultStore.getState().unlock(pw)} />
        </main>
      );
    case 'none':
      return (
        <main className="popup" aria-label="SmartAPI Companion">
          <h1>SmartAPI Companion</h1>
          <p>{t('popup.intro')}</p>
          <button type="button" className="primary" onClick={openOptions}>
            {t('popup.setupVault')}
          </button>
          <button type="button" onClick={openSetup}>
            {t('popup.openSetup')}
          </button>
        </main>
      );
    case 'corrupt':
      return (
        <main className="popup" aria-label="SmartAPI Companion">
          <h1>SmartAPI Companion</h1>
          <p role="alert">{status.problem ?? t('popup.corruptFallback')}</p>
          <button type="button" className="primary" onClick={openOptions}>
            {t('popup.openOptionsRestore')}
          </button>
        </main>
      );
    case 'unlocked':
      return <UnlockedPopup />;
  }
}

function UnlockedPopup() {
  const t = useT();
  const accounts = useVault((s) => s.accounts);
  const busy = useVault((s) => s.busy);
  const skewWarning = useCodes((s) => s.skewWarning);
  const skewMs = useCodes((s) => s.skewMs);
  const error = useCodes((s) => s.error);
  const loaded = useCodes((s) => s.loaded);
  const [page, setPage] = useState<TabPage | null>(null);
  // Clicks and keys (a copy, a search) count for auto-lock; the codes' refresh does not.
  useActivityTouch(true);

  useEffect(() => {
    // Codes come from the background once a second, only while this popup is open; the startup
    // answer already brought the first ones, so the first poll waits a second.
    const stop = startPolling(
      async () => {
        if ((await codesStore.getState().poll()) === 'locked') void vaultStore.getState().refresh();
      },
      1000,
      globalThis,
      !codesStore.getState().loaded,
    );
    // Not needed for the first paint: asked once it is on screen.
    const frame = requestAnimationFrame(() => {
      sendMessage('tabs/active-page').then(setPage, () => setPage(null));
      void sendMessage('vault/touch').catch(() => undefined);
    });
    return () => {
      cancelAnimationFrame(frame);
      stop();
      codesStore.getState().clear();
    };
  }, []);

  return (
    <main className="popup" aria-label="SmartAPI Companion">
      <header className="topbar">
        <h1>SmartAPI Companion</h1>
        <button type="button" onClick={() => void vaultStore.getState().lock()} disabled={busy === 'lock'}>
          {t('popup.lock')}
        </button>
      </header>
      {skewWarning && skewMs !== null && (
        <p className="warning" role="alert">
          {t('popup.skew', { skew: describeSkew(skewMs) })}
        </p>
      )}
      {error && <FormMessage error={error} />}
      {page && (
        <p className="muted" data-testid="active-page">
          {t('popup.thisTab', { page: t(`page.${page.kind}`) })}
        </p>
      )}
      {accounts.length === 0 ? (
        <p className="muted">{t('popup.noAccounts')}</p>
      ) : loaded || error ? (
        <CodeList accounts={accounts} />
      ) : (
        <div className="code-list" aria-busy="true" />
      )}
      <PopupPortalActions />
      <PopupLoginAll />
      <footer className="popup__footer">
        <a
          href={browser.runtime.getURL('/options.html')}
          onClick={(e) => {
            e.preventDefault();
            openOptions();
          }}
        >
          {t('popup.openOptions')}
        </a>
        <a
          href={browser.runtime.getURL('/setup.html')}
          onClick={(e) => {
            e.preventDefault();
            openSetup();
          }}
        >
          {t('popup.openSetup')}
        </a>
      </footer>
    </main>
  );
}
