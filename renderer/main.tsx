// Entry point: i18n first (synchronous, bundled catalogs), then the app on the bridge the
// shell installed. Without a bridge the page says so calmly instead of failing.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/app';
import { Client, windowBridge, type HearthBridge } from './bridge/client';
import { ClientProvider } from './bridge/context';
import { createI18n } from './i18n/setup';
import { observerSessionFrom } from './observers/observer-route';
import { ObserverWindow } from './observers/observer-window';
import './styles/app.css';

// Without the shell's bridge every call answers INTERNAL, which the app shows as a calm
// "could not reach the vault" message with a retry.
const missingBridge: HearthBridge = {
  invoke: () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'no bridge' } }),
};

const i18n = createI18n();
const client = new Client(windowBridge() ?? missingBridge);
const root = document.getElementById('root');
// The same page serves the observer window ("#observer/<sessionId>", opened by the live screen).
const observerSession = observerSessionFrom(window.location.hash);
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ClientProvider client={client}>
          {observerSession ? <ObserverWindow sessionId={observerSession} /> : <App />}
        </ClientProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}
