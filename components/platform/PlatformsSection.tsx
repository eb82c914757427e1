import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { useT, type MessageKey } from '@/utils/i18n';
import { sendMessage, UserError } from '@/utils/messaging';
import { FormMessage } from '@/components/vault/Field';
import { originPattern, PLATFORM_FIELDS, type PlatformField } from '@/utils/platform/profiles';
import type { PlatformView } from '@/utils/platform/protocol';
import '@/utils/platform/protocol';

const FIELD_KEYS: Record<PlatformField, MessageKey> = {
  broker: 'pl.f.broker',
  platform: 'pl.f.platform',
  clientCode: 'pl.f.clientCode',
  mpin: 'pl.f.mpin',
  totpSecret: 'pl.f.totpSecret',
  apiKey: 'pl.f.apiKey',
};

/** Options: trading platforms whose account form the extension fills (site access per platform). */
export function PlatformsSection() {
  const t = useT();
  const id = useId();
  const [list, setList] = useState<PlatformView[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [note, setNote] = useState<{ error?: string; ok?: string }>({});
  const [name, setName] = useState('');
  const [origin, setOrigin] = useState('');
  const [labels, setLabels] = useState<Partial<Record<PlatformField, string>>>({});

  useEffect(() => {
    sendMessage('platform/list').then(setList, () => setList([]));
  }, []);

  const messageOf = (err: unknown) => (err instanceof UserError ? err.message : String(err));

  function turnOn(p: PlatformView) {
    // Straight from the click: browsers show the request only during a user gesture.
    const asked = browser.permissions.request({ origins: [originPattern(p.origin)] });
    setBusy(p.id);
    setNote({});
    void (async () => {
      try {
        if (!(await asked)) throw new UserError('denied', t('plo.denied', { origin: p.origin }));
        setList(await sendMessage('platform/enable', { id: p.id }));
        setNote({ ok: t('plo.enabled', { origin: p.origin }) });
      } catch (err) {
        setNote({ error: messageOf(err) });
      } finally {
        setBusy(null);
      }
    })();
  }

  async function act(key: string, fn: () => Promise<PlatformView[]>, ok?: string) {
    setBusy(key);
    setNote({});
    try {
      setList(await fn());
      if (ok) setNote({ ok });
    } catch (err) {
      setNote({ error: messageOf(err) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-h`} id="platforms">
      <h2 id={`${id}-h`}>{t('plo.title')}</h2>
      <p className="muted">{t('plo.intro')}</p>
      <ul className="platforms" style={{ listStyle: 'none', padding: 0 }}>
        {list.map((p) => (
          <li key={p.id} style={{ margin: '6px 0' }}>
            <strong>{p.name}</strong> {p.builtIn && <span className="muted">({t('plo.builtIn')})</span>}
            <br />
            <span className="muted">
              {t(p.enabled ? 'plo.enabled' : 'plo.disabled', { origin: p.origin })}
            </span>{' '}
            {p.enabled ? (
              <button
                type="button"
                disabled={busy !== null}
                aria-label={`${t('plo.off')}: ${p.name}`}
                onClick={() =>
                  void act(
                    p.id,
                    () => sendMessage('platform/disable', { id: p.id }),
                    t('plo.disabled', { origin: p.origin }),
                  )
                }
              >
                {t('plo.off')}
              </button>
            ) : (
              <button
                type="button"
                disabled={busy !== null}
                aria-label={`${t('plo.on')}: ${p.name}`}
                onClick={() => turnOn(p)}
              >
                {t('plo.on')}
              </button>
            )}{' '}
            {!p.builtIn && (
              <button
                type="button"
                className="secondary"
                disabled={busy !== null}
                onClick={() => void act(p.id, () => sendMessage('platform/delete', { id: p.id }))}
              >
                {t('plo.delete', { name: p.name })}
              </button>
            )}
          </li>
        ))}
      </ul>
      <FormMessage error={note.error} ok={note.ok} />
      <details>
        <summary>{t('plo.addTitle')}</summary>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void act('add', () => sendMessage('platform/add', { name, origin, labels })).then(() => {
              setName('');
              setOrigin('');
              setLabels({});
            });
          }}
        >
          <p>
            <label htmlFor={`${id}-name`}>{t('plo.name')}</label>
            <br />
            <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} />
          </p>
          <p>
            <label htmlFor={`${id}-origin`}>{t('plo.origin')}</label>
            <br />
            <input
              id={`${id}-origin`}
              value={origin}
              inputMode="url"
              placeholder="https://"
              onChange={(e) => setOrigin(e.target.value)}
            />
          </p>
          <p className="muted">{t('plo.labelsHint')}</p>
          {PLATFORM_FIELDS.map((f) => (
            <p key={f}>
              <label htmlFor={`${id}-${f}`}>{t('plo.fieldLabel', { field: t(FIELD_KEYS[f]) })}</label>
              <br />
              <input
                id={`${id}-${f}`}
                value={labels[f] ?? ''}
                onChange={(e) => setLabels({ ...labels, [f]: e.target.value })}
              />
            </p>
          ))}
          <button type="submit" disabled={busy !== null}>
            {t('plo.add')}
          </button>
        </form>
      </details>
    </section>
  );
}
