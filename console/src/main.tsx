import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createSessionClients } from './app/session-client';
import { createSessionStore } from './app/session-store';
import './styles.css';

const sessions = createSessionStore();
const clients = createSessionClients(sessions);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App sessions={sessions} clients={clients} />
  </StrictMode>,
);
