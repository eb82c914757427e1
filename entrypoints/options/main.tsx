import { createRoot } from 'react-dom/client';
import { Options } from './Options';
import '@/components/theme.css';
import { initLanguage } from '@/utils/i18n';

// The stored language first, so the first paint is already in the right language.
void initLanguage().then(() => createRoot(document.getElementById('root')!).render(<Options />));
