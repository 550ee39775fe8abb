import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ChatMessageFieldsFragment } from '../graphql/generated/graphql';
import { ChatError, listenForReplies, loadHistory, sendMessage, startSession, type ReplyStatus } from './chat-client';

const SESSION_KEY = 'hibachi.webchat.session';
const TRANSCRIPT_KEY = 'hibachi.webchat.transcript';
/** The server refuses longer messages; saying so here saves a round trip. */
const MAX_LENGTH = 2000;
const KEPT_MESSAGES = 200;

type ChatMessage = ChatMessageFieldsFragment;

function loadTranscript(): ChatMessage[] {
  try {
    const stored = JSON.parse(window.localStorage.getItem(TRANSCRIPT_KEY) ?? '[]') as unknown;
    return Array.isArray(stored) ? (stored as ChatMessage[]) : [];
  } catch {
    return [];
  }
}

/** Adds messages once each (a reply arrives both with the send and on the subscription), in time order. */
function withMessages(current: ChatMessage[], added: ChatMessage[]): ChatMessage[] {
  const known = new Set(current.map((message) => message.id));
  const fresh = added.filter((message) => !known.has(message.id));
  if (fresh.length === 0) return current;
  return [...current, ...fresh].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).slice(-KEPT_MESSAGES);
}

const WHO: Record<ChatMessage['author'], string> = { CUSTOMER: 'You', AI: 'Assistant', STAFF: 'Our team', SYSTEM: 'Hibachi' };

/**
 * The customers' chat window. The session token and the transcript stay in this browser, so
 * a reload continues the same conversation; replies from the assistant and from staff who
 * take over arrive live, and on every (re)connection the chat catches up from the server, so a
 * reply written while the window was closed or offline is shown too.
 */
export function ChatApp() {
  const id = useId();
  const [sessionToken, setSessionToken] = useState<string | null>(() => window.localStorage.getItem(SESSION_KEY));
  const [messages, setMessages] = useState<ChatMessage[]>(loadTranscript);
  const [draft, setDraft] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<ReplyStatus | null>(null);
  const end = useRef<HTMLLIElement>(null);

  useEffect(() => {
    window.localStorage.setItem(TRANSCRIPT_KEY, JSON.stringify(messages));
    end.current?.scrollIntoView?.({ block: 'nearest' });
  }, [messages]);

  useEffect(() => {
    if (!sessionToken) return;
    const catchUp = () =>
      loadHistory(sessionToken).then(
        (history) => setMessages((current) => withMessages(current, history)),
        () => undefined, // offline or refused: the next reconnection tries again
      );
    return listenForReplies({
      sessionToken,
      onReply: (reply) => setMessages((current) => withMessages(current, [reply])),
      onStatus: (next) => {
        setStatus(next);
        // Listening from now on: read what came before, so nothing falls in between.
        if (next === 'connected') void catchUp();
      },
    });
  }, [sessionToken]);

  async function ensureSession(forceNew: boolean): Promise<string> {
    if (sessionToken && !forceNew) return sessionToken;
    const token = await startSession();
    window.localStorage.setItem(SESSION_KEY, token);
    setSessionToken(token);
    return token;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const text = draft;
    if (!text.trim() || sending) return;
    setSending(true);
    setError(null);
    try {
      let sent;
      try {
        sent = await sendMessage(await ensureSession(false), text);
      } catch (failure) {
        // The server no longer knows this chat (expired): continue in a new one.
        if (!(failure instanceof ChatError && failure.code === 'UNKNOWN_SESSION')) throw failure;
        sent = await sendMessage(await ensureSession(true), text);
      }
      setMessages((current) => withMessages(current, sent.reply ? [sent.message, sent.reply] : [sent.message]));
      setDraft('');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Your message was not sent. Please try again.');
    } finally {
      setSending(false);
    }
  }

  return (
    <main className="chat">
      <header className="chat__header">
        <h1>Chat with us</h1>
        <p>Ask about dates, prices or your booking. A person can join whenever you ask for one.</p>
        {status && status !== 'connected' && (
          <p className="chat__status" role="status">
            {status === 'connecting' ? 'Connecting…' : 'Reconnecting… replies will appear when we are back.'}
          </p>
        )}
      </header>
      <ol className="chat__messages" aria-label="Conversation" aria-live="polite" data-testid="chat-messages">
        {messages.length === 0 && <li className="chat__empty">Say hello to start.</li>}
        {messages.map((message) => (
          <li key={message.id} className={`chat__message chat__message--${message.author === 'CUSTOMER' ? 'mine' : 'theirs'}`} data-author={message.author}>
            {/* A staff reply is signed with the first name of who wrote it. */}
            <span className="chat__who">{message.author === 'STAFF' && message.senderName ? message.senderName : WHO[message.author]}</span>
            <p>{message.text}</p>
          </li>
        ))}
        <li ref={end} aria-hidden="true" className="chat__end" />
      </ol>
      <form className="chat__form" onSubmit={(event) => void submit(event)}>
        <label htmlFor={`${id}-text`} className="visually-hidden">
          Your message
        </label>
        <input
          id={`${id}-text`}
          value={draft}
          maxLength={MAX_LENGTH}
          autoComplete="off"
          placeholder="Type a message"
          onChange={(event) => setDraft(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <button type="submit" disabled={sending || !draft.trim()}>
          {sending ? 'Sending…' : 'Send'}
        </button>
      </form>
      {error && (
        <p id={`${id}-error`} className="chat__error" role="alert">
          {error}
        </p>
      )}
    </main>
  );
}
