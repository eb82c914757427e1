import { createRoot } from 'react-dom/client';
import { Popup } from './Popup';
import '@/components/theme.css';

createRoot(document.getElementById('root')!).render(<Popup />);
