// First, before React and the rest are evaluated: ask the background for everything at once.
import { startup } from './startup';
import { createRoot } from 'react-dom/client';
import { Popup } from './Popup';
import '@/components/theme.css';
import { initLanguage } from '@/utils/i18n';
import { vaultStore } from '@/utils/ui/vaultStore';
import { codesStore } from '@/utils/ui/codesStore';

// The stored language and the startup answer together, so the first paint is already in the
// right language and, when unlocked, already shows every code (the list renders once).
void Promise.allSettled([initLanguage(), startup]).then(([, answer]) => {
  if (answer.status === 'fulfilled') {
    const { status, accounts, codes } = answer.value;
    if (codes) codesStore.getState().setCodes(codes);
    vaultStore.getState().load(status, accounts);
  } else {
    vaultStore.getState().failLoad(answer.reason);
  }
  createRoot(document.getElementById('root')!).render(<Popup />);
});
