import { createRoot } from 'react-dom/client';
import { Options } from './Options';
import '@/components/theme.css';

createRoot(document.getElementById('root')!).render(<Options />);
