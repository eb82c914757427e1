import { createRoot } from 'react-dom/client';
import { Options } from './Options';
import '@/components/theme.css';
import { initLanguage } from '@/utils/i18n';
import { installStoredChecks } from '@/entrypoints/background/schemas/stored';

// Stored items are parsed here as in the background (the popup has no room for the schemas).
installStoredChecks();

// The stored language first, so the first paint is already in the right language.
void initLanguage().then(() => createRoot(document.getElementById('root')!).render(<Options />));
