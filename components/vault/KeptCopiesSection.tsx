import { useEffect, useState } from 'react';
import { sendMessage } from '@/utils/messaging';
import type { KeptCopyView } from '@/utils/vault/keptCopies';
import '@/utils/vault/keptCopies';
import { downloadText } from '@/utils/ui/download';
import { formatDateTime, safeFileName } from '@/utils/ui/format';
import { messageOf } from '@/utils/ui/vaultStore';
import { FormMessage } from './Field';
import { useT, type MessageKey } from '@/utils/i18n';
import { ConfirmDelete } from '../ConfirmDelete';

const REASON: Record<KeptCopyView['reason'], MessageKey> = {
  restore: 'kept.reasonRestore',
  reset: 'kept.reasonReset',
  other: 'kept.reasonOther',
};

/**
 * Options: the vault copies the extension set aside (a damaged vault before a restore), each
 * with "Export" and "Delete". Shows nothing while there are none.
 */
export function KeptCopiesSection() {
  const t = useT();
  const [copies, setCopies] = useState<KeptCopyView[] | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [result, setResult] = useState<{ ok?: string; error?: string }>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    sendMessage('vault/kept-copies').then(setCopies, (err: unknown) => setResult({ error: messageOf(err) }));
  }, []);

  async function run(fn: () => Promise<void>) {
    setBusy(true);
    setResult({});
    try {
      await fn();
    } catch (err) {
      setResult({ error: messageOf(err) });
      setCopies(await sendMessage('vault/kept-copies').catch(() => copies));
    } finally {
      setBusy(false);
    }
  }

  if (!copies || (copies.length === 0 && !result.ok && !result.error)) return null;
  return (
    <section className="card" id="kept-copies" aria-labelledby="kept-title">
      <h2 id="kept-title">{t('kept.title')}</h2>
      <p>{t('kept.intro')}</p>
      {copies.length === 0 && <p className="muted">{t('kept.none')}</p>}
      <ul className="kept-copies">
        {copies.map((c) => {
          const when = formatDateTime(c.savedAt);
          return (
            <li key={c.id}>
              <span>{t('kept.row', { reason: t(REASON[c.reason]), when, size: c.size })}</span>
              <div className="actions">
                <button
                  type="button"
                  aria-label={t('kept.exportLabel', { when })}
                  disabled={busy}
                  onClick={() =>
                    void run(async () => {
                      const file = await sendMessage('vault/kept-copy-export', { id: c.id });
                      downloadText(
                        safeFileName(file.fileName, 'smartapi-companion-kept-vault.json'),
                        file.content,
                      );
                    })
                  }
                >
                  {t('kept.export')}
                </button>
                <ConfirmDelete
                  asking={confirming === c.id}
                  disabled={busy}
                  onAsk={() => setConfirming(c.id)}
                  onCancel={() => setConfirming(null)}
                  onConfirm={() =>
                    void run(async () => {
                      setCopies(await sendMessage('vault/kept-copy-delete', { id: c.id }));
                      setConfirming(null);
                      setResult({ ok: t('kept.deleted') });
                    })
                  }
                  text={{
                    deleteLabel: t('kept.deleteLabel', { when }),
                    delete: t('kept.delete'),
                    question: t('kept.confirm'),
                    confirm: t('kept.confirmButton'),
                    cancel: t('kept.cancel'),
                  }}
                />
              </div>
            </li>
          );
        })}
      </ul>
      <FormMessage error={result.error} ok={result.ok} />
    </section>
  );
}
