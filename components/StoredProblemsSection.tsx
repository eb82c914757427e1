import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { CORRUPT_SUFFIX } from '@/utils/storage/item';
import { downloadText } from '@/utils/ui/download';
import { formatDateTime, safeFileName } from '@/utils/ui/format';
import { watchStorage } from '@/utils/ui/storageWatch';
import { ConfirmDelete } from './ConfirmDelete';
import { FormMessage } from './vault/Field';
import { useT } from '@/utils/i18n';

type Area = 'local' | 'session';
interface DamagedCopy {
  area: Area;
  /** The browser's key of the copy, "<item>:corrupt". */
  key: string;
  item: string;
  savedAt: number | null;
  content: unknown;
}

async function damagedCopies(): Promise<DamagedCopy[]> {
  const found: DamagedCopy[] = [];
  for (const area of ['local', 'session'] as const) {
    let all: Record<string, unknown>;
    try {
      all = await browser.storage[area].get(null);
    } catch {
      continue; // an area this page cannot read
    }
    for (const [key, content] of Object.entries(all)) {
      if (!key.endsWith(CORRUPT_SUFFIX)) continue;
      const savedAt = (content as { savedAt?: unknown } | null)?.savedAt;
      found.push({
        area,
        key,
        item: key.slice(0, -CORRUPT_SUFFIX.length),
        savedAt: typeof savedAt === 'number' ? savedAt : null,
        content,
      });
    }
  }
  return found;
}

/**
 * Options: stored items that were found damaged (utils/storage/item.ts keeps each one as it was
 * under "<key>:corrupt"), each with "Export" and "Delete". Shows nothing while there are none.
 */
export function StoredProblemsSection() {
  const t = useT();
  const [copies, setCopies] = useState<DamagedCopy[]>([]);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [done, setDone] = useState<string | undefined>();
  const refresh = useCallback(() => void damagedCopies().then(setCopies), []);

  useEffect(() => {
    refresh();
    const stopLocal = watchStorage('local', null, refresh);
    const stopSession = watchStorage('session', null, refresh);
    return () => {
      stopLocal();
      stopSession();
    };
  }, [refresh]);

  if (copies.length === 0 && !done) return null;
  return (
    <section className="card" id="stored-problems" aria-labelledby="stored-problems-title">
      <h2 id="stored-problems-title">{t('stored.title')}</h2>
      {copies.length > 0 && <p>{t('stored.intro')}</p>}
      <ul className="kept-copies">
        {copies.map((c) => {
          const id = `${c.area}:${c.key}`;
          const item = c.item;
          return (
            <li key={id}>
              <span>
                {t('stored.row', { item, when: c.savedAt === null ? '?' : formatDateTime(c.savedAt) })}
              </span>
              <div className="actions">
                <button
                  type="button"
                  aria-label={t('stored.exportLabel', { item })}
                  onClick={() =>
                    downloadText(
                      safeFileName(
                        `smartapi-companion-damaged-${item}.json`,
                        'smartapi-companion-damaged.json',
                      ),
                      JSON.stringify(c.content, null, 2),
                    )
                  }
                >
                  {t('stored.export')}
                </button>
                <ConfirmDelete
                  asking={confirming === id}
                  onAsk={() => setConfirming(id)}
                  onCancel={() => setConfirming(null)}
                  onConfirm={() =>
                    void browser.storage[c.area].remove(c.key).then(() => {
                      setConfirming(null);
                      setDone(t('stored.deleted'));
                      refresh();
                    })
                  }
                  text={{
                    deleteLabel: t('stored.deleteLabel', { item }),
                    delete: t('stored.delete'),
                    question: t('stored.confirm'),
                    confirm: t('stored.confirmButton'),
                    cancel: t('stored.cancel'),
                  }}
                />
              </div>
            </li>
          );
        })}
      </ul>
      <FormMessage ok={done} />
    </section>
  );
}
