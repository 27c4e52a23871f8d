// The local phone page: a person dials the demo number from the browser (served at /phone/ by the local server only).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../i18n/provider.tsx';
import { PhoneApp } from './phone-app.tsx';
import '../styles.css';
import './phone.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <PhoneApp />
    </I18nProvider>
  </StrictMode>,
);
