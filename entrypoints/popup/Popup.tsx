import { useEffect, useState } from 'react';
import { sendMessage } from '@/utils/messaging';
import type { TabPage } from '@/utils/protocol';
import { PAGE_LABELS } from '@/components/pageLabels';
import '@/utils/protocol';

export function Popup() {
  const [page, setPage] = useState<TabPage | null>(null);
  useEffect(() => {
    sendMessage('tabs/active-page').then(setPage, () => setPage(null));
  }, []);
  return (
    <main className="popup" aria-label="SmartAPI Companion">
      <h1>SmartAPI Companion</h1>
      {page && <p data-testid="active-page">This tab: {PAGE_LABELS[page.kind]}</p>}
    </main>
  );
}
