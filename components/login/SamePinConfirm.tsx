import { useEffect, useId, useRef } from 'react';
import { useT } from '@/utils/i18n';

/**
 * Inline confirmation before logging in again with the MPIN Angel refused. Focus moves to
 * "Cancel" (the safe choice); Escape cancels; focus returns to the Log in button after.
 */
export function SamePinConfirm({
  message,
  busy,
  onConfirm,
  onCancel,
}: {
  message: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const textId = useId();
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <div
      className="confirm"
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      data-testid="same-pin-confirm"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <p>
        <strong id={titleId}>{t('lgwp.title')}</strong>
      </p>
      <p id={textId}>
        {message} <span className="muted">{t('lgwp.hint')}</span>
      </p>
      <button type="button" className="danger" onClick={onConfirm} disabled={busy}>
        {t('lgwp.yes')}
      </button>
      <button type="button" ref={cancelRef} onClick={onCancel}>
        {t('lgwp.no')}
      </button>
    </div>
  );
}
