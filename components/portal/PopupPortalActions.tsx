import { useEffect, useId, useState } from 'react';
import { useT } from '@/utils/i18n';
import { sendMessage, UserError } from '@/utils/messaging';
import type { TabPage } from '@/utils/protocol';
import type { AccountSummary } from '@/utils/vault/types';
import { loadProfiles, type ProfilesState } from '@/utils/portal/profiles';
import { reportLines } from '@/utils/portal/report';
import '@/utils/protocol';
import '@/utils/portal/protocol';
import '@/utils/platform/protocol';

const LINE_COLOURS: Record<string, string> = {
  filled: 'var(--ok)',
  error: 'var(--danger)',
  rejected: 'var(--danger)',
  warning: 'var(--warn)',
  'not-found': 'var(--warn)',
  skipped: 'var(--muted)',
  note: 'var(--muted)',
};

/** Popup: "Fill this page" when the active tab shows Angel's create-app form. */
export function PopupPortalActions(_props: { account?: AccountSummary }) {
  const [page, setPage] = useState<TabPage | null>(null);
  const [profiles, setProfiles] = useState<ProfilesState | null>(null);
  const [profileId, setProfileId] = useState('');
  const [busy, setBusy] = useState(false);
  const [lines, setLines] = useState<{ status: string; text: string }[]>([]);
  const [platformTab, setPlatformTab] = useState<{ tabId: number; name: string } | null>(null);
  const id = useId();
  const t = useT();

  useEffect(() => {
    sendMessage('tabs/active-page').then(setPage, () => setPage(null));
    sendMessage('platform/active-tab').then(setPlatformTab, () => setPlatformTab(null));
    loadProfiles().then(
      (s) => {
        setProfiles(s);
        setProfileId(s.selectedId);
      },
      () => setProfiles(null),
    );
  }, []);

  if (platformTab) return <PlatformFill tab={platformTab} />;
  if (!page || (page.kind !== 'create-app-old' && page.kind !== 'create-app-new') || !profiles) return null;

  const fill = async () => {
    setBusy(true);
    setLines([]);
    try {
      const report = await sendMessage('portal/fill-tab', { tabId: page.tabId, profileId });
      setLines(reportLines(report));
    } catch (err) {
      setLines([
        {
          status: 'error',
          text: err instanceof UserError ? err.message : t('ip.fillFailed'),
        },
      ]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-h`} className="portal-actions">
      <h2 id={`${id}-h`} style={{ fontSize: 14, margin: '8px 0 4px' }}>
        {t('portal.popupTitle')}
      </h2>
      {profiles.profiles.length > 1 && (
        <>
          <label htmlFor={`${id}-profile`}>{t('portal.profile')}</label>{' '}
          <select id={`${id}-profile`} value={profileId} onChange={(e) => setProfileId(e.target.value)}>
            {profiles.profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>{' '}
        </>
      )}
      <button type="button" onClick={fill} disabled={busy}>
        {t('portal.fillThisPage')}
      </button>
      {lines.length > 0 && (
        <ul aria-label={t('ip.fillReport')} aria-live="polite" style={{ paddingLeft: 18, margin: '6px 0' }}>
          {lines.map((l, n) => (
            <li key={n} data-status={l.status} style={{ color: LINE_COLOURS[l.status] ?? 'inherit' }}>
              {l.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Popup: on a trading platform the user turned on, open the in-page picker on its account form. */
function PlatformFill({ tab }: { tab: { tabId: number; name: string } }) {
  const t = useT();
  const [note, setNote] = useState<{ error: boolean; text: string } | null>(null);
  const open = async () => {
    setNote(null);
    try {
      const r = await sendMessage('platform/open-tab', { tabId: tab.tabId });
      setNote(
        r.formFound
          ? { error: false, text: t('popup.platformOpened') }
          : { error: true, text: t('popup.platformNoForm') },
      );
    } catch (err) {
      setNote({ error: true, text: err instanceof UserError ? err.message : t('ip.fillFailed') });
    }
  };
  return (
    <section aria-label={tab.name} className="portal-actions">
      <button type="button" onClick={() => void open()}>
        {t('popup.platformFill', { name: tab.name })}
      </button>
      {note && (
        <p role="status" style={{ color: note.error ? 'var(--danger)' : 'inherit', margin: '6px 0' }}>
          {note.text}
        </p>
      )}
    </section>
  );
}
