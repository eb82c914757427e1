import { createRoot } from 'react-dom/client';
import { Setup } from './Setup';
import '@/components/theme.css';
import './setup.css';
import { initLanguage } from '@/utils/i18n';

// The stored language first, so the first paint is already in the right language.
void initLanguage().then(() => createRoot(document.getElementById('root')!).render(<Setup />));
