import { useState } from 'react';
import { sendMessage } from '@/utils/messaging';
import type { DeliveryOverview } from '@/utils/delivery/protocol';
import '@/utils/delivery/protocol';
import { messageOf } from '@/utils/ui/vaultStore';
import { useT } from '@/utils/i18n';
import { deliveryStore } from './deliveryStore';

/**
 * Shown when the stored delivery targets do not carry this vault's check: changed outside the
 * extension, or saved by an earlier version. Nothing is sent until the user confirms the list
 * shown below it (after removing what they do not recognise).
 */
export function SettingsCheckBanner({ settings }: { settings: DeliveryOverview['settings'] }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (settings !== 'tampered' && settings !== 'unverified') return null;
  return (
    <div className="banner banner--warn" role="alert">
      <p>{settings === 'tampered' ? t('dls.tampered') : t('dls.unverified')}</p>
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setError(null);
          sendMessage('delivery/confirm-targets')
            .then(() => deliveryStore.getState().refresh())
            .catch((err: unknown) => setError(messageOf(err)))
            .finally(() => setBusy(false));
        }}
      >
        {t('dls.confirm')}
      </button>
      {error && <p className="form-message form-message--error">{error}</p>}
    </div>
  );
}
