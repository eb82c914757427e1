import { createRoot } from 'react-dom/client';
import { Privacy } from './Privacy';
import '@/components/theme.css';
import '@/components/ship/ship.css';
import { initLanguage } from '@/utils/i18n';

void initLanguage().then(() => createRoot(document.getElementById('root')!).render(<Privacy />));
