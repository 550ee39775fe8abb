import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ChatApp } from './chat-app';
import './chat.css';

const root = document.getElementById('chat-root');
if (!root) throw new Error('chat.html has no #chat-root element');
createRoot(root).render(
  <StrictMode>
    <ChatApp />
  </StrictMode>,
);
